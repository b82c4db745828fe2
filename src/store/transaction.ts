/** One transaction around a unit of work: committed when it returns, rolled back when it throws. */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Database } from './db.js';

export async function inTransaction<T>(db: Database, work: () => Promise<T>): Promise<T> {
  return inConnectionTransaction(db.conn, work);
}

/** `inTransaction` on a bare connection (schema upgrades and clean-ups while a database opens). */
export async function inConnectionTransaction<T>(conn: DuckDBConnection, work: () => Promise<T>): Promise<T> {
  await conn.run('BEGIN TRANSACTION');
  try {
    const result = await work();
    await conn.run('COMMIT');
    return result;
  } catch (e) {
    await conn.run('ROLLBACK').catch(() => undefined);
    throw e;
  }
}
