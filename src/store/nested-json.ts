/**
 * Nested result columns (lists, structs) read as one JSON text each: DuckDB writes `to_json` of the
 * value and JavaScript parses it, instead of building a value object per list item and struct
 * field. The SQL casts what `to_json` would write differently from the node-api JSON conversion
 * (64-bit and larger integers and decimals as strings; JSON values as their text), so the parsed
 * value equals what `getColumnsJson()` gives.
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

/** Whether a column of this type is read as JSON text (a list or struct of supported types). */
export function readsAsJson(type: DuckDBType): boolean {
  return (type instanceof DuckDBListType || type instanceof DuckDBStructType) && jsonSafe('v', type, 0) !== null;
}

/** SQL giving the JSON text of column `name` of this type (see readsAsJson). */
export function jsonTextSql(name: string, type: DuckDBType): string {
  return `to_json(${jsonSafe(quoteIdent(name), type, 0)})::VARCHAR`;
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
