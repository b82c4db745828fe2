/**
 * Parquet export of a bindtrail database for fleet-scale querying (any engine that reads Parquet:
 * DuckDB, Spark, Trino, Athena, pandas/polars): `events` partitioned by host and day
 * (hive layout `events/host=…/day=…/*.parquet`), the small tables as one file each.
 */
import { mkdirSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { DOMAIN_TABLES } from './schema.js';

/** Tables written as single files beside the partitioned events (the domain tables included). */
export const SMALL_TABLES: readonly string[] = [
  'files',
  'ingest_errors',
  'config_metadata',
  'ssl_bindings',
  'certificates',
  'error_codes',
  ...DOMAIN_TABLES.map((t) => t.name),
];

export interface ParquetExport {
  dir: string;
  events: number;
  partitions: number;
  tables: Record<string, number>;
}

const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;

export async function exportParquet(
  conn: DuckDBConnection,
  dir: string,
  options: { overwrite?: boolean } = {},
): Promise<ParquetExport> {
  const d = dir.replace(/\/+$/, '') || '/';
  mkdirSync(d, { recursive: true });
  const ow = options.overwrite ? ', OVERWRITE_OR_IGNORE true' : '';
  await conn.run(
    `COPY (SELECT * REPLACE (coalesce(host, 'unknown') AS host), coalesce(strftime(ts, '%Y-%m-%d'), 'unknown') AS day FROM events)
     TO ${quote(`${d}/events`)} (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (host, day)${ow})`,
  );
  const counts = (
    await conn.runAndReadAll(
      `SELECT count(*)::BIGINT, count(DISTINCT (coalesce(host, 'unknown'), coalesce(strftime(ts, '%Y-%m-%d'), 'unknown')))::BIGINT FROM events`,
    )
  ).getRows()[0]!;
  const tables: Record<string, number> = {};
  for (const t of SMALL_TABLES) {
    await conn.run(`COPY ${t} TO ${quote(`${d}/${t}.parquet`)} (FORMAT parquet, COMPRESSION zstd)`);
    tables[t] = Number((await conn.runAndReadAll(`SELECT count(*)::BIGINT FROM ${t}`)).getRows()[0]![0]);
  }
  return { dir: d, events: Number(counts[0]), partitions: Number(counts[1]), tables };
}
