/**
 * `make bench`: reader, dump (one thread and one per core) and ingest throughput on large logs built from real chunks, against
 * libevtx's evtxexport in the same run. Benchmarks, not tests: a missed target is reported, never
 * a failure; a tool that errors makes the exit code 1.
 *
 * The Rust evtx crate's `evtx_dump` (../shared/tools/evtx-rs/) is a peer row when present. Ingest is
 * measured on real chunks (`--ingest-mb`) and on a `synth --seed 7` log of `--synth-events` events
 * with one and two parse threads; start-up rows time `--help` and friends against `node -e 0`.
 *
 *   node dist/bench/run.js [--mb 100] [--ingest-mb 500] [--synth-events 400000] [--runs 3]
 *                          [--startup-runs 10] [--ingest-runs 1] [--fleet-hosts 4] [--no-ingest] [--no-python]
 *                          [--query-events 2000000 | --query-db FILE] [--only-queries]
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../src/paths.js';
import { ensureBigFile, ensureFleet, ensureSynthFile, pickInputs, which } from './data.js';
import { benchParquetQueries } from './parquet-queries.js';
import { completed, median, timed } from './measure.js';
import type { RunResult } from './measure.js';
import { benchQueries, ensureQueryDb } from './queries.js';
import { printTable } from './report.js';
import type { Row } from './report.js';
import { fleetIngestSpec, rustSpecs, synthIngestSpecs } from './peer-specs.js';
import type { Spec } from './peer-specs.js';
import { measureStartup, printStartup } from './startup.js';

interface Args {
  mb: number;
  ingestMb: number;
  synthEvents: number;
  runs: number;
  startupRuns: number;
  /** Runs of the ingest rows (each loads the whole log into a fresh database). */
  ingestRuns: number;
  ingest: boolean;
  /** Hosts of the fleet ingest row (`--synth-events` events in all; 0: no fleet row). */
  fleetHosts: number;
  python: boolean;
  corpus: string;
  /** Saved queries and the report on a database of this many synthetic events (0: not run). */
  queryEvents: number;
  queryDb: string | null;
  onlyQueries: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = {
    mb: 100,
    ingestMb: 500,
    synthEvents: 400_000,
    runs: 3,
    startupRuns: 10,
    ingestRuns: 1,
    ingest: true,
    fleetHosts: 4,
    python: true,
    corpus: process.env.BINDTRAIL_CORPUS ?? join(packageRoot(), '..', 'shared', 'corpus'),
    queryEvents: 0,
    queryDb: null,
    onlyQueries: false,
  };
  for (let i = 2; i < argv.length; i++) {
    const f = argv[i]!;
    const num = (): number => {
      const n = Number(argv[++i]);
      if (!Number.isFinite(n) || n <= 0) throw new Error(`${f} needs a positive number`);
      return n;
    };
    if (f === '--mb') a.mb = num();
    else if (f === '--ingest-mb') a.ingestMb = num();
    else if (f === '--synth-events') a.synthEvents = Math.round(Number(argv[++i]));
    else if (f === '--runs') a.runs = Math.round(num());
    else if (f === '--startup-runs') a.startupRuns = Math.round(num());
    else if (f === '--ingest-runs') a.ingestRuns = Math.round(num());
    else if (f === '--no-ingest') a.ingest = false;
    else if (f === '--fleet-hosts') a.fleetHosts = Math.round(num());
    else if (f === '--no-python') a.python = false;
    else if (f === '--corpus') a.corpus = argv[++i] ?? a.corpus;
    else if (f === '--query-events') {
      a.queryEvents = Math.round(Number(argv[++i]));
      if (!Number.isFinite(a.queryEvents) || a.queryEvents < 0)
        throw new Error(`${f} needs a number (0: no query rows)`);
    } else if (f === '--query-db') a.queryDb = argv[++i] ?? null;
    else if (f === '--only-queries') a.onlyQueries = true;
    else throw new Error(`unknown option ${f}`);
  }
  return a;
}

const parseJson = (r: RunResult): { records: number; seconds: number } | null => {
  try {
    return JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as { records: number; seconds: number };
  } catch {
    return null;
  }
};

async function ingestAvailable(node: string, cli: string): Promise<boolean> {
  const r = await timed(node, [cli, 'ingest', '--help'], true);
  return r.code === 0;
}

