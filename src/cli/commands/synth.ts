/**
 * `bindtrail synth --events N --out FILE.evtx [--seed S]`: write a large realistic log for
 * benchmarks (System/Security mix of a busy IIS server and many other providers' templates),
 * streamed chunk by chunk so memory stays flat whatever N is.
 */
import type { Command } from 'commander';
import { statSync } from 'node:fs';
import { UsageError } from '../../errors.js';
import type { CommandOutcome, OutcomeSink } from '../command.js';
import { examplesHelp } from '../options.js';

export interface SynthCliOptions {
  events: string;
  out: string;
  seed: string;
  host?: string;
}

export interface SynthOutcome extends CommandOutcome {
  events: number;
  bytes: number;
  seconds: number;
}

/** Writes the log; progress on a terminal's stderr. Throws UsageError for a bad count or no file. */
export async function runSynth(o: SynthCliOptions): Promise<SynthOutcome> {
  const events = Number(o.events);
  if (!Number.isSafeInteger(events) || events < 1)
    throw new UsageError(`--events must be a positive integer (got "${o.events}")`);
  if (!o.out) throw new UsageError('--out FILE.evtx is required');
  // Loaded here, not at start-up (the generator pulls in luxon).
  const { synthesize } = await import('../../samples/synth.js');
  const start = process.hrtime.bigint();
  const onProgress = process.stderr.isTTY ? (n: number) => process.stderr.write(`\r${n} events…`) : undefined;
  if (o.host !== undefined && !/^[A-Za-z0-9][A-Za-z0-9.-]{0,254}$/.test(o.host))
    throw new UsageError(`--host "${o.host}" is not a host name (letters, digits, dots and hyphens)`);
  synthesize({ events, out: o.out, seed: o.seed, host: o.host, ...(onProgress ? { onProgress } : {}) });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { exitStatus: 0, events, bytes: statSync(o.out).size, seconds };
}

/** `synth` as the command line runs it: writes the log, then one closing line on stderr. */
export async function synth(o: SynthCliOptions): Promise<SynthOutcome> {
  const r = await runSynth(o);
  if (process.stderr.isTTY) process.stderr.write('\r');
  process.stderr.write(
    `${r.events} events, ${r.bytes} bytes, ${r.seconds.toFixed(1)} s (${Math.round(r.events / r.seconds)} events/s, ${(r.bytes / 1e6 / r.seconds).toFixed(1)} MB/s)\n`,
  );
  return r;
}

export function register(program: Command, done: OutcomeSink): void {
  program
    .command('synth')
    .description('write a large synthetic EVTX log (busy IIS server System/Security mix) for benchmarks')
    .requiredOption('--events <n>', 'number of events')
    .requiredOption('--out <file>', 'output .evtx file')
    .option('--seed <s>', 'random seed (same seed, same file)', 'bindtrail')
    .option('--host <name>', 'computer name of the events (default IIS-BUSY01.contoso.local)')
    .addHelpText(
      'after',
      examplesHelp([
        'synth --events 1000000 --out big.evtx',
        'synth --events 5000 --out s.evtx --seed 7',
        'synth --events 500000 --out web02.evtx --seed 2 --host WEB02.contoso.local',
      ]),
    )
    .action(async (o: SynthCliOptions) => done(await synth(o)));
}
