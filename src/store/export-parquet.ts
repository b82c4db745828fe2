/**
 * Parquet export of a bindtrail database for fleet-scale querying (any engine that reads Parquet:
 * DuckDB, Spark, Trino, Athena, pandas/polars). Every table of the schema gets a folder: tables
 * with a host and a time partitioned by host and UTC day (`events/host=…/day=…/data_0.parquet`),
 * tables with a host by host, the others one file (`files/data_0.parquet`). Hive layout, zstd;
 * partition values live in the path only (NULL as `__HIVE_DEFAULT_PARTITION__`).
 *
 * Memory stays bounded whatever the case's size. DuckDB's partitioned write holds the rows of every
 * partition it has open and does not spill (one `COPY` of 730k events into 339 host/day partitions
 * peaked at 1.7 GB RSS, 2 M events into 24 at 2.8 GB). So a partitioned table is written in
 * batches: runs of consecutive partitions of at most `BATCH_ROWS` rows (a larger partition alone,
 * flushed every `BATCH_ROWS` rows), in row groups of that size, two batches at a time on two
 * connections of one DuckDB thread each, under `EXPORT_MEMORY_LIMIT` and without keeping the
 * insertion order (every reader orders its results). Should DuckDB still run out of memory (rows
 * far wider than usual), the export runs again under the limit the connection had before.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { makeDirs } from '../util/make-dirs.js';
import type { Database } from './db.js';
import { schemaTables, type TableShape } from './dataset-tables.js';
import { withMemoryBound } from './memory-bound.js';

/** DuckDB's memory limit while exporting. */
export const EXPORT_MEMORY_LIMIT = '96MB';
/** Most rows one partitioned `COPY` takes, and the rows of a row group. */
export const BATCH_ROWS = 10_000;

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

/**
 * Writes every table of the schema under `dir`; `overwrite` lets partitions land in a non-empty
 * folder. `onRetry` hears why the export runs a second time (module comment).
 */
export async function exportParquet(
  db: Pick<Database, 'instance' | 'conn'>,
  dir: string,
  options: { overwrite?: boolean; onRetry?: (message: string) => void } = {},
): Promise<ParquetExport> {
  const d = dir.replace(/\/+$/, '') || '/';
  makeDirs(d);
  const threads = (await db.conn.runAndReadAll("SELECT current_setting('threads')::BIGINT")).getRows()[0]![0];
  await db.conn.run(`SET partitioned_write_flush_threshold = ${BATCH_ROWS}`);
  await db.conn.run('SET threads = 1');
  const second = await db.instance.connect();
  let runs = 0;
  try {
    return await withMemoryBound(
      db.conn,
      // a second run writes over the first one's files
      () => writeTables([db.conn, second], d, options.overwrite === true || runs++ > 0),
      { limit: EXPORT_MEMORY_LIMIT, onRetry: options.onRetry },
    );
  } finally {
    second.closeSync();
    await db.conn.run(`SET threads = ${Number(threads)}`);
  }
}

async function writeTables(conns: readonly DuckDBConnection[], d: string, overwrite: boolean): Promise<ParquetExport> {
  const tables: Record<string, number> = {};
  let partitions = 0;
  for (const t of await schemaTables()) {
    const parts = await copyTable(conns, t, `${d}/${t.name}`, overwrite);
    tables[t.name] = parts.reduce((n, p) => n + p.rows, 0);
    if (t.name === 'events') partitions = parts.length;
  }
  return { dir: d, events: tables.events ?? 0, partitions, tables };
}

/** One partition of a table: its host and UTC day (null where the table has no such key). */
interface Partition {
  host: string | null;
  day: string | null;
  rows: number;
}

