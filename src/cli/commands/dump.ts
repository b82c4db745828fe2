/**
 * `bindtrail dump FILE.evtx [--format xml|jsonl] [--strict] [--carve] [--threads N]`: stream
 * every record to stdout in file order (one `<Event>` or JSON object per line); damage goes to
 * stderr with a closing summary line. With N > 1 the main thread and N − 1 worker threads render
 * batches of chunks (src/cli/dump/parallel-dump.ts); the output is the same bytes.
 */
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { DumpCounts, DumpFormat } from '../dump/dump-lines.js';
import type { CommandOutcome, OutcomeSink } from '../command.js';
import { carveOption, examplesHelp, formatOption, strictOption } from '../options.js';

/** Output formats of `--format` (../dump/dump-lines.ts renders them). */
const DUMP_FORMATS: readonly DumpFormat[] = ['xml', 'jsonl'];

/** Output is written in batches of about this many bytes. */
const BATCH = 1 << 20;
/** Most worker threads `--threads` accepts. */
const MAX_THREADS = 64;

export interface DumpOptions {
  format: DumpFormat;
  strict?: boolean;
  carve?: boolean;
  /** Rendering threads (the main thread and `threads − 1` workers); 1 or absent = the main thread only. */
  threads?: number;
}

export type DumpSummary = DumpCounts;

/** Write `data` and wait for the stream to drain when its buffer is full. */
async function write(out: NodeJS.WritableStream, data: Uint8Array | string): Promise<void> {
  if (!out.write(data)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

async function dumpSingle(
  file: string,
  opts: DumpOptions,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<DumpCounts> {
  // The reader loads here, not at start-up (`bindtrail --help` stays small).
  const { ByteSink, readEvtxChunks } = await import('../../evtx/index.js');
  const { dumpItem, emptyCounts } = await import('../dump/dump-lines.js');
  const sum = emptyCounts();
  const lines = new ByteSink(BATCH * 2);
  let notes = '';
  for await (const items of readEvtxChunks(file, { strict: opts.strict === true, carve: opts.carve === true })) {
    for (const item of items) notes += dumpItem(item, opts.format, file, lines, sum);
    if (lines.pos >= BATCH) await write(out, lines.take());
    if (notes.length >= 4096) {
      err.write(notes);
      notes = '';
    }
  }
  if (lines.pos > 0) await write(out, lines.take());
  if (notes.length > 0) err.write(notes);
  return sum;
}

export async function dump(
  file: string,
  opts: DumpOptions,
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): Promise<DumpSummary> {
  const threads = opts.threads ?? 1;
  let sum: DumpCounts;
  if (threads > 1) {
    const { dumpParallel } = await import('../dump/parallel-dump.js');
    sum = await dumpParallel(
      file,
      { format: opts.format, strict: opts.strict === true, carve: opts.carve === true, threads },
      out,
      err,
    );
  } else sum = await dumpSingle(file, opts, out, err);
  const carved = opts.carve ? `, ${sum.carved} carved` : '';
  err.write(`${sum.records} records, ${sum.warnings} warnings, ${sum.errors} errors${carved}\n`);
  return sum;
}

function parseThreads(v: string | undefined): number {
  // One thread by default: on the 2-vCPU machines measured (bench/), two render threads were slower
  // than one (memory-bound work on shared cores); more threads pay off on real multi-core hosts.
  if (v === undefined) return 1;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > MAX_THREADS)
    throw new UsageError(`--threads must be a whole number from 1 to ${MAX_THREADS}, got "${v}"`);
  return n;
}

export interface DumpOutcome extends CommandOutcome {
  summary: DumpSummary;
}

/** `dump` as the command line runs it: to stdout, damage and the closing line to stderr. */
export async function dumpCommand(file: string, opts: DumpOptions): Promise<DumpOutcome> {
  return { exitStatus: 0, summary: await dump(file, opts) };
}

export function register(program: Command, done: OutcomeSink): void {
  program
    .command('dump')
    .description('Print every record of an .evtx file (XML as Windows renders it, or JSON lines)')
    .argument('<file>', '.evtx file')
    .addOption(formatOption(`output format: ${DUMP_FORMATS.join(' | ')}`, 'xml'))
    .addOption(strictOption('treat CRC32 mismatches as errors (default: warnings)'))
    .addOption(carveOption())
    .option(
      '--threads <n>',
      `threads rendering chunks: the main thread and n − 1 workers (default 1 = main thread only; this machine has ${availableParallelism()} cores)`,
    )
    .addHelpText(
      'after',
      examplesHelp([
        'dump System.evtx | head',
        'dump -f jsonl System.evtx > system.jsonl',
        'dump --carve damaged.evtx',
      ]),
    )
    .action(async (file: string, opts: { format: string; strict?: boolean; carve?: boolean; threads?: string }) => {
      if (!(DUMP_FORMATS as readonly string[]).includes(opts.format)) {
        throw new UsageError(`unknown --format "${opts.format}" (expected ${DUMP_FORMATS.join(' or ')})`);
      }
      const threads = parseThreads(opts.threads);
      done(
        await dumpCommand(file, { format: opts.format as DumpFormat, strict: opts.strict, carve: opts.carve, threads }),
      );
    });
}
