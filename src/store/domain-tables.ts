/**
 * The domain tables (`ssl_events`, `service_changes`, `reboots`, `process_starts`, `logons`,
 * `crypto_failures`, `abo_triggers`): created from their SELECTs in schema.ts and filled per file
 * at ingest, so that queries join a few thousand typed rows instead of decoding `events.data`.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Database } from './db.js';
import { DOMAIN_TABLES } from './schema.js';

/**
 * Create the domain tables that are missing: empty, with the columns and types of their SELECT.
 * Returns the names of the tables it created.
 */
export async function createDomainTables(conn: DuckDBConnection): Promise<string[]> {
  const present = await conn.runAndReadAll(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE'`,
  );
  const have = new Set(present.getRows().map((r) => String(r[0])));
  const created: string[] = [];
  for (const t of DOMAIN_TABLES) {
    if (have.has(t.name)) continue;
    await conn.run(`CREATE TABLE ${t.name} AS SELECT * FROM (${t.select}) d WHERE false`);
    created.push(t.name);
  }
  return created;
}

/**
 * Drop the stored domain tables whose columns (names, types, order) are not those of their SELECT
 * now (a schema upgrade added one); createDomainTables makes them again. Returns their names.
 */
export async function dropChangedDomainTables(conn: DuckDBConnection): Promise<string[]> {
  const stored = await conn.runAndReadAll(
    `SELECT table_name, list(column_name || ' ' || data_type ORDER BY ordinal_position)::VARCHAR
       FROM information_schema.columns
      WHERE table_schema = 'main' AND table_name IN (${DOMAIN_TABLES.map((t) => `'${t.name}'`).join(', ')})
      GROUP BY table_name`,
  );
  const columns = new Map(stored.getRows().map((r) => [String(r[0]), String(r[1])]));
  const dropped: string[] = [];
  for (const t of DOMAIN_TABLES) {
    const have = columns.get(t.name);
    if (have === undefined) continue;
    const want = await conn.runAndReadAll(
      `SELECT list(column_name || ' ' || column_type)::VARCHAR FROM (DESCRIBE SELECT * FROM (${t.select}) d)`,
    );
    if (String(want.getRows()[0]![0]) !== have) dropped.push(t.name);
  }
  // abo_triggers reads the others: dropped last-first
  for (const name of [...dropped].reverse()) await conn.run(`DROP TABLE ${name}`);
  return dropped;
}

/**
 * Insert the domain rows of file `fileId` from its events as stored, each table's rows sorted by
 * host and time. Call it once the file's events are final (after duplicate removal; ingest does
 * it in the file's second transaction): rows of events deleted later are removed with the file
 * (`forgetFiles`).
 */
export async function materialiseDomainTables(db: Database, fileId: number): Promise<void> {
  for (const t of DOMAIN_TABLES) {
    await db.conn.run(
      `INSERT INTO ${t.name} BY NAME SELECT * FROM (${t.select}) d WHERE d.file_id = $1 ORDER BY d.host, d.ts, d.record_id`,
      [fileId],
    );
  }
}

/** Empty the domain tables (all, or those named) and fill them again from every event (schema upgrades). */
export async function rebuildDomainTables(conn: DuckDBConnection, only?: readonly string[]): Promise<void> {
  for (const t of DOMAIN_TABLES) {
    if (only !== undefined && !only.includes(t.name)) continue;
    await conn.run(`DELETE FROM ${t.name}`);
    await conn.run(
      `INSERT INTO ${t.name} BY NAME SELECT * FROM (${t.select}) d ORDER BY d.host, d.ts, d.file_id, d.record_id`,
    );
  }
}

/**
 * Error names as the current knowledge base gives them: `error_codes` is refilled at every open,
 * and rows stored by an earlier version may name a code it did not know.
 */
export async function refreshErrorNames(conn: DuckDBConnection): Promise<void> {
  for (const [table, code, name] of [
    ['ssl_events', 'error_code', 'error_name'],
    ['crypto_failures', 'return_code', 'return_name'],
  ] as const) {
    await conn.run(
      `UPDATE ${table} t SET ${name} = (SELECT c.name FROM error_codes c WHERE c.code = t.${code})
       WHERE t.${code} IS NOT NULL
         AND t.${name} IS DISTINCT FROM (SELECT c.name FROM error_codes c WHERE c.code = t.${code})`,
    );
  }
}
