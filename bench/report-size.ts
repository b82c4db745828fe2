/**
 * The report's size bound on a large `synth` log: synth → ingest → `report --format html` and
 * `--format json` (default, and `--all`), each timed with its peak RSS and output size. A
 * benchmark, not a test: the 5 MB HTML target is reported, never a failure.
 *
 *   node dist/bench/report-size.js [--events 2000000] [--dir DIR] [--keep]
 */
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../src/paths.js';
import { timed } from './measure.js';

const HTML_TARGET_MB = 5;

interface Args {
  events: number;
  dir: string;
  keep: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { events: 2_000_000, dir: join(tmpdir(), 'bindtrail-report-bench'), keep: false };
  for (let i = 2; i < argv.length; i++) {
    const f = argv[i]!;
    if (f === '--events') a.events = Math.round(Number(argv[++i]));
    else if (f === '--dir') a.dir = argv[++i] ?? a.dir;
    else if (f === '--keep') a.keep = true;
    else throw new Error(`unknown option ${f}`);
  }
  if (!Number.isFinite(a.events) || a.events <= 0) throw new Error('--events needs a positive number');
  return a;
}

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

async function main(): Promise<void> {
  const a = parseArgs(process.argv);
  const cli = join(packageRoot(), 'dist', 'src', 'cli', 'main.js');
  mkdirSync(a.dir, { recursive: true });
  const log = join(a.dir, `synth-${a.events}.evtx`);
  const db = join(a.dir, `synth-${a.events}.duckdb`);
  if (!existsSync(log)) await step('synth', [cli, 'synth', '--events', String(a.events), '--out', log]);
  if (!existsSync(db)) await step('ingest', [cli, 'ingest', log, '--db', db]);
  let failed = false;
  for (const [format, all] of [
    ['html', false],
    ['json', false],
    ['json', true],
  ] as const) {
    const out = join(a.dir, `report${all ? '-all' : ''}.${format}`);
    const r = await timed(process.execPath, [
      cli,
      'report',
      '--db',
      db,
      '--format',
      format,
      '-o',
      out,
      ...(all ? ['--all'] : []),
    ]);
    failed ||= r.code !== 0;
    const size = r.code === 0 ? statSync(out).size : NaN;
    const target =
      format === 'html'
        ? ` (target < ${HTML_TARGET_MB} MB: ${size < HTML_TARGET_MB * 1024 * 1024 ? 'met' : 'MISSED'})`
        : '';
    console.log(
      `report --format ${format}${all ? ' --all' : ''}: ${r.wallS.toFixed(1)} s wall, ${r.cpuS.toFixed(1)} s CPU, ` +
        `peak RSS ${r.peakRssMb.toFixed(0)} MiB, ${mb(size)} MB${target}${r.code !== 0 ? ` — exit ${r.code}: ${r.stderr.slice(-400)}` : ''}`,
    );
  }
  if (!a.keep) rmSync(a.dir, { recursive: true, force: true });
  if (failed) process.exitCode = 1;
}

async function step(name: string, args: string[]): Promise<void> {
  const r = await timed(process.execPath, args);
  console.log(`${name}: ${r.wallS.toFixed(1)} s wall, peak RSS ${r.peakRssMb.toFixed(0)} MiB`);
  if (r.code !== 0) throw new Error(`${name} failed (exit ${r.code}): ${r.stderr.slice(-400)}`);
}

await main();
