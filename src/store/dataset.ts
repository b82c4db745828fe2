/**
 * Reading a Parquet case dataset in place: an in-memory database whose tables are views over the
 * parts' files (`read_parquet`, hive partitions, union by name), under the schema's own names, so
 * saved queries, correlation and reports run unchanged. Local paths, or `s3://`/`https://` through
 * DuckDB's httpfs when the user has it installed and configured.
 */
import { InputError } from '../errors.js';
import { openDatabase, type Database } from './db.js';
import type { Connection } from './db.js';
import { schemaTables, type TableShape } from './dataset-tables.js';
import { MANIFEST_NAME, PART_FORMAT, type PartManifest } from './dataset-part.js';
import { sqlText } from './export-parquet.js';
import { SCHEMA_VERSION } from './schema.js';

/** A part as the reader found it: its folder, manifest, and the shift applied to its file ids. */
export interface FoundPart {
  dir: string;
  manifest: PartManifest;
  fileIdOffset: number;
  /** Ids (as written in the part) of files another part holds too; their rows are not read. */
  droppedFileIds: number[];
}

/**
 * Opens the parts named by `locations` (a part folder, or a dataset folder holding `part=*`
 * folders; globs allowed). Refuses a location without parts and a part of another schema version.
 */
export async function openDataset(locations: readonly string[]): Promise<Database & { parts: FoundPart[] }> {
  const db = await openDatabase(':memory:');
  try {
    const parts = await findParts(db.conn, locations);
    for (const t of await schemaTables()) {
      if (t.reference) continue;
      const view = await viewSql(db.conn, t, parts);
      await db.conn.run(`DROP TABLE IF EXISTS "${t.name}"`);
      await db.conn.run(`CREATE VIEW "${t.name}" AS ${view}`);
    }
    return { ...db, path: locations.join(' '), parts };
  } catch (e) {
    db.close();
    throw e;
  }
}

async function findParts(conn: Connection, locations: readonly string[]): Promise<FoundPart[]> {
  const manifests = new Map<string, PartManifest>();
  for (const loc of locations) {
    const base = loc.replace(/\/+$/, '');
    const found = await listFiles(conn, [`${base}/${MANIFEST_NAME}`, `${base}/part=*/${MANIFEST_NAME}`]);
    if (found.length === 0)
      throw new InputError(
        `no bindtrail Parquet part here (no ${MANIFEST_NAME} in it or in its part=* folders)`,
        loc,
        undefined,
        'write one with "bindtrail ingest PATH… --parquet DIR"',
      );
    for (const f of found) if (!manifests.has(f)) manifests.set(f, await readManifest(conn, f));
  }
  const parts = [...manifests.entries()]
    .map(([file, manifest]) => ({
      dir: file.slice(0, -MANIFEST_NAME.length - 1),
      manifest,
      fileIdOffset: 0,
      droppedFileIds: [] as number[],
    }))
    .sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
  dropRepeatedFiles(parts);
  let offset = 0;
  for (const p of parts) {
    p.fileIdOffset = offset;
    offset += p.manifest.maxFileId;
  }
  return parts;
}

async function listFiles(conn: Connection, patterns: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of patterns) {
    const rows = (await conn.runAndReadAll(`SELECT file FROM glob(${sqlText(p)}) ORDER BY file`)).getRows();
    for (const [f] of rows) out.push(String(f));
  }
  return out;
}

async function readManifest(conn: Connection, file: string): Promise<PartManifest> {
  const text = String((await conn.runAndReadAll(`SELECT content FROM read_text(${sqlText(file)})`)).getRows()[0]![0]);
  let m: Partial<PartManifest>;
  try {
    m = JSON.parse(text) as Partial<PartManifest>;
  } catch {
    throw new InputError('not a bindtrail part manifest (not JSON)', file);
  }
  if (m.format !== PART_FORMAT || typeof m.part !== 'string' || !Array.isArray(m.files))
    throw new InputError('not a bindtrail part manifest', file);
  if (m.schemaVersion !== SCHEMA_VERSION)
    throw new InputError(
      `part "${m.part}" was written with schema version ${String(m.schemaVersion)}, this bindtrail reads version ${SCHEMA_VERSION}`,
      file,
      undefined,
      're-run that part\'s "bindtrail ingest … --parquet" with this version',
    );
  return m as PartManifest;
}

/**
 * A file (same sha256) in several parts is read once, as one database would have loaded it once:
 * the copy with the first path (then the first part) stays, the others' rows are left out.
 */
function dropRepeatedFiles(parts: FoundPart[]): void {
  const kept = new Map<string, { part: FoundPart; path: string; fileId: number }>();
  for (const p of parts) {
    for (const f of p.manifest.files) {
      const first = kept.get(f.sha256);
      const mine = { part: p, path: f.path, fileId: f.fileId };
      if (first === undefined) kept.set(f.sha256, mine);
      else if (f.path < first.path) {
        first.part.droppedFileIds.push(first.fileId);
        kept.set(f.sha256, mine);
      } else p.droppedFileIds.push(f.fileId);
    }
  }
}

/** `SELECT` of the table's columns, typed as the schema declares them, over every part's files. */
async function viewSql(conn: Connection, t: TableShape, parts: FoundPart[]): Promise<string> {
  const selects: string[] = [];
  for (const p of parts) {
    const files = await listFiles(conn, [`${p.dir}/${t.name}/**/*.parquet`]);
    if (files.length === 0) continue;
    const cols = t.columns.map((c) => {
      const v = c.name === 'file_id' && p.fileIdOffset > 0 ? `"file_id" + ${p.fileIdOffset}` : `"${c.name}"`;
      return `CAST(${v} AS ${c.type}) AS "${c.name}"`;
    });
    const skip =
      p.droppedFileIds.length > 0 && t.columns.some((c) => c.name === 'file_id')
        ? ` WHERE "file_id" IS NULL OR "file_id" NOT IN (${p.droppedFileIds.join(', ')})`
        : '';
    selects.push(
      `SELECT ${cols.join(', ')} FROM read_parquet([${files.map(sqlText).join(', ')}],
         hive_partitioning = true, hive_types_autocast = false, union_by_name = true)${skip}`,
    );
  }
  if (selects.length > 0) return selects.join('\nUNION ALL\n');
  return `SELECT ${t.columns.map((c) => `CAST(NULL AS ${c.type}) AS "${c.name}"`).join(', ')} WHERE false`;
}
