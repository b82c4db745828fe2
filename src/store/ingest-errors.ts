/** Rows of `ingest_errors`: what went wrong or looked odd while loading, per file. */
import type { Database } from './db.js';

/** A problem found in a file; `chunk`, `offset`, `recordId` where it was found (null: not known). */
export interface IngestErrorRow {
  severity: 'error' | 'warning';
  chunk: number | null;
  /** Byte offset in the file. */
  offset: number | null;
  /** Record-header number as decimal text. */
  recordId: string | null;
  message: string;
}

/** Append the problems of the loaded file `fileId` (in the caller's transaction). */
export async function appendIngestErrors(
  db: Database,
  fileId: number,
  path: string,
  rows: readonly IngestErrorRow[],
): Promise<void> {
  if (rows.length === 0) return;
  const app = await db.conn.createAppender('ingest_errors');
  for (const f of rows) {
    app.appendInteger(fileId);
    app.appendVarchar(path);
    app.appendVarchar(f.severity);
    if (f.chunk === null) app.appendNull();
    else app.appendInteger(f.chunk);
    if (f.offset === null) app.appendNull();
    else app.appendBigInt(BigInt(f.offset));
    if (f.recordId === null) app.appendNull();
    else app.appendUBigInt(BigInt(f.recordId));
    app.appendVarchar(f.message);
    app.endRow();
  }
  app.flushSync();
  app.closeSync();
}

/**
 * An input that could not be loaded at all (no file row). One row per path: a second failing
 * ingest of the same input replaces the row instead of adding one.
 */
export async function recordFailedInput(db: Database, path: string, message: string): Promise<void> {
  await clearFailedInput(db, path);
  await db.conn.run(`INSERT INTO ingest_errors (path, severity, message) VALUES ($1, 'error', $2)`, [path, message]);
}

/** Forgets an earlier failure of `path` (it has now been loaded, or fails again). */
export async function clearFailedInput(db: Database, path: string): Promise<void> {
  await db.conn.run(`DELETE FROM ingest_errors WHERE file_id IS NULL AND path = $1`, [path]);
}
