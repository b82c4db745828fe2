/**
 * `make bench` (report row): the report of a large synthetic case (`bindtrail synth`, 2 M events
 * by default): time, size and peak RSS of `report --format html` and `--format json` on a
 * database ingested once. The log and the database are kept in bench/data/ (git-ignored).
 * Benchmarks, not tests: a failing command makes the exit code 1, a slow one never does.
 *
 *   node dist/bench/report-case.js [--events 2000000]
 */
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/paths.js';
import { timed } from './measure.js';

function eventsArg(argv: string[]): number {
  const i = argv.indexOf('--events');
  const n = i >= 0 ? Number(argv[i + 1]) : 2_000_000;
  if (!Number.isInteger(n) || n <= 0) throw new Error('--events needs a positive integer');
  return n;
}

async function run(cmd: string, args: string[]): Promise<Awaited<ReturnType<typeof timed>>> {
  const r = await timed(cmd, args);
  if (r.code !== 0 && r.code !== 1) throw new Error(`${args.slice(1, 3).join(' ')} failed: ${r.stderr.trim()}`);
  return r;
}

async function main(): Promise<number> {
  const events = eventsArg(process.argv);
  const root = packageRoot();
  const cli = join(root, 'dist', 'src', 'cli', 'main.js');
  const data = join(root, 'bench', 'data');
  mkdirSync(data, { recursive: true });
  const log = join(data, `synth-${events}.evtx`);
  const db = join(data, `synth-${events}.duckdb`);
  if (!existsSync(log)) {
    process.stderr.write(`bench: writing ${log} (${events.toLocaleString('en-US')} events)\n`);
    await run(process.execPath, [cli, 'synth', '--events', String(events), '--out', log, '--seed', 'bindtrail']);
  }
  if (!existsSync(db)) {
    process.stderr.write(`bench: ingesting ${log}\n`);
    await run(process.execPath, [cli, 'ingest', log, '--db', db]);
  }
  const rows: string[] = [];
  for (const format of ['html', 'json'] as const) {
    const out = join(data, `synth-${events}.report.${format}`);
    rmSync(out, { force: true });
    process.stderr.write(`bench: report --format ${format}\n`);
    const r = await run(process.execPath, [cli, 'report', '--db', db, '--format', format, '-o', out]);
    const mb = statSync(out).size / 1e6;
    rows.push(
      `| report --format ${format} | ${events.toLocaleString('en-US')} | ${r.wallS.toFixed(1)} s | ${mb.toFixed(2)} MB | ${Math.round(r.peakRssMb)} MiB |`,
    );
  }
  console.log('| report of a synth case | events | time | size | peak RSS |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
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
