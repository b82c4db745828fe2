/** One transaction around a unit of work: committed when it returns, rolled back when it throws. */
import type { Database } from './db.js';

export async function inTransaction<T>(db: Database, work: () => Promise<T>): Promise<T> {
  await db.conn.run('BEGIN TRANSACTION');
  try {
    const result = await work();
    await db.conn.run('COMMIT');
    return result;
  } catch (e) {
    await db.conn.run('ROLLBACK').catch(() => undefined);
    throw e;
  }
}
