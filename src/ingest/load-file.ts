/**
 * One input file, one transaction: the `files` row, its events or configuration rows, its
 * findings, duplicate removal and statistics commit together or not at all (a killed ingest
 * leaves the database as it was before the file). A file already loaded (same sha256) is
 * skipped unless `force`, which replaces the earlier load.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../errors.js';
import type { Database } from '../store/db.js';
import { dropDuplicateEvents } from '../store/dedup.js';
import { forgetFiles } from '../store/deletes.js';
import { materialiseDomainTables } from '../store/domain-tables.js';
import { filesOfSize, insertFileRow, setFileSha256 } from '../store/files.js';
import { appendIngestErrors } from '../store/ingest-errors.js';
import { setConfigFileStats, setEventFileStats } from '../store/stats.js';
import { inTransaction } from '../store/transaction.js';
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

export async function loadFile(
  db: Database,
  pool: () => ParsePool,
  path: string,
  kind: InputKind,
  opts: LoadOptions,
): Promise<FileOutcome> {
  const t0 = performance.now();
  const size = (await stat(path)).size;
  const outcome: FileOutcome = {
    path,
    kind,
    status: 'loaded',
    fileId: null,
    records: 0,
    duplicates: 0,
    warnings: 0,
    errors: 0,
    bytes: size,
    seconds: 0,
    hosts: [],
    message: null,
  };
  const same = await sameContent(db, path, size);
  if (same.length > 0 && !opts.force) {
    outcome.status = 'skipped';
    outcome.fileId = same[0]!;
    outcome.message = `already loaded as file ${same[0]} (same sha256; --force loads it again)`;
    outcome.seconds = (performance.now() - t0) / 1000;
    return outcome;
  }
  await inTransaction(db, async () => {
    if (same.length > 0) await forgetFiles(db, same);
    const fileId = await insertFileRow(db, { path, size, kind });
    outcome.fileId = fileId;
    const sha =
      kind === 'evtx' || kind === 'xml'
        ? await loadEvents(db, pool, path, kind, fileId, outcome, opts)
        : await loadConfig(db, path, size, kind, fileId, outcome, opts);
    await setFileSha256(db, fileId, sha);
  });
  outcome.seconds = (performance.now() - t0) / 1000;
  return outcome;
}

async function loadEvents(
  db: Database,
  pool: () => ParsePool,
  path: string,
  kind: 'evtx' | 'xml',
  fileId: number,
  outcome: FileOutcome,
  opts: LoadOptions,
): Promise<string> {
  const sink = await EventSink.open(db, fileId, path);
  let sha: string;
  try {
    if (kind === 'evtx')
      sha = await loadEvtx(pool(), path, sink, { strict: opts.strict, carve: opts.carve, onProgress: opts.onProgress });
    else {
      await loadXmlExport(path, sink, { onProgress: opts.onProgress });
      sha = await sha256File(path);
    }
  } finally {
    await sink.close();
  }
  // Without any record time there is nothing the duplicate check could match.
  outcome.duplicates = sink.minTicks !== null ? await dropDuplicateEvents(db, fileId) : 0;
  await materialiseDomainTables(db, fileId);
  outcome.records = sink.records;
  outcome.warnings = sink.warnings;
  outcome.errors = sink.errors;
  outcome.hosts = [...sink.hosts].sort();
  await setEventFileStats(db, fileId, {
    records: sink.records,
    warnings: sink.warnings,
    errors: sink.errors,
    duplicates: outcome.duplicates,
  });
  return sha;
}

async function loadConfig(
  db: Database,
  path: string,
  size: number,
  kind: ConfigKind,
  fileId: number,
  outcome: FileOutcome,
  opts: LoadOptions,
): Promise<string> {
  if (size > MAX_CONFIG_BYTES)
    throw new InputError(`configuration artefact larger than ${MAX_CONFIG_BYTES >> 20} MiB`, path);
  const bytes = await readFile(path);
  const text = decodeText(bytes);
  const r = await loadConfigArtefact(db, fileId, opts.host, kind, text, path);
  outcome.records = r.rows;
  outcome.warnings = r.warnings.length;
  outcome.hosts = r.host ? [r.host] : [];
  await appendIngestErrors(
    db,
    fileId,
    path,
    r.warnings.map((message) => ({ severity: 'warning', chunk: null, offset: null, recordId: null, message })),
  );
  await setConfigFileStats(db, fileId, { host: r.host, records: r.rows, warnings: r.warnings.length });
  return createHash('sha256').update(bytes).digest('hex');
}

/** Ids of files already loaded with the same content (candidates by size, confirmed by sha256). */
async function sameContent(db: Database, path: string, size: number): Promise<number[]> {
  const candidates = await filesOfSize(db, size);
  if (candidates.length === 0) return [];
  const sha = await sha256File(path);
  return candidates.filter((c) => c.sha256 === sha).map((c) => c.fileId);
}

export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
  return h.digest('hex');
}
