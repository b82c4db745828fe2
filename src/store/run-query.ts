/** Runs a saved query with named, prepared parameters and returns plain JSON-safe rows. */
import type { DuckDBConnection, DuckDBResultReader } from '@duckdb/node-api';
import { UsageError } from '../errors.js';
import type { SavedQuery } from './saved-query.js';

export type Row = Record<string, unknown>;

export interface QueryResult {
  columns: string[];
  /** DuckDB type of each column (`TIMESTAMP`, `VARCHAR`, `BIGINT[]`…). */
  types: string[];
  rows: Row[];
}

/**
 * `values` are the user's `--param k=v` strings; unknown names are refused, missing ones take the
 * header default or NULL. DuckDB casts the text to the column type it is compared with.
 */
export async function runSavedQuery(
  conn: DuckDBConnection,
  query: SavedQuery,
  values: Record<string, string | null> = {},
): Promise<QueryResult> {
  const declared = new Map(query.params.map((p) => [p.name, p]));
  for (const k of Object.keys(values)) {
    if (!declared.has(k)) {
      throw new UsageError(
        `query "${query.id}" has no parameter "${k}" (it takes: ${[...declared.keys()].join(', ') || 'none'})`,
      );
    }
  }
  const prepared = await conn.prepare(query.sql);
  for (let i = 1; i <= prepared.parameterCount; i++) {
    const name = prepared.parameterName(i);
    const p = declared.get(name);
    const v = name in values ? values[name] : p?.defaultValue;
    if (v === undefined || v === null) prepared.bindNull(i);
    else prepared.bindVarchar(i, v);
  }
  const reader = await prepared.runAndReadAll();
  return {
    columns: reader.columnNames(),
    types: reader.columnTypes().map((t) => t.toString()),
    rows: rowObjects(reader),
  };
}

/**
 * The rows as JSON-safe objects, the same as `getRowObjectsJson()` gives, converted column by
 * column (a quarter of the time on large results).
 */
function rowObjects(reader: DuckDBResultReader): Row[] {
  const names = reader.columnNames();
  const columns = reader.getColumnsJson();
  const rows: Row[] = new Array(reader.currentRowCount);
  for (let i = 0; i < rows.length; i++) {
    const row: Row = {};
    for (let c = 0; c < names.length; c++) row[names[c]!] = columns[c]![i];
    rows[i] = row;
  }
  return rows;
}
