/** Command-line inputs → files: plain files, directories (recursive) and glob patterns. */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';

export interface ExpandedInputs {
  files: string[];
  /** Files named one by one (resolved): of these, one bindtrail cannot read is an error, not skipped. */
  named: Set<string>;
  /** Inputs that named nothing (missing path, glob without matches), with the reason. */
  missing: { input: string; reason: string }[];
}

const GLOB_CHARS = /[*?[]/;

export async function expandInputs(inputs: readonly string[]): Promise<ExpandedInputs> {
  const files: string[] = [];
  const missing: ExpandedInputs['missing'] = [];
  const seen = new Set<string>();
  const named = new Set<string>();
  const add = (f: string): void => {
    const abs = resolve(f);
    if (!seen.has(abs)) {
      seen.add(abs);
      files.push(f);
    }
  };
  for (const input of inputs) {
    if (GLOB_CHARS.test(input) && !(await exists(input))) {
      const matches = await glob(input);
      if (matches.length === 0) missing.push({ input, reason: 'no file matches this pattern' });
      matches.forEach(add);
      continue;
    }
    let st: Awaited<ReturnType<typeof stat>>;
    try {
      st = await stat(input);
    } catch {
      missing.push({ input, reason: 'no such file or directory' });
      continue;
    }
    if (st.isDirectory()) (await walk(input)).forEach(add);
    else {
      named.add(resolve(input));
      add(input);
    }
  }
  return { files, named, missing };
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

/** Every regular file under `dir`, sorted, hidden entries included. */
async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** `*` and `?` within a path segment, `**` across segments, `[…]` classes. */
async function glob(pattern: string): Promise<string[]> {
  const parts = pattern.split(/[\\/]+/);
  const fixed: string[] = [];
  while (parts.length > 1 && !GLOB_CHARS.test(parts[0]!)) fixed.push(parts.shift()!);
  const root = fixed.length === 0 ? '.' : fixed.join(sep) || sep;
  const re = globRegExp(parts);
  let all: string[];
  try {
    all = await walk(root);
  } catch {
    return [];
  }
  const prefix = root === '.' ? '' : root.endsWith(sep) ? root : root + sep;
  return all.filter((f) => re.test((prefix && f.startsWith(prefix) ? f.slice(prefix.length) : f).split(sep).join('/')));
}

function segmentRe(seg: string): string {
  let out = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i]!;
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = seg.indexOf(']', i + 1);
      if (end < 0) out += '\\[';
      else {
        out += `[${seg
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else out += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return out;
}

function globRegExp(segments: string[]): RegExp {
  let re = '';
  segments.forEach((seg, i) => {
    const last = i === segments.length - 1;
    if (seg === '**') re += last ? '.*' : '(?:[^/]+/)*';
    else re += segmentRe(seg) + (last ? '' : '/');
  });
  return new RegExp(`^${re}$`);
}
