/**
 * One input file, one transaction: the `files` row, its events or configuration rows, its
 * findings, duplicate removal and statistics commit together or not at all (a killed ingest
 * leaves the database as it was before the file). A file already loaded (same sha256) is
 * skipped unless `force`, which replaces the earlier load.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { InputError } from '../errors.js';
import { decodeText } from '../xml/index.js';
import type { ConfigKind } from './config/index.js';
import type { InputKind } from './detect.js';
import { EventSink } from './event-sink.js';
import { loadConfigArtefact, type HostChoice } from './load-config.js';
import { loadEvtx } from './load-evtx.js';
import { loadXmlExport } from './load-xml.js';
import type { ParsePool } from './parse-pool.js';

export interface FileOutcome {
  path: string;
  kind: InputKind | null;
  status: 'loaded' | 'skipped' | 'failed';
  fileId: number | null;
  /** Records read (events) or configuration rows. */
  records: number;
  /** Records not kept because another loaded file already holds them. */
  duplicates: number;
  warnings: number;
  errors: number;
  bytes: number;
  seconds: number;
  hosts: string[];
  /** Why it was skipped or failed. */
  message: string | null;
}

export interface LoadOptions {
  strict: boolean;
  carve: boolean;
  force: boolean;
  /** Host for configuration artefacts: `--host`, else named in the artefact, else the fallback. */
  host: HostChoice;
  onProgress?: (bytes: number, records: number) => void;
}

/** Largest configuration artefact read whole. */
const MAX_CONFIG_BYTES = 256 * 1024 * 1024;

export async function loadFile(conn: DuckDBConnection, pool: () => ParsePool, path: string, kind: InputKind, opts: LoadOptions): Promise<FileOutcome> {
  const t0 = performance.now();
  const size = (await stat(path)).size;
  const outcome: FileOutcome = { path, kind, status: 'loaded', fileId: null, records: 0, duplicates: 0, warnings: 0, errors: 0, bytes: size, seconds: 0, hosts: [], message: null };
  const same = await sameContent(conn, path, size);
  if (same.ids.length > 0 && !opts.force) {
    outcome.status = 'skipped';
    outcome.fileId = same.ids[0]!;
    outcome.message = `already loaded as file ${same.ids[0]} (same sha256; --force loads it again)`;
    outcome.seconds = (performance.now() - t0) / 1000;
    return outcome;
  }
  await conn.run('BEGIN TRANSACTION');
  try {
    if (same.ids.length > 0) await forget(conn, same.ids);
    const fileId = await insertFileRow(conn, path, size, kind);
    outcome.fileId = fileId;
    const sha = kind === 'evtx' || kind === 'xml' ? await loadEvents(conn, pool, path, kind, fileId, outcome, opts) : await loadConfig(conn, path, size, kind, fileId, outcome, opts);
    await conn.run('UPDATE files SET sha256 = $1 WHERE file_id = $2', [sha, fileId]);
    await conn.run('COMMIT');
  } catch (e) {
    await conn.run('ROLLBACK').catch(() => undefined);
    throw e;
  }
  outcome.seconds = (performance.now() - t0) / 1000;
  return outcome;
}

async function loadEvents(conn: DuckDBConnection, pool: () => ParsePool, path: string, kind: 'evtx' | 'xml', fileId: number, outcome: FileOutcome, opts: LoadOptions): Promise<string> {
  const sink = await EventSink.open(conn, fileId, path);
  let sha: string;
  try {
    if (kind === 'evtx') sha = await loadEvtx(pool(), path, sink, { strict: opts.strict, carve: opts.carve, onProgress: opts.onProgress });
    else {
      await loadXmlExport(path, sink, { onProgress: opts.onProgress });
      sha = await sha256File(path);
    }
  } finally {
    await sink.close();
  }
  outcome.duplicates = await dropDuplicates(conn, fileId, sink.minTicks !== null);
  outcome.records = sink.records;
  outcome.warnings = sink.warnings;
  outcome.errors = sink.errors;
  outcome.hosts = [...sink.hosts].sort();
  await conn.run(
    `UPDATE files SET hosts = (SELECT list(DISTINCT host ORDER BY host) FROM events WHERE file_id = $1 AND host IS NOT NULL),
       first_ts = (SELECT min(ts) FROM events WHERE file_id = $1), last_ts = (SELECT max(ts) FROM events WHERE file_id = $1),
       records = $2, warnings = $3, errors = $4, duplicates = $5 WHERE file_id = $1`,
    [fileId, sink.records, sink.warnings, sink.errors, outcome.duplicates],
  );
  return sha;
}

