/** DuckDB settings while files are loaded, and their restoration afterwards. */
import type { Database } from './db.js';

/**
 * DuckDB memory while a file's rows are appended: bounded so that ingest's peak RSS does not grow
 * with input size. Appended row groups are written to the database file as they fill, so the
 * buffer pool only holds the row group being filled and blocks it may evict.
 */
const APPEND_MEMORY_LIMIT = '64MB';

/**
 * DuckDB memory for the work that follows the appends of a file (duplicate check against
 * everything loaded, domain tables, commit), and for every phase of an in-memory database, which
 * cannot spill to disk: 48 MB ran out there on the 34 corpus logs in one database, and after a
 * 300 MB log's appends; 96 MB keeps the peak RSS of a 1.27 GB log under 400 MB.
 */
const FILE_END_MEMORY_LIMIT = '96MB';

/** The settings changed for the load, with the values they had before. */
const BULK_SETTINGS = {
  memory_limit: FILE_END_MEMORY_LIMIT,
  // Bulk appends buffer this many row groups (~120k rows each) before writing them: one is enough.
  write_buffer_row_group_count: '1',
  // The parse workers use the cores; one DuckDB thread appends (and keeps fewer per-thread buffers).
  threads: '1',
  // No row-group merging at checkpoints: a file's rows follow the previous file's last, partial row
  // group, and the checkpoint after each file folded them together, rewriting (decompressing and
  // compressing again) every row of the file: 4 s per 250k-event file, the database file growing
  // by the copy, the RSS by 100 MB. Rows deleted during a load (duplicates, --force) stay marked
  // deleted instead of being compacted away.
  max_vacuum_tasks: '0',
} as const;

export type SavedSettings = Record<keyof typeof BULK_SETTINGS, string>;

/** The settings each database had before its load began (for the threads of a file's end). */
const loading = new WeakMap<Database, SavedSettings>();

async function currentSetting(db: Database, name: string): Promise<string> {
  const reader = await db.conn.runAndReadAll(`SELECT current_setting('${name}')::VARCHAR AS v`);
  return String(reader.getRowObjectsJson()[0]?.v ?? '');
}

/** Applies the load settings and returns the values to restore afterwards. */
export async function beginBulkLoad(db: Database): Promise<SavedSettings> {
  const saved = {} as SavedSettings;
  for (const [name, value] of Object.entries(BULK_SETTINGS) as [keyof SavedSettings, string][]) {
    saved[name] = await currentSetting(db, name);
    await db.conn.run(`SET ${name} = '${value}'`);
  }
  loading.set(db, saved);
  return saved;
}

/**
 * Before a file's appends: one DuckDB thread (the parse workers use the cores) and the tighter
 * limit (databases on disk only; see APPEND_MEMORY_LIMIT).
 */
export async function beginAppends(db: Database): Promise<void> {
  await db.conn.run(`SET threads = '${BULK_SETTINGS.threads}'`);
  if (db.path !== ':memory:') await db.conn.run(`SET memory_limit = '${APPEND_MEMORY_LIMIT}'`);
}

/**
 * After a file's appends: room for the duplicate check, the domain tables and the commit, and
 * the threads DuckDB had before the load (the parse workers are idle until the next file).
 */
export async function endAppends(db: Database): Promise<void> {
  if (db.path !== ':memory:') await db.conn.run(`SET memory_limit = '${FILE_END_MEMORY_LIMIT}'`);
  const threads = loading.get(db)?.threads;
  if (threads !== undefined) await db.conn.run(`SET threads = '${threads.replace(/'/g, "''")}'`);
}

/**
 * Puts back the values read before the load. `RESET memory_limit` is not used: the instance kept
 * enforcing the load's 96 MB after it, and the correlation then ran out of memory on large cases.
 * Never throws.
 */
export async function endBulkLoad(db: Database, saved: SavedSettings): Promise<void> {
  loading.delete(db);
  // The checkpoint that writes the loaded files into the database runs under the load's memory
  // limit: left to the close, it ran at the restored limit (80 % of RAM by default) and took the
  // RSS of a four-file ingest from 470 MB to 880 MB.
  if (db.path !== ':memory:') await db.conn.run('CHECKPOINT').catch(() => undefined);
  for (const [name, value] of Object.entries(saved)) {
    const literal = value.replace(/'/g, "''");
    await db.conn.run(`SET ${name} = '${literal}'`).catch(() => undefined);
  }
}
