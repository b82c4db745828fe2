/**
 * The schema version a database was written with (`meta.schema_version`) and the upgrade from
 * earlier ones. Version 1 computed the domain tables as views over `events`; version 2 stores them; version 3
 * adds `logons` and `ssl_events.tls_type`.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { InputError } from '../errors.js';
import { createDomainTables, dropChangedDomainTables, rebuildDomainTables } from './domain-tables.js';
import { DOMAIN_TABLES, SCHEMA_VERSION } from './schema.js';
import { inConnectionTransaction } from './transaction.js';

/** The stored version; null for a database without bindtrail's `meta` table (a new one). */
export async function storedSchemaVersion(conn: DuckDBConnection): Promise<number | null> {
  const meta = await conn.runAndReadAll(
    `SELECT count(*)::INTEGER FROM information_schema.tables WHERE table_schema = 'main' AND table_name = 'meta'`,
  );
  if (Number(meta.getRows()[0]![0]) === 0) return null;
  const r = await conn.runAndReadAll(`SELECT value FROM meta WHERE key = 'schema_version'`);
  const v = r.getRows()[0]?.[0];
  return v === undefined || v === null ? null : Number(v);
}

/** Refuse a database this build cannot use as it is. */
export function checkSchemaVersion(stored: number | null, readOnly: boolean, path: string): void {
  if (stored === null) return;
  if (!Number.isInteger(stored) || stored > SCHEMA_VERSION) {
    throw new InputError(
      `database schema version ${stored} is newer than this bindtrail's (${SCHEMA_VERSION})`,
      path,
      undefined,
      'open it with the bindtrail that wrote it, or a newer one',
    );
  }
  if (stored < SCHEMA_VERSION && readOnly) {
    throw new InputError(
      `database schema version ${stored} is older than this bindtrail's (${SCHEMA_VERSION})`,
      path,
      undefined,
      'upgrade it in place with "bindtrail ingest PATH… --db FILE" (files already loaded are skipped), or ingest the logs into a new database',
    );
  }
}

/** Bring a database of version `from` to the current schema, in one transaction. */
export async function upgradeSchema(conn: DuckDBConnection, from: number): Promise<void> {
  await inConnectionTransaction(conn, async () => {
    if (from < 2) {
      // Version 1 held the domain tables as views (abo_triggers over three of them: dropped first).
      for (const t of [...DOMAIN_TABLES].reverse()) await conn.run(`DROP VIEW IF EXISTS ${t.name}`);
    } else {
      // from version 2 on, a stored table whose columns did not change is kept as it is
      await dropChangedDomainTables(conn);
    }
    const created = await createDomainTables(conn);
    await rebuildDomainTables(conn, from < 2 ? undefined : created);
  });
}
