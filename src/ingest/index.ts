/**
 * `ingestPaths`: everything a responder exported (event logs, XML exports, configuration
 * artefacts; files, directories, globs) into one bindtrail database, one transaction per file.
 * Event files load first so that artefacts can take their host from the logs beside them.
 */
import { basename, dirname, resolve } from 'node:path';
import type { Database } from '../store/db.js';
import { beginBulkLoad, endBulkLoad } from '../store/bulk-load.js';
import { eventFileHosts } from '../store/files.js';
import { knownHosts, matchingHosts } from '../store/hosts.js';
import { clearFailedInput, recordFailedInput } from '../store/ingest-errors.js';
import { describeError } from '../errors.js';
import type { InputKind } from './detect.js';
import type { ArchiveLimits } from './archive.js';
import { EvtxFeed } from './load-evtx.js';
import { loadFile, type FileOutcome } from './load-file.js';
import type { IngestProgress } from './progress.js';
import { ParsePool } from './parse-pool.js';
import { collectSources } from './sources.js';

export type { FileOutcome } from './load-file.js';
export type { FileDamage } from '../model/index.js';
export type { InputKind } from './detect.js';
export { ARCHIVE_LIMITS, type ArchiveLimits } from './archive.js';
import type { Source, SourceFailure } from './sources.js';

export interface IngestOptions {
  /** CRC32 mismatches are errors (default: warnings). */
  strict?: boolean;
  /** Recover records from slack space and damaged chunks. */
  carve?: boolean;
  /** Load files again even when the same content (sha256) is already loaded. */
  force?: boolean;
  /** Host for configuration artefacts. */
  host?: string | null;
  /** Parse workers (default: the machine's cores, at most 4). */
  workers?: number;
  progress?: IngestProgress;
  /** Called after each file (e.g. to print a failure at once). */
  onFile?: (outcome: FileOutcome) => void;
  /** Limits against hostile archives (default: ARCHIVE_LIMITS). */
  archiveLimits?: ArchiveLimits;
}

export interface IngestSummary {
  files: FileOutcome[];
  records: number;
  duplicates: number;
  warnings: number;
  errors: number;
  /** Files that could not be ingested at all (unknown type, unreadable, not what they seemed). */
  failed: number;
  /** Files of no known kind met while walking folders, globs or archives: skipped, not failed. */
  unknown: string[];
  bytes: number;
  seconds: number;
}

/** Ingest `paths` into `db`. Per-file problems are outcomes, never exceptions. */
export async function ingestPaths(
  db: Database,
  paths: readonly string[],
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const t0 = performance.now();
  const found = await collectSources(paths, options.archiveLimits);
  try {
    return await ingestSources(db, found.sources, found.failures, options, t0, found.unknown);
  } finally {
    found.cleanup();
  }
}

