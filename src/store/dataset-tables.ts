/**
 * The tables a Parquet case dataset carries, read from the schema itself (a fresh in-memory
 * database), so a table added to src/store/schema.ts is written and read without a list to keep.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { openDatabase } from './db.js';

export interface ColumnShape {
  name: string;
  /** DuckDB type as the schema declares it (`TIMESTAMP_NS`, `VARCHAR[]`, `JSON`…). */
  type: string;
}

export interface TableShape {
  name: string;
  columns: ColumnShape[];
  /** Hive partition keys: `host`, `day` (UTC day of `ts`) for tables with both, `host` alone, or none. */
  partitionBy: string[];
  /**
   * Filled by the schema itself (schema version, error-code names): identical in every part, so a
   * reader takes them from its own schema rather than from the parts.
   */
  reference: boolean;
}

let cached: Promise<TableShape[]> | undefined;

/** Every base table of the schema, in creation order. */
export function schemaTables(): Promise<TableShape[]> {
  cached ??= readShapes();
  return cached;
}

async function readShapes(): Promise<TableShape[]> {
  const db = await openDatabase(':memory:');
  try {
    const tables = (
      await db.conn.runAndReadAll(
        `SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main'
         AND NOT temporary ORDER BY table_oid`,
      )
    ).getRows();
    const out: TableShape[] = [];
    for (const [name] of tables) out.push(await shapeOf(db.conn, String(name)));
    return out;
  } finally {
    db.close();
  }
}

async function shapeOf(conn: DuckDBConnection, name: string): Promise<TableShape> {
  const columns = (
    await conn.runAndReadAll(
      `SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = current_database()
       AND schema_name = 'main' AND table_name = $1 ORDER BY column_index`,
      [name],
    )
  )
    .getRows()
    .map(([n, t]) => ({ name: String(n), type: String(t) }));
  const has = (c: string): boolean => columns.some((x) => x.name === c);
  const partitionBy = has('host') ? (has('ts') ? ['host', 'day'] : ['host']) : [];
  const rows = Number((await conn.runAndReadAll(`SELECT count(*) FROM "${name}"`)).getRows()[0]![0]);
  return { name, columns, partitionBy, reference: rows > 0 };
}
