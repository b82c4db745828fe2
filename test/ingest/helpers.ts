/** Shared by the ingest tests: corpus location, temporary folders, XML exports built from records. */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEvtx } from '../../src/evtx/index.js';
import { packageRoot } from '../../src/paths.js';
import type { Database } from '../../src/store/db.js';

export const corpusDir = (): string => process.env.BINDTRAIL_CORPUS ?? join(packageRoot(), '..', 'shared', 'corpus');

/** Corpus .evtx files, or [] (with a visible SKIP) when the corpus is absent. */
export function corpusFiles(testName: string): string[] {
  const dir = join(corpusDir(), 'evtx');
  if (!existsSync(dir)) {
    console.log(`SKIP ${testName}: corpus not found at ${dir}`);
    return [];
  }
  return readdirSync(dir)
    .filter((f) => f.endsWith('.evtx'))
    .sort()
    .map((f) => join(dir, f));
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'bindtrail-ingest-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Records read by the reader (what "rows = records read" compares with). */
export async function countRecords(path: string): Promise<number> {
  let n = 0;
  for await (const it of readEvtx(path)) if (it.kind === 'record') n++;
  return n;
}

/** An Event Viewer-style export of every record of `evtx`, rendered by our own XML renderer. */
export async function writeXmlExport(evtx: string, out: string, withRoot = true): Promise<number> {
  const parts: string[] = [];
  for await (const it of readEvtx(evtx)) if (it.kind === 'record') parts.push(it.xml());
  const body = parts.join('\r\n');
  writeFileSync(
    out,
    withRoot ? `<?xml version="1.0" encoding="UTF-8"?>\r\n<Events>\r\n${body}\r\n</Events>\r\n` : body,
  );
  return parts.length;
}

export async function rows(
  db: Database,
  sql: string,
  params: (string | number)[] = [],
): Promise<Record<string, unknown>[]> {
  return (await db.conn.runAndReadAll(sql, params)).getRowObjectsJson() as Record<string, unknown>[];
}

export async function scalar(db: Database, sql: string, params: (string | number)[] = []): Promise<number> {
  const r = (await db.conn.runAndReadAll(sql, params)).getRows()[0]![0];
  return Number(r);
}
