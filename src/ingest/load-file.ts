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
import { beginAppends, endAppends } from '../store/bulk-load.js';
import type { Database } from '../store/db.js';
import { dropDuplicateEvents } from '../store/dedup.js';
import { forgetFiles } from '../store/deletes.js';
import { materialiseDomainTables } from '../store/domain-tables.js';
import { filesOfSize, insertFileRow, setFileSha256 } from '../store/files.js';
import { insertFileDamage, recordGaps } from '../store/file-damage.js';
import { appendIngestErrors } from '../store/ingest-errors.js';
import type { FileDamage } from '../model/index.js';
import { setConfigFileStats, setEventFileStats } from '../store/stats.js';
import { inTransaction } from '../store/transaction.js';
import { decodeText } from '../xml/index.js';
import type { ConfigKind } from './config/index.js';
import type { InputKind } from './detect.js';
import { evtxDamage, evtxLoss, xmlDamage } from './damage.js';
import { EventSink } from './event-sink.js';
import { loadConfigArtefact, type HostChoice } from './load-config.js';
import { loadEvtx, type EvtxFeed, type EvtxShape } from './load-evtx.js';
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
  /** What was lost when the file was read only in part (null: read whole, or not loaded). */
  damage: FileDamage | null;
}

export interface LoadOptions {
  strict: boolean;
  carve: boolean;
  force: boolean;
  /** Host for configuration artefacts: `--host`, else named in the artefact, else the fallback. */
  host: HostChoice;
  /** Path shown and kept in `files.path` (`case.zip!WEB01/System.evtx`); default: the path read. */
  name?: string;
  onProgress?: (bytes: number, records: number) => void;
  /** The file's batches already being read and parsed (started while the file before it finished). */
  feed?: EvtxFeed | null;
  /** Called when the file's events are all read, before its duplicate check, domain tables and commit. */
  onEventsRead?: () => void;
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
  const name = opts.name ?? path;
  const outcome: FileOutcome = {
    path: name,
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
    damage: null,
  };
  const same = await sameContent(db, path, size);
  if (same.length > 0 && !opts.force) {
    outcome.status = 'skipped';
    outcome.fileId = same[0]!;
    outcome.message = `already loaded as file ${same[0]} (same sha256; --force loads it again)`;
    outcome.seconds = (performance.now() - t0) / 1000;
    return outcome;
  }
  // An event file commits twice: its events, then its domain rows with its sha256, which marks
  // the load complete (the domain SELECTs read committed rows two to three times faster than the
  // transaction's own). A load stopped in between is removed at the next open (forgetIncompleteLoads).
  let finish: (() => Promise<void>) | null = null;
  await inTransaction(db, async () => {
    if (same.length > 0) await forgetFiles(db, same);
    const fileId = await insertFileRow(db, { path: name, size, kind });
    outcome.fileId = fileId;
    const file = { path, name };
    if (kind === 'evtx' || kind === 'xml') {
      finish = await loadEvents(db, pool, file, kind, fileId, outcome, opts);
    } else {
      await setFileSha256(db, fileId, await loadConfig(db, file, size, kind, fileId, outcome, opts));
    }
  });
  if (finish !== null) {
    const fileId = outcome.fileId!;
    try {
      await inTransaction(db, finish);
    } catch (e) {
      await inTransaction(db, () => forgetFiles(db, [fileId])).catch(() => undefined);
      throw e;
    }
  }
  outcome.seconds = (performance.now() - t0) / 1000;
  return outcome;
}

/** The file read (`path`) and the name it is kept under. */
interface NamedFile {
  path: string;
  name: string;
}

/**
 * The first transaction of an event file: its rows appended, its damage, its duplicates dropped.
 * Returns the second: the domain rows, the file's counts and its sha256 (the mark of a complete load).
 */
async function loadEvents(
  db: Database,
  pool: () => ParsePool,
  { path, name }: NamedFile,
  kind: 'evtx' | 'xml',
  fileId: number,
  outcome: FileOutcome,
  opts: LoadOptions,
): Promise<() => Promise<void>> {
  const sink = await EventSink.open(db, fileId, name);
  let sha: string;
  let shape: EvtxShape | null = null;
  await beginAppends(db);
  try {
    if (kind === 'evtx') {
      shape = await loadEvtx(
        pool(),
        path,
        sink,
        { strict: opts.strict, carve: opts.carve, onProgress: opts.onProgress },
        opts.feed?.path === path ? opts.feed : null,
      );
      sha = shape.sha256;
    } else {
      await loadXmlExport(path, sink, { onProgress: opts.onProgress });
      sha = await sha256File(path);
    }
  } finally {
    await sink.close();
    await endAppends(db);
  }
  opts.onEventsRead?.();
  // Before duplicates are dropped: a record another file holds is not missing from this one.
  outcome.damage = await damageOf(db, fileId, shape, sink, outcome.bytes);
  if (outcome.damage !== null) await insertFileDamage(db, fileId, path, outcome.damage);
  // Without any record time there is nothing the duplicate check could match.
  outcome.duplicates = sink.minTicks !== null ? await dropDuplicateEvents(db, fileId) : 0;
  outcome.records = sink.records;
  outcome.warnings = sink.warnings;
  outcome.errors = sink.errors;
  outcome.hosts = [...sink.hosts].sort();
  return async () => {
    await materialiseDomainTables(db, fileId);
    await setEventFileStats(db, fileId, {
      records: sink.records,
      warnings: sink.warnings,
      errors: sink.errors,
      duplicates: outcome.duplicates,
    });
    await setFileSha256(db, fileId, sha);
  };
}

/** What the file lost (null: read whole). */
async function damageOf(
  db: Database,
  fileId: number,
  shape: EvtxShape | null,
  sink: EventSink,
  size: number,
): Promise<FileDamage | null> {
  if (shape === null) return sink.firstError === null ? null : xmlDamage(size, sink.errors, sink.firstError.message);
  const loss = evtxLoss(shape, sink);
  if (loss === null) return null;
  return evtxDamage(
    loss,
    await recordGaps(db, fileId, shape.nextRecordId > 0n ? shape.nextRecordId - 1n : 0n),
    sink.records,
  );
}

async function loadConfig(
  db: Database,
  { path, name }: NamedFile,
  size: number,
  kind: ConfigKind,
  fileId: number,
  outcome: FileOutcome,
  opts: LoadOptions,
): Promise<string> {
  if (size > MAX_CONFIG_BYTES)
    throw new InputError(`configuration artefact larger than ${MAX_CONFIG_BYTES >> 20} MiB`, name);
  const bytes = await readFile(path);
  const text = decodeText(bytes);
  const r = await loadConfigArtefact(db, fileId, opts.host, kind, text, name);
  outcome.records = r.rows;
  outcome.warnings = r.warnings.length;
  outcome.hosts = r.host ? [r.host] : [];
  await appendIngestErrors(
    db,
    fileId,
    name,
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
