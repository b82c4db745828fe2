/** Opening a bindtrail database: creates the schema, macros, domain tables and the error-code table. */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { InputError } from '../errors.js';
import { ERROR_CODES } from '../knowledge/error-codes.js';
import { createDomainTables, refreshErrorNames } from './domain-tables.js';
import { forgetIncompleteLoads } from './deletes.js';
import { MACROS_SQL, NOTABLE_EVENTS_VIEW_SQL, SCHEMA_VERSION, TABLES_SQL } from './schema.js';
import { checkSchemaVersion, storedSchemaVersion, upgradeSchema } from './schema-version.js';

/** A connection to the case database, as correlate and saved queries take it. */
export type Connection = DuckDBConnection;

export interface Database {
  instance: DuckDBInstance;
  conn: DuckDBConnection;
  path: string;
  close(): void;
}

/**
 * Open (or create) the DuckDB file at `path` (':memory:' for a temporary one) with the schema in
 * place. A database of an earlier schema version is upgraded when opened for writing and refused
 * read-only; one of a later version is refused.
 */
export async function openDatabase(path: string, options: { readOnly?: boolean } = {}): Promise<Database> {
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path, options.readOnly ? { access_mode: 'READ_ONLY' } : {});
  } catch (e) {
    const text = firstLine((e as Error).message);
    throw new InputError(
      `cannot open database (${text})`,
      path,
      undefined,
      openAdvice(text, options.readOnly === true),
    );
  }
  const conn = await instance.connect();
  try {
    const stored = await storedSchemaVersion(conn);
    checkSchemaVersion(stored, options.readOnly === true, path);
    if (!options.readOnly) await ensureSchema(conn, stored);
  } catch (e) {
    conn.closeSync();
    instance.closeSync();
    throw e;
  }
  return {
    instance,
    conn,
    path,
    close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/** Tables, macros, domain tables, the notable_events view and error codes; `stored` is the version found (null: new database). */
export async function ensureSchema(conn: DuckDBConnection, stored: number | null = null): Promise<void> {
  await conn.run(TABLES_SQL);
  await conn.run(MACROS_SQL);
  await fillErrorCodes(conn);
  if (stored !== null && stored < SCHEMA_VERSION) await upgradeSchema(conn, stored);
  else await createDomainTables(conn);
  await conn.run(NOTABLE_EVENTS_VIEW_SQL);
  await refreshErrorNames(conn);
  await forgetIncompleteLoads(conn);
  await conn.run(`INSERT OR REPLACE INTO meta VALUES ('schema_version', '${SCHEMA_VERSION}')`);
}

async function fillErrorCodes(conn: DuckDBConnection): Promise<void> {
  const app = await conn.createAppender('error_codes');
  await conn.run('DELETE FROM error_codes');
  for (const e of ERROR_CODES) {
    app.appendVarchar(e.code);
    app.appendVarchar(e.name);
    app.appendVarchar(e.text);
    app.endRow();
  }
  app.closeSync();
}

/** What to do about DuckDB's reason for not opening a database file. */
function openAdvice(text: string, readOnly: boolean): string {
  if (/lock/i.test(text)) return 'another bindtrail or DuckDB process has it open; close that one first';
  if (/permission denied/i.test(text))
    return readOnly
      ? 'check that you may read it'
      : 'it is read-only or in a folder you cannot write; choose another --db';
  if (/not a valid DuckDB|invalid|magic|version/i.test(text)) return 'is it a bindtrail (DuckDB) database?';
  if (/No such file|not exist/i.test(text)) return 'check the path';
  return 'check the path and its permissions';
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
