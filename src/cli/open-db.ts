/** Opening the database a command reads: it must exist (a typo must not create an empty one). */
import { existsSync } from 'node:fs';
import { InputError, UsageError } from '../errors.js';
import { openDataset } from '../store/dataset.js';
import { openDatabase, type Database } from '../store/db.js';
import { incompleteLoads } from '../store/deletes.js';
import { warnOnStderr } from './warn.js';

export async function openExistingDatabase(path: string | undefined): Promise<Database> {
  if (path === undefined || path === '') throw new UsageError('--db FILE is required');
  if (!existsSync(path)) {
    throw new InputError(
      'database not found',
      path,
      undefined,
      'create it with "bindtrail ingest PATH… --db FILE" or use "bindtrail analyze"',
    );
  }
  const db = await openDatabase(path, { readOnly: true });
  // An ingest killed between a file's two commits left its events without their domain rows; the
  // next open for writing removes them, a read-only one can only say so.
  for (const file of await incompleteLoads(db.conn)) {
    warnOnStderr(
      `${path}: the load of ${file} stopped before its end (its events are there, not its domain rows); the next ingest into it removes them ("bindtrail ingest ${file} --db ${path}" loads the file again)`,
    );
  }
  return db;
}

/** The case a command reads: the `--db` file, or the `--parquet` dataset parts (never both). */
export async function openCaseDatabase(source: { db?: string; parquet?: readonly string[] }): Promise<Database> {
  const parquet = source.parquet ?? [];
  if (parquet.length === 0) return openExistingDatabase(source.db);
  if (source.db !== undefined && source.db !== '') throw new UsageError('give --db FILE or --parquet GLOB, not both');
  return openDataset(parquet);
}
