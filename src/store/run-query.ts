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
import { jsonTextSql, quoteIdent, readsAsJson } from './nested-json.js';
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
  const columns = reader.columnNames();
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
  const columns = result.columnNames();
  for (;;) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) break;
    onRows(rowObjects(plan, columns, chunk));
  }
  return { columns, types: typeNames(plan, result) };
}

interface Plan {
  prepared: DuckDBPreparedStatement;
  /** Per column: its value arrives as JSON text (nested-json.ts); empty when none does. */
  json: boolean[];
  /** The type of each column as the query gives it (when read as JSON text). */
  types: string[];
}

/**
 * The statement with its parameters bound. Nested columns are read as JSON text (nested-json.ts)
 * through an outer SELECT; the query's own ORDER BY decides the row order.
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
  const columns: string[] = [];
  for (let i = 0; i < prepared.columnCount; i++) columns.push(prepared.columnName(i));
  let json = columns.map((_c, i) => types !== null && readsAsJson(types[i]!));
  if (
    json.some(Boolean) &&
    new Set(columns).size === columns.length &&
    prepared.statementType === StatementType.SELECT
  ) {
    const list = columns.map((c, i) => (json[i] ? `${jsonTextSql(c, types![i]!)} AS ${quoteIdent(c)}` : quoteIdent(c)));
    prepared.destroySync();
    prepared = await conn.prepare(`SELECT ${list.join(', ')} FROM (${stripSemicolon(query.sql)}) AS saved_query`);
  } else json = [];
  for (let i = 1; i <= prepared.parameterCount; i++) {
    const name = prepared.parameterName(i);
    const p = declared.get(name);
    const v = name in values ? values[name] : p?.defaultValue;
    if (v === undefined || v === null) prepared.bindNull(i);
    else prepared.bindVarchar(i, v);
  }
  return { prepared, json, types: (types ?? []).map((t) => t.toString()) };
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

/** The DuckDB type of each column as the query gives it (nested columns as the query typed them, not as JSON text). */
function typeNames(plan: Plan, result: { columnTypes(): DuckDBType[] }): string[] {
  const read = result.columnTypes().map((t) => t.toString());
  return read.map((t, i) => (plan.json[i] ? plan.types[i]! : t));
}

function stripSemicolon(sql: string): string {
  return sql.replace(/;\s*$/, '');
}

/**
 * The rows as JSON-safe objects, the same as `getRowObjectsJson()` gives, converted column by
 * column (a quarter of the time on large results); nested columns parsed from their JSON text.
 */
function rowObjects(plan: Plan, names: readonly string[], source: DuckDBResultReader | DuckDBDataChunk): Row[] {
  const columns = source.convertColumns(JsonDuckDBValueConverter) as Json[][];
  for (let c = 0; c < names.length; c++) {
    if (!plan.json[c] || columns[c] === undefined) continue;
    const col = columns[c]!;
    for (let i = 0; i < col.length; i++) if (typeof col[i] === 'string') col[i] = JSON.parse(col[i] as string) as Json;
  }
  const count = columns[0]?.length ?? 0;
  const rows: Row[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const row: Row = {};
    for (let c = 0; c < names.length; c++) row[names[c]!] = columns[c]![i];
    rows[i] = row;
  }
  return rows;
}
