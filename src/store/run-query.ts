/** Runs a saved query with named, prepared parameters and returns plain JSON-safe rows. */
import {
  type DuckDBConnection,
  type DuckDBDataChunk,
  type DuckDBPreparedStatement,
  type DuckDBResultReader,
  type DuckDBType,
  DuckDBTypeId,
  JsonDuckDBValueConverter,
  type Json,
  StatementType,
} from '@duckdb/node-api';
import { UsageError } from '../errors.js';
import { quoteIdent, rowJsonSql } from './row-json.js';
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
  const plan = await prepareSaved(conn, query, values);
  const reader = await plan.prepared.runAndReadAll();
  const columns = plan.names ?? reader.columnNames();
  return { columns, types: typeNames(plan, reader), rows: rowObjects(plan, columns, reader) };
}

/**
 * The rows of a saved query a chunk (2,048 rows) at a time, handed to `onRows` as they are read:
 * neither DuckDB nor JavaScript holds the whole result. Columns and types as `runSavedQuery` gives.
 */
export async function streamSavedQuery(
  conn: DuckDBConnection,
  query: SavedQuery,
  values: Record<string, string | null>,
  onRows: (rows: Row[]) => void,
): Promise<Omit<QueryResult, 'rows'>> {
  const plan = await prepareSaved(conn, query, values);
  const result = await plan.prepared.stream();
  const columns = plan.names ?? result.columnNames();
  for (;;) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) break;
    onRows(rowObjects(plan, columns, chunk));
  }
  return { columns, types: typeNames(plan, result) };
}

interface Plan {
  prepared: DuckDBPreparedStatement;
  /**
   * When the rows are read as JSON text (row-json.ts): the query's column names, its types, and
   * per column whether it is in the row's JSON text (the text is the result's first column, the
   * others follow in order). Null: the result's columns are the query's, converted one by one.
   */
  names: string[] | null;
  types: string[];
  packed: boolean[];
}

/**
 * The statement with its parameters bound. When the result types are known and the names unique,
 * the rows are read as one JSON text each (row-json.ts) through an outer SELECT, with any column
 * of a type the text cannot carry beside it; the query's own ORDER BY decides the row order.
 */
async function prepareSaved(
  conn: DuckDBConnection,
  query: SavedQuery,
  values: Record<string, string | null>,
): Promise<Plan> {
  const declared = new Map(query.params.map((p) => [p.name, p]));
  for (const k of Object.keys(values)) {
    if (!declared.has(k)) {
      throw new UsageError(
        `query "${query.id}" has no parameter "${k}" (it takes: ${[...declared.keys()].join(', ') || 'none'})`,
      );
    }
  }
  let prepared = await conn.prepare(query.sql);
  const types = columnTypes(prepared);
  const names: string[] = [];
  for (let i = 0; i < prepared.columnCount; i++) names.push(prepared.columnName(i));
  let plan: Plan = { prepared, names: null, types: [], packed: [] };
  const row =
    types !== null && new Set(names).size === names.length && prepared.statementType === StatementType.SELECT
      ? rowJsonSql(names, types)
      : null;
  if (row?.sql) {
    const rest = names.filter((_n, i) => !row.packed[i]).map(quoteIdent);
    prepared.destroySync();
    prepared = await conn.prepare(
      `SELECT ${[`${row.sql} AS "row"`, ...rest].join(', ')} FROM (${stripSemicolon(query.sql)}) AS saved_query`,
    );
    plan = { prepared, names, types: types!.map((t) => t.toString()), packed: row.packed };
  }
  for (let i = 1; i <= prepared.parameterCount; i++) {
    const name = prepared.parameterName(i);
    const p = declared.get(name);
    const v = name in values ? values[name] : p?.defaultValue;
    if (v === undefined || v === null) prepared.bindNull(i);
    else prepared.bindVarchar(i, v);
  }
  return plan;
}

/** Types DuckDB announces for a statement whose result it can tell only once bound. */
const UNRESOLVED = new Set<DuckDBTypeId>([DuckDBTypeId.INVALID, DuckDBTypeId.ANY, DuckDBTypeId.SQLNULL]);

/** The result types a prepared statement announces; null when they are known only once it is bound. */
function columnTypes(prepared: DuckDBPreparedStatement): DuckDBType[] | null {
  const out: DuckDBType[] = [];
  try {
    for (let i = 0; i < prepared.columnCount; i++) {
      if (UNRESOLVED.has(prepared.columnTypeId(i))) return null;
      out.push(prepared.columnType(i));
    }
  } catch {
    return null;
  }
  return out;
}

/** The DuckDB type of each column as the query gives it (not as read through the JSON text). */
function typeNames(plan: Plan, result: { columnTypes(): DuckDBType[] }): string[] {
  return plan.names !== null ? plan.types : result.columnTypes().map((t) => t.toString());
}

function stripSemicolon(sql: string): string {
  return sql.replace(/;\s*$/, '');
}

/**
 * The rows as JSON-safe objects, the same as `getRowObjectsJson()` gives (keys in column order):
 * parsed from the row's JSON text when the plan reads it so, else converted column by column.
 */
function rowObjects(plan: Plan, names: readonly string[], source: DuckDBResultReader | DuckDBDataChunk): Row[] {
  const columns = source.convertColumns(JsonDuckDBValueConverter) as Json[][];
  const count = columns[0]?.length ?? 0;
  const rows: Row[] = new Array(count);
  if (plan.names === null) {
    for (let i = 0; i < count; i++) {
      const row: Row = {};
      for (let c = 0; c < names.length; c++) row[names[c]!] = columns[c]![i];
      rows[i] = row;
    }
    return rows;
  }
  const texts = columns[0]! as string[];
  if (columns.length === 1) {
    for (let i = 0; i < count; i++) rows[i] = JSON.parse(texts[i]!) as Row;
    return rows;
  }
  for (let i = 0; i < count; i++) {
    const parsed = JSON.parse(texts[i]!) as Row;
    const row: Row = {};
    let rest = 1;
    for (let c = 0; c < names.length; c++) {
      const name = names[c]!;
      row[name] = plan.packed[c] ? parsed[name] : columns[rest++]![i];
    }
    rows[i] = row;
  }
  return rows;
}
