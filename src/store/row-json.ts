/**
 * Result rows read as one JSON text each: DuckDB writes `to_json` of the row's columns and
 * JavaScript parses it, instead of converting every value (and every list item and struct field)
 * through a value object: one string crosses from DuckDB per row instead of one per value. The
 * SQL casts what `to_json` would write differently from the node-api JSON conversion (64-bit and
 * larger integers and decimals as strings; JSON values as their text), so the parsed value equals
 * what `getColumnsJson()` gives.
 */
import { DuckDBListType, DuckDBStructType, type DuckDBType, DuckDBTypeId } from '@duckdb/node-api';

/** Types `to_json` writes as the node-api JSON conversion gives them. */
const AS_IS = new Set<DuckDBTypeId>([
  DuckDBTypeId.BOOLEAN,
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.DATE,
  DuckDBTypeId.TIMESTAMP,
  DuckDBTypeId.TIMESTAMP_NS,
  DuckDBTypeId.VARCHAR,
]);

/** Types the node-api JSON conversion gives as strings. */
const AS_TEXT = new Set<DuckDBTypeId>([
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.DECIMAL,
]);

/** The row's JSON text (null when no column can be in it) and which columns are in it. */
export interface RowJson {
  sql: string | null;
  packed: boolean[];
}

/**
 * SQL of one JSON text per row holding the columns whose type it can carry (struct keys in column
 * order), each written as the JSON conversion would give it; the others are read beside it.
 */
export function rowJsonSql(names: readonly string[], types: readonly DuckDBType[]): RowJson {
  const fields: string[] = [];
  const packed = names.map((name, i) => {
    const safe = jsonSafe(quoteIdent(name), types[i]!, 0);
    if (safe !== null) fields.push(`${quoteIdent(name)} := ${safe}`);
    return safe !== null;
  });
  return { sql: fields.length === 0 ? null : `to_json(struct_pack(${fields.join(', ')}))::VARCHAR`, packed };
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** `expr` shaped so that `to_json` writes it as the JSON conversion would; null when unsupported. */
function jsonSafe(expr: string, type: DuckDBType, depth: number): string | null {
  if (type.alias === 'JSON') return `CAST(${expr} AS VARCHAR)`;
  if (AS_IS.has(type.typeId)) return expr;
  if (AS_TEXT.has(type.typeId)) return `CAST(${expr} AS VARCHAR)`;
  if (type instanceof DuckDBListType) {
    const x = `x${depth}`;
    const inner = jsonSafe(x, type.valueType, depth + 1);
    if (inner === null) return null;
    return inner === x ? expr : `list_transform(${expr}, ${x} -> ${inner})`;
  }
  if (type instanceof DuckDBStructType) {
    const fields: string[] = [];
    let changed = false;
    for (let i = 0; i < type.entryNames.length; i++) {
      const field = `(${expr}).${quoteIdent(type.entryNames[i]!)}`;
      const inner = jsonSafe(field, type.entryTypes[i]!, depth + 1);
      if (inner === null) return null;
      if (inner !== field) changed = true;
      fields.push(`${quoteIdent(type.entryNames[i]!)} := ${inner}`);
    }
    if (!changed) return expr;
    return `CASE WHEN ${expr} IS NULL THEN NULL ELSE struct_pack(${fields.join(', ')}) END`;
  }
  return null;
}
