/**
 * Parquet export of a bindtrail database for fleet-scale querying (any engine that reads Parquet:
 * DuckDB, Spark, Trino, Athena, pandas/polars). Every table of the schema gets a folder: tables
 * with a host and a time partitioned by host and UTC day (`events/host=…/day=…/data_0.parquet`),
 * tables with a host by host, the others one file (`files/data_0.parquet`). Hive layout, zstd;
 * partition values live in the path only (NULL as `__HIVE_DEFAULT_PARTITION__`).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { makeDirs } from '../util/make-dirs.js';
import { schemaTables, type TableShape } from './dataset-tables.js';

export interface ParquetExport {
  dir: string;
  /** Rows of `events`. */
  events: number;
  /** Host/day partitions of `events`. */
  partitions: number;
  /** Rows per table, every table of the schema (events included). */
  tables: Record<string, number>;
}

/** SQL string literal. */
export const sqlText = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** UTC day of `ts` as the `day` partition value. */
export const DAY_OF_TS = `coalesce(strftime(ts, '%Y-%m-%d'), 'unknown')`;

/** Writes every table of the schema under `dir`; `overwrite` lets partitions land in a non-empty folder. */
export async function exportParquet(
  conn: DuckDBConnection,
  dir: string,
  options: { overwrite?: boolean } = {},
): Promise<ParquetExport> {
  const d = dir.replace(/\/+$/, '') || '/';
  makeDirs(d);
  const tables: Record<string, number> = {};
  for (const t of await schemaTables()) {
    await copyTable(conn, t, `${d}/${t.name}`, options.overwrite === true);
    tables[t.name] = Number((await conn.runAndReadAll(`SELECT count(*)::BIGINT FROM "${t.name}"`)).getRows()[0]![0]);
  }
  const partitions = (
    await conn.runAndReadAll(`SELECT count(DISTINCT (host, ${DAY_OF_TS}))::BIGINT FROM events`)
  ).getRows()[0]![0];
  return { dir: d, events: tables.events ?? 0, partitions: Number(partitions), tables };
}

async function copyTable(conn: DuckDBConnection, t: TableShape, out: string, overwrite: boolean): Promise<void> {
  const options = 'FORMAT parquet, COMPRESSION zstd';
  if (t.partitionBy.length === 0) {
    makeDirs(out);
    await conn.run(`COPY "${t.name}" TO ${sqlText(`${out}/data_0.parquet`)} (${options})`);
    return;
  }
  const day = t.partitionBy.includes('day') ? `, ${DAY_OF_TS} AS day` : '';
  await conn.run(
    `COPY (SELECT *${day} FROM "${t.name}") TO ${sqlText(out)}
     (${options}, PARTITION_BY (${t.partitionBy.join(', ')})${overwrite ? ', OVERWRITE_OR_IGNORE true' : ''})`,
  );
}
