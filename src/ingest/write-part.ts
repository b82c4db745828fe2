/**
 * `ingest … --parquet OUT`: the normal ingest into a temporary database, then that database
 * written as one part of a Parquet case dataset (src/store/dataset-part.ts).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from '../store/db.js';
import { checkPartName, writePart } from '../store/dataset-part.js';
import type { ParquetExport } from '../store/export-parquet.js';
import { ingestPaths, type IngestOptions, type IngestSummary } from './index.js';

export interface PartWritten {
  summary: IngestSummary;
  written: ParquetExport & { part: string };
}

/**
 * Default part name: this machine's name and a digest of the inputs' absolute paths, so a re-run of
 * the same command on the same machine replaces its part and other inputs get parts of their own.
 */
export function defaultPartName(paths: readonly string[]): string {
  const digest = createHash('sha256')
    .update(
      [...paths]
        .map((p) => resolve(p))
        .sort()
        .join('\n'),
    )
    .digest('hex')
    .slice(0, 8);
  const machine =
    hostname()
      .replace(/[^A-Za-z0-9_.-]/g, '_')
      .replace(/^[.-]+/, '') || 'machine';
  return `${machine}-${digest}`;
}

/** Ingests `paths` and writes them as part `part` (default: `defaultPartName`) of the dataset in `out`. */
export async function ingestToParquet(
  paths: readonly string[],
  out: string,
  part: string | undefined,
  options: IngestOptions & { onRetry?: (message: string) => void } = {},
): Promise<PartWritten> {
  const name = checkPartName(part ?? defaultPartName(paths));
  const tmp = mkdtempSync(join(tmpdir(), 'bindtrail-part-'));
  try {
    const file = join(tmp, 'part.duckdb');
    const db = await openDatabase(file);
    let summary: IngestSummary;
    try {
      summary = await ingestPaths(db, paths, options);
    } finally {
      db.close();
    }
    // A fresh instance for the export: after the bulk load's memory limit is reset, DuckDB 1.5's
    // buffer pool still holds the instance to it (COPY of 300k events ran out of memory).
    const again = await openDatabase(file);
    try {
      return { summary, written: await writePart(again, out, name, options.onRetry) };
    } finally {
      again.close();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
