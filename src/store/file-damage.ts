/** Rows of `file_damage`, and the record numbers missing from a loaded .evtx file. */
import type { FileDamage, RecordGap } from '../model/index.js';
import type { Database } from './db.js';

/** Gaps kept per file. */
export const MAX_GAPS = 20;

/** ISO-8601 UTC with 7 fractional digits (FILETIME resolution) of a TIMESTAMP_NS expression. */
const iso = (col: string): string =>
  `strftime(${col}, '%Y-%m-%dT%H:%M:%S.') || substr(strftime(${col}, '%n'), 1, 7) || 'Z'`;

/** Store the damage of the loaded file `fileId` (in the caller's transaction). */
export async function insertFileDamage(db: Database, fileId: number, path: string, d: FileDamage): Promise<void> {
  await db.conn.run(`INSERT INTO file_damage VALUES ($1, $2, $3, $4, $5, $6, $7, $8::JSON, $9)`, [
    fileId,
    path,
    d.size,
    d.expectedSize,
    d.chunksUnread,
    d.chunksPartlyRead,
    d.recordsDamaged,
    JSON.stringify(d.gaps),
    d.summary,
  ]);
}

/**
 * Record numbers missing from the file's events (record-header numbers run 1..n without a hole in
 * a sound file, also across wrapped chunks), and after the last one read up to `lastRecord` (the
 * file header's next record number − 1). Times are ISO-8601 UTC.
 * Run before duplicates are dropped: a record another file holds is not a gap.
 */
export async function recordGaps(db: Database, fileId: number, lastRecord: bigint): Promise<RecordGap[]> {
  const rows = (
    await db.conn.runAndReadAll(
      `SELECT * FROM (WITH r AS (SELECT header_record_id AS id, min(ts) AS ts FROM events
                  WHERE file_id = $1 AND header_record_id IS NOT NULL GROUP BY id),
            o AS (SELECT id, ts, lead(id) OVER (ORDER BY id) AS next_id, lead(ts) OVER (ORDER BY id) AS next_ts FROM r)
       SELECT (id + 1)::VARCHAR AS first, (next_id - 1)::VARCHAR AS last,
              ${iso('ts')} AS after, ${iso('next_ts')} AS before
       FROM o WHERE next_id > id + 1
       UNION ALL
       SELECT (max(id) + 1)::VARCHAR, $2::VARCHAR, ${iso('arg_max(ts, id)')}, NULL
       FROM r HAVING max(id) < $2::UBIGINT
       UNION ALL
       SELECT NULL, $2::VARCHAR, NULL, NULL FROM (SELECT count(*) AS n FROM r) WHERE n = 0 AND $2::UBIGINT > 0
      ) ORDER BY last::UBIGINT LIMIT ${MAX_GAPS}`,
      [fileId, lastRecord.toString()],
    )
  ).getRowObjectsJson();
  const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
  return rows.map((r) => ({ first: text(r.first), last: text(r.last), after: text(r.after), before: text(r.before) }));
}
