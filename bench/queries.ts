/**
 * Saved queries and the HTML report on a large database, each as a multiple of one full scan of
 * `events` measured in the same run (`SELECT count(*), sum(length(data)) FROM events`: every
 * event's JSON read once). The database is built once from `synth --seed 7` and kept in
 * bench/data/ (reused while its schema version and event count are right), or given with --query-db.
 */
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Table from 'cli-table3';
import { openDatabase } from '../src/store/db.js';
import { runSavedQuery } from '../src/store/run-query.js';
import { loadSavedQueries } from '../src/store/saved-query.js';
import { queriesDir } from '../src/paths.js';
import { median, timed } from './measure.js';

export const FULL_SCAN_SQL = 'SELECT count(*), sum(length(data)) FROM events';
/** Target of issue "scale": every bundled query within 3 full scans; the report within 10. */
const QUERY_TARGET = 3;
const REPORT_TARGET = 10;

interface QueryRow {
  label: string;
  wallS: number;
  cpuS: number;
  rows: number | null;
  extra: string;
  target: number;
}

/** The benchmark database: `db` as given, else bench/data/synth-N.duckdb built from `synth --seed 7`. */
export async function ensureQueryDb(node: string, cli: string, dataDir: string, events: number): Promise<string> {
  mkdirSync(dataDir, { recursive: true });
  const db = join(dataDir, `synth-${events}.duckdb`);
  if (existsSync(db) && (await eventCount(db)) === events) return db;
  const evtx = join(dataDir, `synth-${events}.evtx`);
  if (!existsSync(evtx)) {
    process.stderr.write(`bench: synth --events ${events} --seed 7 → ${evtx}\n`);
    const r = await timed(node, [cli, 'synth', '--events', String(events), '--seed', '7', '--out', evtx]);
    if (r.code !== 0) throw new Error(`synth failed: ${r.stderr.trim()}`);
  }
  for (const s of ['', '.wal']) rmSync(db + s, { force: true });
  process.stderr.write(`bench: ingest ${evtx} → ${db}\n`);
  const r = await timed(node, [cli, 'ingest', evtx, '--db', db]);
  if (r.code !== 0) throw new Error(`ingest failed: ${r.stderr.trim()}`);
  return db;
}

async function eventCount(path: string): Promise<number | null> {
  try {
    const db = await openDatabase(path, { readOnly: true });
    try {
      return Number((await db.conn.runAndReadAll('SELECT count(*) FROM events')).getRows()[0]![0]);
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

async function measure<T>(work: () => Promise<T>): Promise<{ wallS: number; cpuS: number; value: T }> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const value = await work();
  const c = process.cpuUsage(c0);
  return { wallS: (performance.now() - t0) / 1000, cpuS: (c.user + c.system) / 1e6, value };
}

/**
 * Every bundled query (header defaults) in this process, a full scan before each; then
 * `report --format html` as a command (wall, CPU, peak RSS, output size). Prints the table.
 */
export async function benchQueries(node: string, cli: string, dbPath: string): Promise<void> {
  const db = await openDatabase(dbPath, { readOnly: true });
  const out: QueryRow[] = [];
  const scans: { wallS: number; cpuS: number }[] = [];
  let events = 0;
  try {
    const scan = async (): Promise<void> => {
      const m = await measure(() => db.conn.runAndReadAll(FULL_SCAN_SQL));
      events = Number(m.value.getRows()[0]![0]);
      scans.push(m);
    };
    await scan();
    // all-events last: the garbage of its 2 M row objects would be collected during the next queries.
    const queries = loadSavedQueries(queriesDir()).sort(
      (x, y) => Number(x.id === 'all-events') - Number(y.id === 'all-events'),
    );
    for (const q of queries) {
      process.stderr.write(`bench: query ${q.id}\n`);
      const m = await measure(() => runSavedQuery(db.conn, q, {}));
      out.push({
        label: q.id,
        wallS: m.wallS,
        cpuS: m.cpuS,
        rows: m.value.rows.length,
        extra: '',
        target: QUERY_TARGET,
      });
      await scan();
    }
  } finally {
    db.close();
  }
  const html = join(tmpdir(), `bindtrail-bench-report-${process.pid}.html`);
  process.stderr.write('bench: report --format html\n');
  const r = await timed(node, [cli, 'report', '--db', dbPath, '--format', 'html', '-o', html]);
  const size = existsSync(html) ? statSync(html).size : NaN;
  rmSync(html, { force: true });
  out.push({
    label: r.code === 0 ? 'report --format html' : `report --format html (exit ${r.code})`,
    wallS: r.wallS,
    cpuS: r.cpuS,
    rows: null,
    extra: `peak RSS ${r.peakRssMb.toFixed(0)} MB, ${(size / 1e6).toFixed(1)} MB HTML`,
    target: REPORT_TARGET,
  });
  printQueryTable(out, scans, events, dbPath);
}

function printQueryTable(rows: QueryRow[], scans: { wallS: number; cpuS: number }[], events: number, db: string) {
  const scanWall = median(scans.map((s) => s.wallS));
  const scanCpu = median(scans.map((s) => s.cpuS));
  const t = new Table({
    head: ['query', 'wall s', 'full scans (wall)', 'CPU s', 'full scans (CPU)', 'rows', 'target', ''],
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'left', 'left'],
  });
  for (const r of rows) {
    const scansWall = r.wallS / scanWall;
    t.push([
      r.label,
      r.wallS.toFixed(2),
      scansWall.toFixed(1),
      r.cpuS.toFixed(2),
      (r.cpuS / scanCpu).toFixed(1),
      r.rows === null ? '' : r.rows.toLocaleString('en-US'),
      `≤ ${r.target} scans ${scansWall <= r.target ? 'met' : 'NOT met'}`,
      r.extra,
    ]);
  }
  console.log(
    `\nbench: ${events.toLocaleString('en-US')} events in ${db}; full scan (${FULL_SCAN_SQL}): median ${scanWall.toFixed(2)} s wall, ${scanCpu.toFixed(2)} s CPU over ${scans.length} scans between the queries`,
  );
  console.log(t.toString());
}