/** Rows timed as whole ingest commands (one run per `--ingest-runs`). */
const wholeIngest = (key: string): boolean =>
  key === 'ingest' || key.startsWith('synth-ingest') || key === 'fleet-ingest';

async function main(): Promise<number> {
  const a = parseArgs(process.argv);
  const root = packageRoot();
  const node = process.execPath;
  const cli = join(root, 'dist', 'src', 'cli', 'main.js');
  const parseJs = join(root, 'dist', 'bench', 'parse.js');
  if (!existsSync(cli)) throw new Error(`${cli} missing: run make build`);
  if (a.onlyQueries) return queryRows(a, node, cli, join(root, 'bench', 'data'));
  const corpus = pickInputs(a.corpus);
  const concat = join(a.corpus, '..', 'tools', 'evtx-concat.py');
  const dataDir = join(root, 'bench', 'data');
  const big = ensureBigFile(dataDir, a.mb, corpus, concat);
  const evtxexport = which('evtxexport');
  const withIngest = a.ingest && (await ingestAvailable(node, cli));
  const bigIngest = withIngest ? ensureBigFile(dataDir, a.ingestMb, corpus, concat) : null;
  const synth = withIngest && a.synthEvents > 0 ? ensureSynthFile(dataDir, a.synthEvents, node, cli) : null;
  const fleet = synth && a.fleetHosts > 0 ? ensureFleet(dataDir, a.synthEvents, a.fleetHosts, node, cli) : null;
  const evtxDump = join(a.corpus, '..', 'tools', 'evtx-rs', 'evtx_dump');
  const db = join(tmpdir(), `bindtrail-bench-${process.pid}.duckdb`);
  const dropDb = (): void => {
    for (const suffix of ['', '.wal']) rmSync(db + suffix, { force: true });
  };

  console.log(
    `bench: node ${process.version}, ${availableParallelism()} cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} at start`,
  );
  console.log(
    `bench: chunks from ${corpus.inputs.length} corpus files (left out, evtxexport stops on them: ${corpus.excluded.join(', ') || 'none'})`,
  );

  const cores = availableParallelism();
  const specs: Spec[] = [];
  if (evtxexport)
    specs.push({
      key: 'evtxexport',
      label: 'evtxexport -f xml (libevtx)',
      file: big,
      cmd: evtxexport,
      args: () => ['-f', 'xml', big],
    });
  specs.push(...rustSpecs(evtxDump, big, cores));
  specs.push(
    {
      key: 'xml',
      label: 'bindtrail dump --format xml --threads 1',
      file: big,
      cmd: node,
      args: () => [cli, 'dump', big, '--format', 'xml', '--threads', '1'],
    },
    {
      key: 'xml-mt',
      label: `bindtrail dump --format xml --threads ${cores}`,
      file: big,
      cmd: node,
      args: () => [cli, 'dump', big, '--format', 'xml', '--threads', String(cores)],
    },
    {
      key: 'jsonl',
      label: 'bindtrail dump --format jsonl --threads 1',
      file: big,
      cmd: node,
      args: () => [cli, 'dump', big, '--format', 'jsonl', '--threads', '1'],
    },
    {
      key: 'jsonl-mt',
      label: `bindtrail dump --format jsonl --threads ${cores}`,
      file: big,
      cmd: node,
      args: () => [cli, 'dump', big, '--format', 'jsonl', '--threads', String(cores)],
    },
    {
      key: 'parse',
      label: 'readEvtx, iterate (no rendering)',
      file: big,
      cmd: node,
      args: () => [parseJs, big, 'parse'],
      capture: true,
    },
    {
      key: 'event',
      label: 'readEvtx + event() (JSON-like)',
      file: big,
      cmd: node,
      args: () => [parseJs, big, 'event'],
      capture: true,
    },
  );
  if (bigIngest) {
    specs.push({
      key: 'ingest-count',
      label: 'readEvtx, iterate (ingest file)',
      file: bigIngest,
      cmd: node,
      args: () => [parseJs, bigIngest, 'parse'],
      capture: true,
    });
    specs.push({
      key: 'ingest',
      label: 'bindtrail ingest --db (DuckDB)',
      file: bigIngest,
      cmd: node,
      args: () => {
        dropDb();
        return [cli, 'ingest', bigIngest, '--db', db];
      },
      capture: true,
      cleanup: dropDb,
    });
  }
  if (synth) specs.push(...synthIngestSpecs(node, cli, synth, a.synthEvents, db, dropDb));
  if (fleet) specs.push(fleetIngestSpec(node, cli, fleet, a.fleetHosts, a.synthEvents, db, dropDb));

  const results = new Map<string, RunResult[]>();
  const failed = new Map<string, string>();
  for (let run = 1; run <= a.runs; run++) {
    for (const s of specs) {
      if (failed.has(s.key) || (s.key === 'ingest-count' && run > 1)) continue;
      if (wholeIngest(s.key) && run > a.ingestRuns) continue;
      process.stderr.write(`bench: run ${run}/${a.runs}: ${s.label}\n`);
      const r = await timed(s.cmd, s.args(), s.capture === true);
      s.cleanup?.();
      if (!completed(r)) failed.set(s.key, `exit ${r.code}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
      else results.set(s.key, [...(results.get(s.key) ?? []), r]);
    }
  }

  const recordsOf = (key: string): number | null => {
    const r = results.get(key)?.[0];
    const j = r ? parseJson(r) : null;
    return j ? j.records : null;
  };
  const bigRecords = recordsOf('parse');
  const rows: Row[] = specs.map((s) => {
    const runs = results.get(s.key) ?? [];
    const wholeCommand = wholeIngest(s.key);
    const inner = s.capture && !wholeCommand ? runs.map((r) => parseJson(r)?.seconds ?? NaN) : null;
    return {
      key: s.key,
      label: s.label,
      input: s.file.split('/').pop()!,
      bytes: s.bytes ?? statSync(s.file).size,
      records: s.records ?? (s.file === big ? bigRecords : recordsOf('ingest-count')),
      runs: runs.length,
      wallS: median(runs.map((r) => r.wallS)),
      innerS: inner ? median(inner) : null,
      cpuS: median(runs.map((r) => r.cpuS)),
      peakRssMb: Math.max(0, ...runs.map((r) => r.peakRssMb)),
      error: failed.get(s.key) ?? null,
      command: [
        s.cmd === node ? 'node' : s.cmd,
        ...s.args().map((x) => (x === db ? 'tmp.duckdb' : x.replace(root + '/', ''))),
      ].join(' '),
    };
  });
  dropDb();

  if (a.python) {
    const py = '/usr/bin/evtx_dump.py';
    const small = join(a.corpus, 'evtx', 'williballenthin__python-evtx__tests__data__system.evtx');
    if (existsSync(py) && existsSync(small)) {
      process.stderr.write('bench: python-evtx (1 run, small file)\n');
      const r = await timed('/usr/bin/python3', [py, small], true);
      rows.push({
        key: 'python',
        label: 'python-evtx evtx_dump.py (context)',
        input: 'python-evtx system.evtx',
        bytes: statSync(small).size,
        records: (r.stdout.match(/<Event /g) ?? []).length,
        runs: 1,
        wallS: r.wallS,
        innerS: null,
        cpuS: r.cpuS,
        peakRssMb: r.peakRssMb,
        error: r.code === 0 ? null : `exit ${r.code}`,
        command: `/usr/bin/python3 ${py} ${small}`,
      });
      if (r.code !== 0) failed.set('python', `exit ${r.code}`);
    }
  }
  process.stderr.write(`bench: start-up (${a.startupRuns} runs each)\n`);
  const startup = await measureStartup(node, cli, a.startupRuns);
  for (const r of startup) if (r.error) failed.set(r.label, r.error);
  printTable(rows, { runs: a.runs, evtxexport: evtxexport !== null, ingest: withIngest });
  if (bigIngest) {
    const why = await benchParquetQueries(node, cli, bigIngest);
    if (why !== null) failed.set('parquet', why);
  }
  printStartup(startup, a.startupRuns);
  console.log(
    `bench: load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} at end`,
  );
  for (const [key, why] of failed) console.log(`bench: ${key} failed: ${why}`);
  const queries = await queryRows(a, node, cli, dataDir);
  return failed.size > 0 ? 1 : queries;
}

/** The saved-query and report rows when a database is given or a size asked for. */
async function queryRows(a: Args, node: string, cli: string, dataDir: string): Promise<number> {
  if (a.queryDb === null && a.queryEvents === 0) {
    if (a.onlyQueries) throw new Error('--only-queries needs --query-events N or --query-db FILE');
    return 0;
  }
  const db = a.queryDb ?? (await ensureQueryDb(node, cli, dataDir, a.queryEvents));
  await benchQueries(node, cli, db);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
