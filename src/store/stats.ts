/** A loaded file's statistics in its `files` row. */
import type { Database } from './db.js';

export interface EventFileStats {
  records: number;
  warnings: number;
  errors: number;
  /** Records not kept because another file already holds them. */
  duplicates: number;
}

export interface ConfigFileStats {
  host: string | null;
  records: number;
  warnings: number;
}

/** Counts as given; hosts and first/last time from the file's stored events. */
export async function setEventFileStats(db: Database, fileId: number, s: EventFileStats): Promise<void> {
  await db.conn.run(
    `UPDATE files SET hosts = (SELECT list(DISTINCT host ORDER BY host) FROM events WHERE file_id = $1 AND host IS NOT NULL),
       first_ts = (SELECT min(ts) FROM events WHERE file_id = $1), last_ts = (SELECT max(ts) FROM events WHERE file_id = $1),
       records = $2, warnings = $3, errors = $4, duplicates = $5 WHERE file_id = $1`,
    [fileId, s.records, s.warnings, s.errors, s.duplicates],
  );
}

export async function setConfigFileStats(db: Database, fileId: number, s: ConfigFileStats): Promise<void> {
  await db.conn.run(
    `UPDATE files SET hosts = CASE WHEN $2::VARCHAR IS NULL THEN NULL ELSE [$2::VARCHAR] END, records = $3, warnings = $4 WHERE file_id = $1`,
    [fileId, s.host, s.records, s.warnings],
  );
}
