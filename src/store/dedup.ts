/** Duplicate records across files: the same record seen in two exports is kept once. */
import type { Database } from './db.js';

/**
 * Records are the same when (host, channel, record id, time) agree: rows of file `fileId`
 * already held by another file are dropped, and carved copies of records the file holds live.
 * Returns how many rows were dropped.
 */
export async function dropDuplicateEvents(db: Database, fileId: number): Promise<number> {
  if (!(await mayHoldDuplicates(db, fileId))) return 0;
  const r = await db.conn.runAndReadAll(
    `DELETE FROM events e WHERE e.file_id = $1 AND e.record_id IS NOT NULL AND e.ts IS NOT NULL AND (
        EXISTS (SELECT 1 FROM events o WHERE o.file_id <> $1
                  AND o.ts BETWEEN (SELECT min(ts) FROM events WHERE file_id = $1) AND (SELECT max(ts) FROM events WHERE file_id = $1)
                  AND o.record_id = e.record_id AND o.ts = e.ts
                  AND o.host IS NOT DISTINCT FROM e.host AND o.channel IS NOT DISTINCT FROM e.channel)
        OR (e.recovered AND EXISTS (SELECT 1 FROM events o WHERE o.file_id = $1 AND NOT o.recovered
                  AND o.record_id = e.record_id AND o.ts = e.ts
                  AND o.host IS NOT DISTINCT FROM e.host AND o.channel IS NOT DISTINCT FROM e.channel)))`,
    [fileId],
  );
  return Number(r.rowsChanged);
}

/**
 * Whether the DELETE above could drop anything: the file holds carved rows, or another file
 * holds a row of the same host and channel inside the file's record-number and time span of that
 * host and channel. A probe over the file's own rows and an early-exit look-up instead of the full
 * join, so that a fleet case (many hosts, the same days) never pays for it.
 */
async function mayHoldDuplicates(db: Database, fileId: number): Promise<boolean> {
  const r = await db.conn.runAndReadAll(
    `WITH f AS (SELECT host, channel, min(ts) AS lo, max(ts) AS hi, min(record_id) AS rlo, max(record_id) AS rhi
                  FROM events WHERE file_id = $1 AND record_id IS NOT NULL AND ts IS NOT NULL
                  GROUP BY host, channel)
     SELECT coalesce((SELECT bool_or(recovered) FROM events WHERE file_id = $1), false)
         OR EXISTS (SELECT 1 FROM events o JOIN f ON o.host IS NOT DISTINCT FROM f.host
                                               AND o.channel IS NOT DISTINCT FROM f.channel
                     WHERE o.file_id <> $1 AND o.ts BETWEEN f.lo AND f.hi
                       AND o.record_id BETWEEN f.rlo AND f.rhi) AS may`,
    [fileId],
  );
  return r.getRows()[0]?.[0] === true;
}
