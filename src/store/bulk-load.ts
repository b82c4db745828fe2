/** DuckDB settings while files are loaded, and their reset afterwards. */
import type { Database } from './db.js';

/**
 * DuckDB memory while loading: bounded so that ingest's peak RSS does not grow with input size,
 * yet room for the duplicate-record check against everything already loaded (48 MB ran out on
 * the 34 corpus logs in one in-memory database, which cannot spill to disk; 96 MB keeps the
 * peak RSS of a 100 MB log near 370 MB).
 */
const INGEST_MEMORY_LIMIT = '96MB';

export async function beginBulkLoad(db: Database): Promise<void> {
  await db.conn.run(`SET memory_limit = '${INGEST_MEMORY_LIMIT}'`);
  // Bulk appends buffer this many row groups (~120k rows each) before writing them: one is enough.
  await db.conn.run('SET write_buffer_row_group_count = 1');
  // The parse workers use the cores; one DuckDB thread appends (and keeps fewer per-thread buffers).
  await db.conn.run('SET threads = 1');
}

/** Back to DuckDB's defaults; never throws. */
export async function endBulkLoad(db: Database): Promise<void> {
  await db.conn.run('RESET memory_limit').catch(() => undefined);
  await db.conn.run('RESET write_buffer_row_group_count').catch(() => undefined);
  await db.conn.run('RESET threads').catch(() => undefined);
}
