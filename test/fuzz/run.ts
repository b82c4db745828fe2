/**
 * Mutation fuzzer for the EVTX reader.
 *
 *   node dist/test/fuzz/run.js [--iterations N] [--seed S|random] [--start I] [--workers N]
 *        [--time-cap MS] [--heap-mb N] [--rss-mb N] [--corpus DIR] [--out DIR]
 *   node dist/test/fuzz/run.js --seed S --only I [--write FILE]   replay one generated input
 *   node dist/test/fuzz/run.js --replay FILE [--strict] [--carve]   replay a saved input
 *
 * Three checks, each over every input: no-crash (no exception escapes iteration, xml() or
 * event(), except an EvtxInputError for a file that is not EVTX), no-hang (per-input time cap),
 * bounded-memory (worker heap and RSS caps). Failing inputs are saved with their seed, index and
 * mutation steps. Prints uvu-style totals for CI and exits 1 on any failure.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../../src/paths.js';
import { exercise } from './exercise.js';
import type { ReadFn } from './exercise.js';
import { generate, loadSeeds } from './generate.js';
import type { FuzzInput } from './generate.js';
import { runPool } from './supervisor.js';
import type { Failure, FailureKind, PoolResult } from './supervisor.js';

interface Args {
  iterations: number;
  seed: number;
  start: number;
  workers: number;
  timeCapMs: number;
  heapMb: number;
  rssMb: number;
  corpus: string;
  out: string;
  reader: string;
  only: number | null;
  write: string | null;
  replay: string | null;
  strict: boolean;
  carve: boolean;
}

function parseArgs(argv: string[]): Args {
  const root = packageRoot();
  const a: Args = {
    iterations: 20000,
    seed: 1,
    start: 0,
    workers: availableParallelism(),
    timeCapMs: 2000,
    heapMb: 256,
    rssMb: 768,
    corpus: process.env.BINDTRAIL_CORPUS ?? join(root, '..', 'shared', 'corpus'),
    out: '/tmp/fuzz-crashes',
    reader: join(root, 'dist', 'src', 'evtx', 'parser.js'),
    only: null,
    write: null,
    replay: null,
    strict: false,
    carve: false,
  };
  const num = (flag: string, v: string | undefined): number => {
    const n = Number(v);
    if (v === undefined || !Number.isFinite(n) || n < 0)
      throw new Error(`${flag} needs a non-negative number (got ${v ?? 'nothing'})`);
    return Math.floor(n);
  };
  for (let i = 2; i < argv.length; i++) {
    const f = argv[i]!;
    const v = argv[i + 1];
    const take = (): string => {
      i++;
      if (v === undefined) throw new Error(`${f} needs a value`);
      return v;
    };
    if (f === '--iterations') a.iterations = num(f, take());
    else if (f === '--seed') a.seed = take() === 'random' ? (Math.random() * 0x7fffffff) | 0 : num(f, v);
    else if (f === '--start') a.start = num(f, take());
    else if (f === '--workers') a.workers = Math.max(1, num(f, take()));
    else if (f === '--time-cap') a.timeCapMs = num(f, take());
    else if (f === '--heap-mb') a.heapMb = num(f, take());
    else if (f === '--rss-mb') a.rssMb = num(f, take());
    else if (f === '--corpus') a.corpus = take();
    else if (f === '--out') a.out = take();
    else if (f === '--reader') a.reader = take();
    else if (f === '--only') a.only = num(f, take());
    else if (f === '--write') a.write = take();
    else if (f === '--replay') a.replay = take();
    else if (f === '--strict') a.strict = true;
    else if (f === '--carve') a.carve = true;
    else throw new Error(`unknown option ${f}`);
  }
  return a;
}

const seedDirs = (a: Args): string[] =>
  [join(a.corpus, 'evtx'), join(packageRoot(), 'samples')].filter((d) => existsSync(d));

async function loadReader(path: string): Promise<ReadFn> {
  return ((await import(pathToFileURL(path).href)) as { readEvtx: ReadFn }).readEvtx;
}

async function runOne(
  a: Args,
  bytes: Uint8Array,
  options: FuzzInput['options'],
  source: string | Uint8Array = bytes,
): Promise<number> {
  const read = await loadReader(a.reader);
  const t0 = performance.now();
  try {
    const c = await exercise(read, bytes, options, source);
    console.log(
      `ok in ${(performance.now() - t0).toFixed(1)} ms: ${c.records} records, ${c.errors} errors, ${c.warnings} warnings${c.refused ? ', refused as not EVTX' : ''}`,
    );
    return 0;
  } catch (err) {
    const e = err as { message: string; detail?: string };
    console.log(`FAIL: ${e.message}\n${e.detail ?? ''}`);
    return 1;
  }
}

function saveFailure(a: Args, f: Failure, input: FuzzInput): string {
  mkdirSync(a.out, { recursive: true });
  const base = join(a.out, `${f.kind}-s${a.seed}-i${f.index}`);
  writeFileSync(`${base}.evtx`, input.bytes);
  const opts = `${input.options.strict ? ' --strict' : ''}${input.options.carve ? ' --carve' : ''}`;
  const text = [
    `kind: ${f.kind}`,
    `message: ${f.message}`,
    `seed: ${a.seed}  index: ${f.index}  options: ${JSON.stringify(input.options)}${input.viaFile ? '  (read from a file)' : ''}`,
    `source: ${input.source}  (${input.bytes.length} bytes)`,
    'mutations:',
    ...input.steps.map((s) => `  - ${s}`),
    `replay: node dist/test/fuzz/run.js --replay ${base}.evtx${opts}`,
    `regenerate: node dist/test/fuzz/run.js --seed ${a.seed} --only ${f.index}`,
    'detail:',
    f.detail,
    '',
  ].join('\n');
  writeFileSync(`${base}.txt`, text);
  return `${base}.evtx`;
}

function report(a: Args, r: PoolResult, seconds: number, seeds: number, saved: Map<number, string>): number {
  const t = r.totals;
  const rate = r.done / Math.max(seconds, 1e-9);
  console.log(
    `\nfuzz: seed ${a.seed}, inputs ${a.start}..${a.start + a.iterations - 1} over ${seeds} seed files, ${a.workers} workers`,
  );
  console.log(
    `  mutations: ${r.done} in ${seconds.toFixed(1)} s = ${rate.toFixed(0)} mutations/s (${(t.bytes / 1e6 / seconds).toFixed(1)} MB/s of input)`,
  );
  console.log(
    `  reader output: ${t.records} records rendered (xml + event), ${t.errors} error items, ${t.warnings} warnings, ${t.refused} inputs refused as not EVTX`,
  );
  console.log(
    `  slowest input: #${r.slowest.index} ${r.slowest.ms.toFixed(0)} ms (cap ${a.timeCapMs} ms); peak worker RSS ${r.peakRssMb.toFixed(0)} MB (cap ${a.rssMb} MB, heap cap ${a.heapMb} MB); ${r.retried} batches re-run after a worker stop`,
  );
  console.log(`  largest output: #${r.widest.index} ${r.widest.ratio.toFixed(1)} chars of XML per input byte`);
  const checks: [string, FailureKind][] = [
    ['no-crash', 'crash'],
    ['no-hang', 'hang'],
    ['bounded-memory', 'memory'],
  ];
  let passed = 0;
  for (const [name, kind] of checks) {
    const fails = r.failures.filter((f) => f.kind === kind);
    if (fails.length === 0 && !r.fatal) passed++;
    console.log(`  ${fails.length === 0 && !r.fatal ? '✔' : '✘'} ${name}: ${fails.length} failing input(s)`);
    for (const f of fails.slice(0, 10))
      console.log(`      #${f.index}: ${f.message.split('\n')[0]} -> ${saved.get(f.index) ?? ''}`);
  }
  if (r.fatal) console.log(`  ✘ ${r.fatal}`);
  console.log(
    `\n  Total:     ${checks.length}\n  Passed:    ${passed}\n  Skipped:   0\n  Duration:  ${seconds.toFixed(2)}s\n`,
  );
  return passed === checks.length ? 0 : 1;
}

async function main(): Promise<number> {
  const a = parseArgs(process.argv);
  if (a.replay) {
    // Read once through the file path (batched reads) and once from memory.
    const bytes = new Uint8Array(readFileSync(a.replay));
    const options = { strict: a.strict, carve: a.carve };
    return (await runOne(a, bytes, options, a.replay)) | (await runOne(a, bytes, options));
  }
  const dirs = seedDirs(a);
  const donors = loadSeeds(dirs);
  if (donors.length === 0) {
    console.log(`SKIP fuzz: no .evtx seed files (looked in ${join(a.corpus, 'evtx')} and samples/)`);
    console.log('\n  Total:     3\n  Passed:    0\n  Skipped:   3\n');
    return 0;
  }
  if (a.only !== null) {
    const input = generate(a.seed, a.only, donors);
    console.log(
      `input #${a.only} (seed ${a.seed}): ${input.source}, ${input.bytes.length} bytes, options ${JSON.stringify(input.options)}${input.viaFile ? ', read from a file' : ''}`,
    );
    for (const s of input.steps) console.log(`  - ${s}`);
    if (a.write) writeFileSync(a.write, input.bytes);
    return runOne(a, input.bytes, input.options, input.viaFile && a.write ? a.write : input.bytes);
  }
  if (!existsSync(a.reader)) throw new Error(`reader module not found: ${a.reader} (run make build)`);
  const t0 = performance.now();
  let lastShown = 0;
  const r = await runPool({
    seed: a.seed,
    iterations: a.iterations,
    start: a.start,
    workers: a.workers,
    timeCapMs: a.timeCapMs,
    heapMb: a.heapMb,
    rssCapMb: a.rssMb,
    readerModule: a.reader,
    seedDirs: dirs,
    batch: 16,
    onProgress: (done) => {
      const now = performance.now();
      if (now - lastShown < 10_000) return;
      lastShown = now;
      process.stderr.write(`fuzz: ${done}/${a.iterations} (${(done / ((now - t0) / 1000)).toFixed(0)}/s)\n`);
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  const saved = new Map<number, string>();
  for (const f of r.failures) saved.set(f.index, saveFailure(a, f, generate(a.seed, f.index, donors)));
  return report(a, r, seconds, donors.length, saved);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`fuzz: ${err instanceof Error ? err.message : String(err)}`);
    if (process.env.BINDTRAIL_DEBUG && err instanceof Error) console.error(err.stack);
    process.exitCode = 1;
  },
);
