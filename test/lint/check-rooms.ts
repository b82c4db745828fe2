/**
 * The house's import rules, checked on the sources: each room of src/ (README "Project layout")
 * may import only the rooms listed for it. Also: no `as unknown as` in src/ingest, and package.json
 * `main`/`types` name files the build produces. Prints one line per breach; exit 1 if any.
 *
 * Usage: node dist/test/lint/check-rooms.js [repo root]
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** Room → rooms (or packages) it may import. `node:` built-ins are always allowed. */
export const ROOM_RULES: Record<string, readonly string[]> = {
  evtx: [],
  xml: ['errors'],
  util: [],
  model: [],
  errors: ['evtx', 'xml'],
  paths: [],
  knowledge: ['model', 'util', 'errors'],
  store: ['model', 'util', 'errors', 'paths', 'knowledge', '@duckdb/node-api', '@duckdb/node-bindings'],
  ingest: ['evtx', 'xml', 'store', 'util', 'model', 'errors', 'paths', 'knowledge', 'yauzl'],
  correlate: ['store', 'model', 'knowledge', 'util', 'errors', 'paths'],
  report: ['model', 'knowledge', 'util', 'errors', 'luxon', 'cli-table3'],
  samples: ['evtx', 'model', 'util', 'errors', 'paths', 'xml', 'knowledge', 'luxon'],
  cli: ['*'],
  index: ['*'],
};

export interface Breach {
  file: string;
  line: number;
  message: string;
}

const IMPORT_RE =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;(])import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...tsFiles(p));
    else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** The room of a path under src/: its first directory, or the file's base name at the root. */
export function roomOf(srcDir: string, file: string): string {
  const rel = relative(srcDir, file).split(sep);
  return rel.length > 1 ? rel[0]! : rel[0]!.replace(/\.(ts|js)$/, '');
}

function packageName(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Breaches of the import rules in one source text. */
export function checkImports(srcDir: string, file: string, text: string): Breach[] {
  const room = roomOf(srcDir, file);
  const allowed = ROOM_RULES[room];
  const breaches: Breach[] = [];
  const rel = relative(resolve(srcDir, '..'), file);
  if (allowed === undefined) {
    breaches.push({
      file: rel,
      line: 1,
      message: `room "${room}" has no import rule (add it to ROOM_RULES and README)`,
    });
    return breaches;
  }
  for (const m of text.matchAll(IMPORT_RE)) {
    const spec = m[1] ?? m[2] ?? m[3]!;
    const line = text.slice(0, m.index).split('\n').length;
    if (spec.startsWith('node:')) continue;
    let target: string;
    if (spec.startsWith('.')) {
      const abs = resolve(dirname(file), spec);
      if (!abs.startsWith(srcDir + sep)) continue; // outside src/ (only tests and bench do this)
      target = roomOf(srcDir, abs);
      if (target === room) continue;
    } else {
      target = packageName(spec);
    }
    if (allowed.includes('*') || allowed.includes(target)) continue;
    breaches.push({ file: rel, line, message: `${room} may not import ${target} ("${spec}")` });
  }
  if (room === 'ingest' && /\bas\s+unknown\s+as\b/.test(text)) {
    const line = text.slice(0, text.search(/\bas\s+unknown\s+as\b/)).split('\n').length;
    breaches.push({ file: rel, line, message: "ingest casts through `as unknown as` (use the reader's public API)" });
  }
  return breaches;
}

/** package.json `main` and `types` must name files the build wrote. */
export function checkPackageEntry(root: string): Breach[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  const out: Breach[] = [];
  for (const key of ['main', 'types'] as const) {
    const target = pkg[key];
    if (typeof target !== 'string') out.push({ file: 'package.json', line: 1, message: `"${key}" is missing` });
    else if (!existsSync(join(root, target)))
      out.push({ file: 'package.json', line: 1, message: `"${key}" names ${target}, which the build did not produce` });
  }
  return out;
}

export function checkTree(root: string): Breach[] {
  const srcDir = resolve(root, 'src');
  const breaches: Breach[] = [];
  for (const file of tsFiles(srcDir)) breaches.push(...checkImports(srcDir, file, readFileSync(file, 'utf8')));
  return [...breaches, ...checkPackageEntry(root)];
}

const isEntry = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isEntry) {
  const root = resolve(process.argv[2] ?? '.');
  const breaches = checkTree(root);
  for (const b of breaches) process.stdout.write(`${b.file}:${b.line}: ${b.message}\n`);
  process.stdout.write(
    breaches.length === 0 ? 'rooms: every import follows the layout rules\n' : `rooms: ${breaches.length} breach(es)\n`,
  );
  process.exitCode = breaches.length === 0 ? 0 : 1;
}