async function loadConfig(conn: DuckDBConnection, path: string, size: number, kind: ConfigKind, fileId: number, outcome: FileOutcome, opts: LoadOptions): Promise<string> {
  if (size > MAX_CONFIG_BYTES) throw new InputError(`configuration artefact larger than ${MAX_CONFIG_BYTES >> 20} MiB`, path);
  const bytes = await readFile(path);
  const text = decodeText(bytes);
  const r = await loadConfigArtefact(conn, fileId, opts.host, kind, text, path);
  outcome.records = r.rows;
  outcome.warnings = r.warnings.length;
  outcome.hosts = r.host ? [r.host] : [];
  for (const w of r.warnings) {
    await conn.run(`INSERT INTO ingest_errors (file_id, path, severity, message) VALUES ($1, $2, 'warning', $3)`, [fileId, path, w]);
  }
  await conn.run(`UPDATE files SET hosts = CASE WHEN $2::VARCHAR IS NULL THEN NULL ELSE [$2::VARCHAR] END, records = $3, warnings = $4 WHERE file_id = $1`, [
    fileId,
    r.host,
    r.rows,
    r.warnings.length,
  ]);
  return createHash('sha256').update(bytes).digest('hex');
}

async function insertFileRow(conn: DuckDBConnection, path: string, size: number, kind: InputKind): Promise<number> {
  const r = await conn.runAndReadAll(`INSERT INTO files (path, sha256, size, kind) VALUES ($1, '', $2, $3) RETURNING file_id`, [path, size, kind]);
  return Number(r.getRows()[0]![0]);
}

/** Files already loaded with the same content (candidates by size, confirmed by sha256). */
async function sameContent(conn: DuckDBConnection, path: string, size: number): Promise<{ ids: number[] }> {
  const rows = (await conn.runAndReadAll(`SELECT file_id, sha256 FROM files WHERE size = $1`, [size])).getRows();
  if (rows.length === 0) return { ids: [] };
  const sha = await sha256File(path);
  return { ids: rows.filter((r) => r[1] === sha).map((r) => Number(r[0])) };
}

/** Remove every row of earlier loads of the same content (`--force`). */
async function forget(conn: DuckDBConnection, ids: number[]): Promise<void> {
  const list = ids.map((i) => String(Math.trunc(i))).join(',');
  for (const t of ['events', 'ingest_errors', 'config_metadata', 'ssl_bindings', 'certificates', 'files']) {
    await conn.run(`DELETE FROM ${t} WHERE file_id IN (${list})`);
  }
}

/**
 * The same record seen in two exports is kept once, keyed by (host, channel, record id, time):
 * rows of this file already held by another file are dropped, and carved copies of records the
 * file holds live. Returns how many rows were dropped.
 */
async function dropDuplicates(conn: DuckDBConnection, fileId: number, hasTimes: boolean): Promise<number> {
  if (!hasTimes) return 0;
  const r = await conn.runAndReadAll(
    `DELETE FROM events e WHERE e.file_id = $1 AND e.record_id IS NOT NULL AND e.ts IS NOT NULL AND (
        EXISTS (SELECT 1 FROM events o WHERE o.file_id <> $1
                  AND o.ts BETWEEN (SELECT min(ts) FROM events WHERE file_id = $1) AND (SELECT max(ts) FROM events WHERE file_id = $1)
                  AND o.record_id = e.record_id AND o.ts = e.ts
                  AND o.host IS NOT DISTINCT FROM e.host AND o.channel IS NOT DISTINCT FROM e.channel)
        OR (e.recovered AND EXISTS (SELECT 1 FROM events o WHERE o.file_id = $1 AND NOT o.recovered
                  AND o.record_id = e.record_id AND o.ts = e.ts
                  AND o.host IS NOT DISTINCT FROM e.host AND o.channel IS NOT DISTINCT FROM e.channel)))`,
    [fileId],
  );
  return Number(r.rowsChanged);
}

export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
  return h.digest('hex');
}
