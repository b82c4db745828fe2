/** Rows of `files`: one per loaded input, with its content hash, kind and hosts. */
import type { Database } from './db.js';

/** A file about to be loaded. `kind`: evtx | xml | a configuration artefact kind. */
export interface NewFileRow {
  path: string;
  size: number;
  kind: string;
}

/** A loaded file as the duplicate-content check sees it. */
export interface LoadedContent {
  fileId: number;
  sha256: string;
}

/** A loaded event file (evtx or xml) and the hosts its events name. */
export interface EventFileHosts {
  path: string;
  hosts: string[];
}

/** Insert the row of a file whose load begins (sha256 empty until `setFileSha256`); returns its id. */
export async function insertFileRow(db: Database, f: NewFileRow): Promise<number> {
  const r = await db.conn.runAndReadAll(
    `INSERT INTO files (path, sha256, size, kind) VALUES ($1, '', $2, $3) RETURNING file_id`,
    [f.path, f.size, f.kind],
  );
  return Number(r.getRows()[0]![0]);
}

export async function setFileSha256(db: Database, fileId: number, sha256: string): Promise<void> {
  await db.conn.run('UPDATE files SET sha256 = $1 WHERE file_id = $2', [sha256, fileId]);
}

/** Files of `size` bytes already loaded: the candidates for the same content. */
export async function filesOfSize(db: Database, size: number): Promise<LoadedContent[]> {
  const rows = (await db.conn.runAndReadAll(`SELECT file_id, sha256 FROM files WHERE size = $1`, [size])).getRows();
  return rows.map((r) => ({ fileId: Number(r[0]), sha256: String(r[1]) }));
}

/** Event files whose events name at least one host. */
export async function eventFileHosts(db: Database): Promise<EventFileHosts[]> {
  const rows = (
    await db.conn.runAndReadAll(`SELECT path, hosts FROM files WHERE kind IN ('evtx', 'xml') AND hosts IS NOT NULL`)
  ).getRowObjectsJson();
  return rows.map((r) => ({ path: String(r.path), hosts: (r.hosts as string[] | null) ?? [] }));
}