/** Writes table `t` under `out`; returns its partitions (one without keys for a table written whole). */
async function copyTable(
  conns: readonly DuckDBConnection[],
  t: TableShape,
  out: string,
  overwrite: boolean,
): Promise<Partition[]> {
  const conn = conns[0]!;
  const options = `FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${BATCH_ROWS}`;
  if (t.partitionBy.length === 0) {
    makeDirs(out);
    await conn.run(`COPY "${t.name}" TO ${sqlText(`${out}/data_0.parquet`)} (${options})`);
    const rows = (await conn.runAndReadAll(`SELECT count(*)::BIGINT FROM "${t.name}"`)).getRows()[0]![0];
    return [{ host: null, day: null, rows: Number(rows) }];
  }
  const byDay = t.partitionBy.includes('day');
  const parts = await partitionsOf(conn, t.name, byDay);
  const copy = (c: DuckDBConnection, where: string | null, replace: boolean): Promise<unknown> =>
    c.run(
      `COPY (SELECT *${byDay ? `, ${DAY_OF_TS} AS day` : ''} FROM "${t.name}"${where ? ` WHERE ${where}` : ''})
       TO ${sqlText(out)} (${options}, PARTITION_BY (${t.partitionBy.join(', ')})${replace ? ', OVERWRITE_OR_IGNORE true' : ''})`,
    );
  const [first, ...rest] = batchFilters(parts);
  await copy(conn, first!, overwrite);
  // the later batches land beside the first's folders (never in the same partition)
  let next = 0;
  let failed = false;
  const done = await Promise.allSettled(
    conns.map(async (c) => {
      try {
        while (!failed && next < rest.length) await copy(c, rest[next++]!, true);
      } catch (e) {
        failed = true;
        throw e;
      }
    }),
  );
  // both connections are idle before an error goes up (closing one that is busy would wait on it)
  for (const d of done) if (d.status === 'rejected') throw d.reason;
  return parts;
}

async function partitionsOf(conn: DuckDBConnection, table: string, byDay: boolean): Promise<Partition[]> {
  const day = byDay ? DAY_OF_TS : 'NULL::VARCHAR';
  const rows = (
    await conn.runAndReadAll(
      `SELECT host, ${day} AS day, count(*)::BIGINT FROM "${table}" GROUP BY ALL ORDER BY host NULLS FIRST, day`,
    )
  ).getRows();
  return rows.map(([host, d, n]) => ({
    host: host === null ? null : String(host),
    day: d === null ? null : String(d),
    rows: Number(n),
  }));
}

/**
 * The WHERE clause of each `COPY`: the whole table when it has at most `BATCH_ROWS` rows (null),
 * else runs of consecutive partitions (in host, day order) of up to `BATCH_ROWS` rows (a larger
 * partition alone). A run names the hosts it holds whole, and for a host it holds in part, that
 * host and a time range the scan can prune on.
 */
export function batchFilters(parts: readonly Partition[]): (string | null)[] {
  if (parts.reduce((n, p) => n + p.rows, 0) <= BATCH_ROWS) return [null];
  const daysOf = new Map<string | null, number>();
  for (const p of parts) daysOf.set(p.host, (daysOf.get(p.host) ?? 0) + 1);
  const batches: Partition[][] = [];
  let rows = 0;
  for (const p of parts) {
    const cur = batches[batches.length - 1];
    if (cur !== undefined && rows + p.rows <= BATCH_ROWS) {
      cur.push(p);
      rows += p.rows;
    } else {
      batches.push([p]);
      rows = p.rows;
    }
  }
  return batches.map((batch) => {
    const whole: string[] = [];
    const terms: string[] = [];
    for (let i = 0; i < batch.length; ) {
      const host = batch[i]!.host;
      let j = i;
      while (j < batch.length && batch[j]!.host === host) j++;
      const hostIs = host === null ? 'host IS NULL' : `host = ${sqlText(host)}`;
      if (j - i === daysOf.get(host)) {
        if (host === null) terms.push(hostIs);
        else whole.push(sqlText(host));
      } else terms.push(`(${hostIs} AND ${dayRange(batch[i]!.day!, batch[j - 1]!.day!)})`);
      i = j;
    }
    if (whole.length > 0) terms.unshift(`host IN (${whole.join(', ')})`);
    return terms.join(' OR ');
  });
}

/** Rows whose DAY_OF_TS is from `first` to `last` (days sort before UNKNOWN_DAY). */
function dayRange(first: string, last: string): string {
  if (first === UNKNOWN_DAY) return 'ts IS NULL';
  const from = `ts >= ${sqlText(first)}::TIMESTAMP`;
  if (last === UNKNOWN_DAY) return `(${from} OR ts IS NULL)`;
  return `${from} AND ts < ${sqlText(last)}::TIMESTAMP + INTERVAL 1 DAY`;
}

/** The `day` of rows without a time (DAY_OF_TS). */
const UNKNOWN_DAY = 'unknown';
