/**
 * A memory bound for the connection a large job runs on (the report): DuckDB spills joins, sorts
 * and aggregates to a temporary folder instead of growing towards its default of 80 % of RAM.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';

/** DuckDB's share of the report's memory: about 60 % of a 1 GB budget, the rest is JavaScript's. */
export const REPORT_MEMORY_LIMIT = '600MB';

/**
 * Sets `memory_limit`, a `temp_directory` of this process under the system's temporary folder (unless
 * the connection has spilled already: its folder stays) and
 * `preserve_insertion_order = false` (results without ORDER BY may come in any order: every saved
 * query orders its rows; without it DuckDB holds a streamed result back to keep its order).
 */
export async function boundMemory(conn: DuckDBConnection, limit: string = REPORT_MEMORY_LIMIT): Promise<void> {
  const dir = join(tmpdir(), `bindtrail-spill-${process.pid}`).replace(/'/g, "''");
  await conn.run(`SET memory_limit = '${limit}'`);
  try {
    await conn.run(`SET temp_directory = '${dir}'`);
  } catch (e) {
    // the connection already spilled (an ingest before the report, in `analyze`): DuckDB keeps
    // its folder (the database's `.tmp`), which serves as well
    if (!(e instanceof Error) || !/Cannot switch temporary directory/i.test(e.message)) throw e;
  }
  await conn.run('SET preserve_insertion_order = false');
}

/**
 * `work` under the bound; when DuckDB runs out of memory there (an operator that cannot spill, on a
 * case larger than the bound was sized for), `work` runs once more under the limit the connection
 * had before, after `onRetry` was told why. Other errors pass through.
 */
export async function withMemoryBound<T>(
  conn: DuckDBConnection,
  work: () => Promise<T>,
  options: { limit?: string; onRetry?: (message: string) => void } = {},
): Promise<T> {
  const limit = options.limit ?? REPORT_MEMORY_LIMIT;
  const before = await conn.runAndReadAll("SELECT current_setting('memory_limit')::VARCHAR AS v");
  const previous = String(before.getRowObjectsJson()[0]?.v ?? '');
  await boundMemory(conn, limit);
  try {
    return await work();
  } catch (e) {
    if (!(e instanceof Error) || !/Out of Memory Error/i.test(e.message) || previous === '') throw e;
    options.onRetry?.(
      `DuckDB needed more than ${limit} for this case (${e.message.split('\n')[0]}); running again with its limit of ${previous}`,
    );
    await conn.run(`SET memory_limit = '${previous.replace(/'/g, "''")}'`);
    return await work();
  }
}
