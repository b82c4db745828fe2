/**
 * Saved queries: `.sql` files with a `-- key: value` header (see README "Saved queries").
 *
 *   -- id: ssl-bindings-deleted
 *   -- title: SSL bindings deleted per endpoint
 *   -- description: HttpEvent 15300 / HttpService 119 …
 *   -- level: high
 *   -- tags: ssl, http.sys
 *   -- params: since:timestamp, window:interval=2 minutes, host:varchar
 *   -- event_ids: 15300, 15301, 119
 *   SELECT …  WHERE ($host IS NULL OR host = $host)
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { InputError } from '../errors.js';
import { LEVELS, type Level } from '../model/index.js';
import { didYouMean } from '../util/did-you-mean.js';

export const PARAM_TYPES = ['timestamp', 'interval', 'varchar', 'integer', 'double', 'boolean'] as const;
export type ParamType = (typeof PARAM_TYPES)[number];

export interface QueryParam {
  name: string;
  type: ParamType;
  /** Default as text (cast by DuckDB), undefined = NULL when not given. */
  defaultValue?: string;
}

export interface SavedQuery {
  id: string;
  title: string;
  description: string;
  level: Level;
  tags: string[];
  params: QueryParam[];
  eventIds: number[];
  /** Theme folder (`ssl`, `services`…) or '' for a user file. */
  group: string;
  path: string;
  sql: string;
}

const HEADER_LINE = /^--\s*([a-z_]+)\s*:\s*(.*)$/;
const KNOWN_KEYS = new Set(['id', 'title', 'description', 'level', 'tags', 'params', 'event_ids']);

/** Parse one saved query; `problems` collects header issues for `queries lint` (throws if asked to). */
export function parseSavedQuery(text: string, path: string, group = '', problems?: string[]): SavedQuery {
  const fail = (msg: string): void => {
    if (problems) problems.push(`${path}: ${msg}`);
    else
      throw new InputError(
        msg,
        path,
        undefined,
        'expected a "-- key: value" header: id, title, description, level, tags, params, event_ids',
      );
  };
  const header = new Map<string, string>();
  const lines = text.split(/\r?\n/);
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const m = HEADER_LINE.exec(line);
    if (!m) break;
    const key = m[1]!;
    if (!KNOWN_KEYS.has(key)) fail(`unknown header key "${key}"`);
    header.set(key, (header.has(key) ? header.get(key) + ' ' : '') + m[2]!.trim());
  }
  const sql = lines.slice(i).join('\n').trim().replace(/;\s*$/, '');
  const fileId = basename(path).replace(/\.sql$/i, '');
  const id = header.get('id') ?? fileId;
  if (!header.has('id')) fail('missing "-- id:"');
  else if (group !== '' && id !== fileId) fail(`id "${id}" differs from the file name "${fileId}"`);
  if (!header.get('title')) fail('missing "-- title:"');
  const levelText = (header.get('level') ?? 'info').toLowerCase();
  if (!(LEVELS as readonly string[]).includes(levelText))
    fail(`level "${levelText}" is not one of ${LEVELS.join('|')}`);
  if (sql === '') fail('no SQL after the header');
  return {
    id,
    title: header.get('title') ?? id,
    description: header.get('description') ?? '',
    level: ((LEVELS as readonly string[]).includes(levelText) ? levelText : 'info') as Level,
    tags: splitList(header.get('tags')),
    params: splitList(header.get('params')).map((p) => parseParam(p, fail)),
    eventIds: splitList(header.get('event_ids'))
      .map(Number)
      .filter((n) => Number.isInteger(n)),
    group,
    path,
    sql,
  };
}

function splitList(v: string | undefined): string[] {
  return (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function parseParam(spec: string, fail: (m: string) => void): QueryParam {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*:\s*([a-z]+)\s*(?:=\s*(.*))?$/.exec(spec);
  if (!m) {
    fail(`param "${spec}" is not name:type[=default]`);
    return { name: spec, type: 'varchar' };
  }
  const type = m[2] as ParamType;
  if (!(PARAM_TYPES as readonly string[]).includes(type))
    fail(`param "${m[1]}" has type "${type}", expected one of ${PARAM_TYPES.join('|')}`);
  return m[3] === undefined ? { name: m[1]!, type } : { name: m[1]!, type, defaultValue: m[3].trim() };
}

/** Every saved query under `dir` (recursive), sorted by group then id. */
export function loadSavedQueries(dir: string, problems?: string[]): SavedQuery[] {
  const out: SavedQuery[] = [];
  const st = statSync(dir, { throwIfNoEntry: false });
  if (st === undefined || !st.isDirectory()) {
    throw new InputError(
      st === undefined ? 'no such folder' : 'not a folder',
      dir,
      undefined,
      'name a folder of .sql saved queries, or none for the bundled ones',
    );
  }
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.sql')) {
        const group = relative(dir, d).split(/[\\/]/).join('/');
        out.push(parseSavedQuery(readFileSync(p, 'utf8'), p, group || 'general', problems));
      }
    }
  };
  walk(dir);
  const seen = new Map<string, string>();
  for (const q of out) {
    const prev = seen.get(q.id);
    if (prev !== undefined) {
      const msg = `duplicate id "${q.id}" (also ${prev})`;
      if (problems) problems.push(`${q.path}: ${msg}`);
      else throw new InputError(msg, q.path);
    }
    seen.set(q.id, q.path);
  }
  return out;
}

/** A bundled query by id, or a user's `.sql` file by path. */
export function resolveSavedQuery(idOrFile: string, dir: string): SavedQuery {
  if (idOrFile.toLowerCase().endsWith('.sql')) {
    let text: string;
    try {
      text = readFileSync(idOrFile, 'utf8');
    } catch (e) {
      throw new InputError(
        `cannot read query file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
        idOrFile,
      );
    }
    return parseSavedQuery(text, idOrFile, '');
  }
  const all = loadSavedQueries(dir);
  const q = all.find((x) => x.id === idOrFile);
  if (!q)
    throw new InputError(
      `no saved query with id "${idOrFile}"${didYouMean(
        idOrFile,
        all.map((x) => x.id),
      )}`,
      undefined,
      undefined,
      'run "bindtrail queries" for the list',
    );
  return q;
}