async function ingestSources(
  db: Database,
  typed: Source[],
  failures: readonly SourceFailure[],
  options: IngestOptions,
  t0: number,
  unknown: string[],
): Promise<IngestSummary> {
  const outcomes: FileOutcome[] = [];
  const fail = async (path: string, kind: InputKind | null, message: string): Promise<void> => {
    const o: FileOutcome = {
      path,
      kind,
      status: 'failed',
      fileId: null,
      records: 0,
      duplicates: 0,
      warnings: 0,
      errors: 1,
      bytes: 0,
      seconds: 0,
      hosts: [],
      message,
      damage: null,
    };
    await recordFailedInput(db, path, message);
    outcomes.push(o);
    options.onFile?.(o);
  };
  for (const f of failures) await fail(f.name, null, f.message);
  const isEvents = (k: InputKind): boolean => k === 'evtx' || k === 'xml';
  typed.sort((a, b) => Number(!isEvents(a.kind)) - Number(!isEvents(b.kind)));

  // `--host WEB01` takes the spelling of the event logs' host it names (WEB01.contoso.local).
  let explicit: string | null | undefined;
  const explicitHost = async (): Promise<string | null> => {
    if (explicit === undefined) {
      const given = options.host ?? null;
      const found = given === null ? [] : matchingHosts(given, await knownHosts(db.conn));
      explicit = found.length === 1 ? found[0]! : given;
    }
    return explicit;
  };
  let pool: ParsePool | null = null;
  let closing: Promise<void> | null = null;
  const getPool = (): ParsePool => (pool ??= new ParsePool(options.workers));
  // After the last .evtx is read, its end (duplicate check, domain tables, commit) runs without the
  // parse workers: their heaps are given back first, since that end is the ingest's peak of memory.
  const closePool = (): void => {
    if (pool === null) return;
    closing = (pool as ParsePool).close();
    pool = null;
  };
  const evtxAfter = (i: number): boolean => typed.slice(i + 1).some((s) => s.kind === 'evtx');
  const progress = options.progress;
  progress?.begin(
    typed.reduce((s, f) => s + f.size, 0),
    typed.length,
  );
  const saved = await beginBulkLoad(db);
  const strict = options.strict ?? false;
  const carve = options.carve ?? false;
  // The next .evtx file starts parsing while the current one's duplicate check, domain tables and
  // commit run (one file ahead at most; dropped when that file is skipped or fails first).
  let ahead: EvtxFeed | null = null;
  let current: EvtxFeed | null = null;
  const readAhead = (next: Source | undefined): void => {
    if (next?.kind === 'evtx') ahead = EvtxFeed.start(getPool(), next.file, { strict, carve });
  };
  try {
    for (const [i, f] of typed.entries()) {
      progress?.file(i, f.name, f.size);
      current = ahead;
      ahead = null;
      const feed = current;
      try {
        const fallback = isEvents(f.kind) ? null : await hostOfDirectory(db, f.name);
        const o = await loadFile(db, getPool, f.file, f.kind, {
          name: f.name,
          strict,
          carve,
          force: options.force ?? false,
          feed,
          onEventsRead: () => {
            readAhead(typed[i + 1]);
            if (!evtxAfter(i)) closePool();
          },
          host: { explicit: isEvents(f.kind) ? (options.host ?? null) : await explicitHost(), fallback },
          onProgress: progress ? (bytes, records) => progress.update(bytes, records) : undefined,
        });
        await clearFailedInput(db, f.name);
        outcomes.push(o);
        options.onFile?.(o);
      } catch (e) {
        let message = describeError(e).split(f.file).join(f.name);
        if (message.startsWith(`${f.name}: `)) message = message.slice(f.name.length + 2);
        else if (message.startsWith(`${f.name} @`)) message = message.slice(f.name.length + 1);
        await fail(f.name, f.kind, message);
      }
      await (feed as EvtxFeed | null)?.cancel();
      current = null;
      progress?.fileDone(f.size);
    }
  } finally {
    // Feeds still open when a failure leaves the loop: their file handles close, their units are dropped.
    await (current as EvtxFeed | null)?.cancel();
    await (ahead as EvtxFeed | null)?.cancel();
    progress?.end();
    await endBulkLoad(db, saved);
    await closing;
    if (pool) await (pool as ParsePool).close();
  }
  return summarise(outcomes, (performance.now() - t0) / 1000, unknown);
}

function summarise(files: FileOutcome[], seconds: number, unknown: string[]): IngestSummary {
  const sum = (f: (o: FileOutcome) => number): number => files.reduce((s, o) => s + f(o), 0);
  return {
    files,
    records: sum((o) => (o.status === 'loaded' ? o.records : 0)),
    duplicates: sum((o) => o.duplicates),
    warnings: sum((o) => o.warnings),
    errors: sum((o) => o.errors),
    failed: files.filter((o) => o.status === 'failed').length,
    bytes: sum((o) => (o.status === 'loaded' ? o.bytes : 0)),
    seconds,
    unknown,
  };
}

/**
 * Host for an artefact without `--host` or a host of its own: the single Computer of the event
 * logs loaded from the same directory, else the directory's name (inside an archive: the folder
 * in the archive, else the archive's name without its extension).
 */
async function hostOfDirectory(db: Database, path: string): Promise<string> {
  const dir = dirname(resolve(path));
  const hosts = new Set<string>();
  for (const f of await eventFileHosts(db)) {
    if (dirname(resolve(f.path)) !== dir) continue;
    for (const h of f.hosts) hosts.add(h);
  }
  if (hosts.size === 1) return [...hosts][0]!;
  const inArchive = dir.lastIndexOf('!');
  if (inArchive < 0) return basename(dir);
  const folder = dir.slice(inArchive + 1);
  return folder !== '' ? basename(folder) : basename(dir.slice(0, inArchive)).replace(/\.[^.]*$/, '');
}
