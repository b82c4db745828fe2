/** Removing loaded files with all their rows (a forced re-ingest of the same content, a load that stopped). */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Database } from './db.js';
import { inConnectionTransaction } from './transaction.js';
import { DOMAIN_TABLES } from './schema.js';

/** Tables holding rows of a file, the `files` row last. */
const FILE_TABLES = [
  ...DOMAIN_TABLES.map((t) => t.name),
  'events',
  'ingest_errors',
  'file_damage',
  'config_metadata',
  'ssl_bindings',
  'certificates',
  'http_iplisten',
  'schannel_protocols',
  'files',
] as const;

/** Delete every row of the files `ids`, in the caller's transaction. */
export async function forgetFiles(db: Database, ids: readonly number[]): Promise<void> {
  await deleteFiles(db.conn, ids.map((i) => String(Math.trunc(i))).join(','));
}

async function deleteFiles(conn: DuckDBConnection, list: string): Promise<void> {
  for (const t of FILE_TABLES) await conn.run(`DELETE FROM ${t} WHERE file_id IN (${list})`);
}

/** The file rows of loads that stopped before their end (see forgetIncompleteLoads). */
const INCOMPLETE = `files WHERE sha256 = ''`;

/** Paths of the loads that stopped before their end (a read-only open cannot remove them). */
export async function incompleteLoads(conn: DuckDBConnection): Promise<string[]> {
  const r = await conn.runAndReadAll(`SELECT path FROM ${INCOMPLETE} ORDER BY file_id`);
  return r.getRows().map((row) => String(row[0]));
}

/**
 * Remove the loads that stopped before their end: an event file commits its events first and its
 * domain rows with its sha256 after (ingest/load-file.ts), so a file row without a sha256 is a load
 * the process did not finish (killed, power lost). Returns how many were removed.
 */
export async function forgetIncompleteLoads(conn: DuckDBConnection): Promise<number> {
  const r = await conn.runAndReadAll(`SELECT file_id FROM ${INCOMPLETE}`);
  const ids = r.getRows().map((row) => String(Number(row[0])));
  if (ids.length === 0) return 0;
  await inConnectionTransaction(conn, () => deleteFiles(conn, ids.join(',')));
  return ids.length;
}
