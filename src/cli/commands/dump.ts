/**
 * `bindtrail dump FILE.evtx [--format xml|jsonl] [--strict] [--carve]`: stream every record
 * to stdout in file order (one `<Event>` or JSON object per line); damage goes to stderr
 * with a closing summary line.
 */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { readEvtxChunks } from '../../evtx/parser.js';
import { ParsedRecord } from '../../evtx/record.js';
import { recordJson } from '../../evtx/render/jsonl.js';
import { ByteSink } from '../../evtx/render/sink.js';

const FORMATS = ['xml', 'jsonl'] as const;
type Format = (typeof FORMATS)[number];
/** Output is written in batches of about this many characters. */
const BATCH = 1 << 20;

export interface DumpOptions {
  format: Format;
  strict?: boolean;
  carve?: boolean;
}

export interface DumpSummary {
  records: number;
  carved: number;
  warnings: number;
  errors: number;
}

/** Write `data` and wait for the stream to drain when its buffer is full. */
async function write(out: NodeJS.WritableStream, data: Uint8Array | string): Promise<void> {
  if (!out.write(data)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

/** A line of text (JSON) appended as UTF-8. */
function writeLine(sink: ByteSink, line: string): void {
  sink.ensure(line.length * 3);
  sink.pos += sink.buf.write(line, sink.pos, 'utf8');
}

export async function dump(file: string, opts: DumpOptions, out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<DumpSummary> {
  const sum: DumpSummary = { records: 0, carved: 0, warnings: 0, errors: 0 };
  const lines = new ByteSink(BATCH * 2);
  let notes = '';
  for await (const items of readEvtxChunks(file, { strict: opts.strict === true, carve: opts.carve === true })) {
    for (const item of items) {
      if (item.kind === 'record') {
        sum.records++;
        if (item.carved) sum.carved++;
        if (opts.format === 'xml' && item instanceof ParsedRecord) item.writeXml(lines);
        else writeLine(lines, opts.format === 'xml' ? item.xml() : JSON.stringify(recordJson(item)));
        lines.byte(0x0a);
        if (item.warnings.length > 0) {
          sum.warnings += item.warnings.length;
          for (const w of item.warnings) notes += `warning: ${file} @ 0x${item.offset.toString(16)}: record ${item.recordId}: ${w}\n`;
        }
      } else {
        if (item.kind === 'error') sum.errors++;
        else sum.warnings++;
        notes += `${item.kind}: ${item.file} @ 0x${item.offset.toString(16)}: ${item.message}\n`;
      }
    }
    if (lines.pos >= BATCH) await write(out, lines.take());
    if (notes.length >= 4096) {
      err.write(notes);
      notes = '';
    }
  }
  if (lines.pos > 0) await write(out, lines.take());
  const carved = opts.carve ? `, ${sum.carved} carved` : '';
  err.write(`${notes}${sum.records} records, ${sum.warnings} warnings, ${sum.errors} errors${carved}\n`);
  return sum;
}

export function register(program: Command): void {
  program
    .command('dump')
    .description('Print every record of an .evtx file (XML as Windows renders it, or JSON lines)')
    .argument('<file>', '.evtx file')
    .option('--format <format>', `output format: ${FORMATS.join(' | ')}`, 'xml')
    .option('--strict', 'treat CRC32 mismatches as errors (default: warnings)')
    .option('--carve', 'also recover records from slack space and damaged chunks')
    .action(async (file: string, opts: { format: string; strict?: boolean; carve?: boolean }) => {
      if (!(FORMATS as readonly string[]).includes(opts.format)) {
        throw new UsageError(`unknown --format "${opts.format}" (expected ${FORMATS.join(' or ')})`);
      }
      await dump(file, { format: opts.format as Format, strict: opts.strict, carve: opts.carve });
    });
}
