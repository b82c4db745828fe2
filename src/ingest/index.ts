/**
 * `ingestPaths`: everything a responder exported (event logs, XML exports, configuration
 * artefacts; files, directories, globs) into one bindtrail database, one transaction per file.
 * Event files load first so that artefacts can take their host from the logs beside them.
 */
import { basename, dirname, resolve } from 'node:path';
import { stat } from 'node:fs/promises';
import type { Database } from '../store/db.js';
import { beginBulkLoad, endBulkLoad } from '../store/bulk-load.js';
import { eventFileHosts } from '../store/files.js';
import { recordFailedInput } from '../store/ingest-errors.js';
import { describeError } from '../errors.js';
import { detectKind, type InputKind } from './detect.js';
import { expandInputs } from './inputs.js';
import { loadFile, type FileOutcome } from './load-file.js';
import type { IngestProgress } from './progress.js';
import { ParsePool } from './parse-pool.js';

export type { FileOutcome } from './load-file.js';
export type { FileDamage } from '../model/index.js';
export type { InputKind } from './detect.js';

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
}

export interface IngestSummary {
  files: FileOutcome[];
  records: number;
  duplicates: number;
  warnings: number;
  errors: number;
  /** Files that could not be ingested at all (unknown type, unreadable, not what they seemed). */
  failed: number;
  bytes: number;
  seconds: number;
}

const NOT_SUPPORTED = 'not an EVTX file, XML event export or known configuration artefact';

/** Ingest `paths` into `db`. Per-file problems are outcomes, never exceptions. */
export async function ingestPaths(
  db: Database,
  paths: readonly string[],
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const t0 = performance.now();
  const { files, missing } = await expandInputs(paths);
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
  for (const m of missing) await fail(m.input, null, m.reason);

  const typed: { path: string; kind: InputKind; size: number }[] = [];
  for (const path of files) {
    try {
      const kind = await detectKind(path);
      const size = (await stat(path)).size;
      if (kind === null) await fail(path, null, size === 0 ? 'empty file (0 bytes)' : NOT_SUPPORTED);
      else typed.push({ path, kind, size });
    } catch (e) {
      await fail(path, null, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  const isEvents = (k: InputKind): boolean => k === 'evtx' || k === 'xml';
  typed.sort((a, b) => Number(!isEvents(a.kind)) - Number(!isEvents(b.kind)));

  let pool: ParsePool | null = null;
  const getPool = (): ParsePool => (pool ??= new ParsePool(options.workers));
  const progress = options.progress;
  progress?.begin(
    typed.reduce((s, f) => s + f.size, 0),
    typed.length,
  );
  await beginBulkLoad(db);
  try {
    for (const [i, f] of typed.entries()) {
      progress?.file(i, f.path, f.size);
      try {
        const fallback = isEvents(f.kind) ? null : await hostOfDirectory(db, f.path);
        const o = await loadFile(db, getPool, f.path, f.kind, {
          strict: options.strict ?? false,
          carve: options.carve ?? false,
          force: options.force ?? false,
          host: { explicit: options.host ?? null, fallback },
          onProgress: progress ? (bytes, records) => progress.update(bytes, records) : undefined,
        });
        outcomes.push(o);
        options.onFile?.(o);
      } catch (e) {
        let message = describeError(e);
        if (message.startsWith(`${f.path}: `)) message = message.slice(f.path.length + 2);
        else if (message.startsWith(`${f.path} @`)) message = message.slice(f.path.length + 1);
        await fail(f.path, f.kind, message);
      }
      progress?.fileDone(f.size);
    }
  } finally {
    progress?.end();
    await endBulkLoad(db);
    if (pool) await (pool as ParsePool).close();
  }
  return summarise(outcomes, (performance.now() - t0) / 1000);
}

function summarise(files: FileOutcome[], seconds: number): IngestSummary {
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
  };
}

/**
 * Host for an artefact without `--host` or a host of its own: the single Computer of the event
 * logs loaded from the same directory, else the directory's name.
 */
async function hostOfDirectory(db: Database, path: string): Promise<string> {
  const dir = dirname(resolve(path));
  const hosts = new Set<string>();
  for (const f of await eventFileHosts(db)) {
    if (dirname(resolve(f.path)) !== dir) continue;
    for (const h of f.hosts) hosts.add(h);
  }
  return hosts.size === 1 ? [...hosts][0]! : basename(dir);
}
