/**
 * `make bench` row for a case read from Parquet: the big ingest input written as one dataset part
 * (`ingest --parquet`), then each bundled query over the dataset (`--parquet` views) as a multiple
 * of one full scan of `events` over the same dataset, in one process so opening is not counted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { queriesDir } from '../src/paths.js';
import { openDataset } from '../src/store/dataset.js';
import { runSavedQuery } from '../src/store/run-query.js';
import { loadSavedQueries } from '../src/store/saved-query.js';
import { completed, median, timed } from './measure.js';

/** Reads every event's `data`: the scan each query is measured against. */
export const FULL_SCAN_SQL = 'SELECT count(*), max(length(CAST(data AS VARCHAR))) FROM events';

const seconds = async (f: () => Promise<unknown>): Promise<number> => {
  const t0 = process.hrtime.bigint();
  await f();
  return Number(process.hrtime.bigint() - t0) / 1e9;
};

/** Prints the rows; returns an error text when the ingest or a query failed. */
export async function benchParquetQueries(node: string, cli: string, input: string): Promise<string | null> {
  const dir = mkdtempSync(join(tmpdir(), 'bindtrail-bench-parquet-'));
  try {
    process.stderr.write('bench: ingest --parquet, then the bundled queries over the dataset\n');
    const ingest = await timed(node, [cli, 'ingest', input, '--parquet', dir, '--part', 'bench']);
    if (!completed(ingest)) return `ingest --parquet: exit ${ingest.code}: ${ingest.stderr.trim().split('\n').pop()}`;
    const db = await openDataset([dir]);
    try {
      const scans: number[] = [];
      for (let i = 0; i < 3; i++) scans.push(await seconds(() => db.conn.run(FULL_SCAN_SQL)));
      const scan = median(scans);
      console.log(
        `\nParquet dataset (${input.split('/').pop()}): ingest --parquet ${ingest.wallS.toFixed(1)} s, ` +
          `peak RSS ${ingest.peakRssMb.toFixed(0)} MiB; full scan (${FULL_SCAN_SQL}) ${scan.toFixed(2)} s`,
      );
      console.log('| query over --parquet | seconds | full scans |\n| --- | ---: | ---: |');
      for (const q of loadSavedQueries(queriesDir())) {
        const s = await seconds(() => runSavedQuery(db.conn, q));
        console.log(`| ${q.id} | ${s.toFixed(2)} | ${(s / scan).toFixed(1)} |`);
      }
    } finally {
      db.close();
    }
    return null;
  } catch (e) {
    return e instanceof Error ? e.message.split('\n')[0]! : String(e);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
