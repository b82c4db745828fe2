/**
 * One part of a Parquet case dataset: the tables of one ingest run under `OUT/part=NAME/` and its
 * `manifest.json` (schema version, part name, files with sha256, rows per table). A part is
 * written beside its final place and renamed into it, so re-running a part replaces it whole.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import type { Database } from './db.js';
import { exportParquet, type ParquetExport } from './export-parquet.js';
import { SCHEMA_VERSION } from './schema.js';

/** `format` of every part manifest. */
export const PART_FORMAT = 'bindtrail-parquet-part';
export const MANIFEST_NAME = 'manifest.json';

export interface PartFile {
  fileId: number;
  path: string;
  kind: string;
  sha256: string;
  size: number;
  records: number;
}

export interface PartManifest {
  format: typeof PART_FORMAT;
  schemaVersion: number;
  part: string;
  writtenAt: string;
  /** Highest `file_id` in the part: readers shift the next part's ids past it. */
  maxFileId: number;
  files: PartFile[];
  /** Rows per table. */
  tables: Record<string, number>;
}

const PART_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/** Refuses a part name that is not a plain folder name. */
export function checkPartName(name: string): string {
  if (!PART_NAME.test(name))
    throw new UsageError(`part name "${name}" must be letters, digits, '.', '_' or '-' (not starting with '.' or '-')`);
  return name;
}

/** The manifest of the database's content as part `part`. */
export async function partManifest(db: Database, part: string, tables: Record<string, number>): Promise<PartManifest> {
  const rows = (
    await db.conn.runAndReadAll(
      'SELECT file_id, path, kind, sha256, size, records FROM files WHERE sha256 IS NOT NULL ORDER BY file_id',
    )
  ).getRows();
  const files = rows.map((r) => ({
    fileId: Number(r[0]),
    path: String(r[1]),
    kind: String(r[2]),
    sha256: String(r[3]),
    size: Number(r[4]),
    records: Number(r[5]),
  }));
  return {
    format: PART_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    part,
    writtenAt: new Date().toISOString(),
    maxFileId: files.reduce((m, f) => Math.max(m, f.fileId), 0),
    files,
    tables,
  };
}

/** Writes the tables and the manifest straight into `dir` (the `export` command's part). */
export async function exportPart(
  db: Database,
  dir: string,
  part: string,
  options: { overwrite?: boolean; onRetry?: (message: string) => void } = {},
): Promise<ParquetExport> {
  const written = await exportParquet(db, dir, options);
  const manifest = await partManifest(db, part, written.tables);
  writeFileSync(join(written.dir, MANIFEST_NAME), JSON.stringify(manifest, null, 2) + '\n');
  return written;
}

/**
 * Writes the database as `OUT/part=NAME/`: into `.part=NAME.tmp-PID` beside it first, then renamed
 * over the old part (readers skip dot-folders, so they see the old part or the new one).
 */
export async function writePart(
  db: Database,
  out: string,
  part: string,
  onRetry?: (message: string) => void,
): Promise<ParquetExport & { part: string }> {
  checkPartName(part);
  mkdirSync(out, { recursive: true });
  const final = join(out, `part=${part}`);
  const tmp = join(out, `.part=${part}.tmp-${process.pid}`);
  const old = join(out, `.part=${part}.old-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    const written = await exportPart(db, tmp, part, { onRetry });
    if (existsSync(final)) renameSync(final, old);
    renameSync(tmp, final);
    rmSync(old, { recursive: true, force: true });
    return { ...written, dir: final, part };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
