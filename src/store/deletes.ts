/** Removing loaded files with all their rows (a forced re-ingest of the same content). */
import type { Database } from './db.js';
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
  const list = ids.map((i) => String(Math.trunc(i))).join(',');
  for (const t of FILE_TABLES) {
    await db.conn.run(`DELETE FROM ${t} WHERE file_id IN (${list})`);
  }
}
