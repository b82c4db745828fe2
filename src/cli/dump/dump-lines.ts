/**
 * What `dump` prints for one item: a record as one UTF-8 line (XML or JSON) appended to a byte
 * sink, damage as one stderr line, and the running counts. The single-thread path and the
 * worker threads of `dump --threads N` both go through here, so their output is the same bytes.
 */
import { recordJson } from '../../evtx/index.js';
import type { ByteSink, EvtxItem } from '../../evtx/index.js';

export const DUMP_FORMATS = ['xml', 'jsonl'] as const;
export type DumpFormat = (typeof DUMP_FORMATS)[number];

export interface DumpCounts {
  records: number;
  carved: number;
  warnings: number;
  errors: number;
}

export function emptyCounts(): DumpCounts {
  return { records: 0, carved: 0, warnings: 0, errors: 0 };
}

/** A line of text (JSON) appended as UTF-8. */
function writeLine(sink: ByteSink, line: string): void {
  sink.ensure(line.length * 3);
  sink.pos += sink.buf.write(line, sink.pos, 'utf8');
}

/**
 * Append one item's output: a record's line to `lines`; returns its stderr lines (damage
 * and record warnings, `''` when none). `file` names the input in record warnings.
 */
export function dumpItem(item: EvtxItem, format: DumpFormat, file: string, lines: ByteSink, sum: DumpCounts): string {
  if (item.kind !== 'record') {
    if (item.kind === 'error') sum.errors++;
    else sum.warnings++;
    return `${item.kind}: ${item.file} @ 0x${item.offset.toString(16)}: ${item.message}\n`;
  }
  sum.records++;
  if (item.carved) sum.carved++;
  if (format === 'xml') item.writeXml(lines);
  else writeLine(lines, JSON.stringify(recordJson(item)));
  lines.byte(0x0a);
  if (item.warningCount === 0) return '';
  sum.warnings += item.warnings.length;
  let notes = '';
  for (const w of item.warnings)
    notes += `warning: ${file} @ 0x${item.offset.toString(16)}: record ${item.recordId}: ${w}\n`;
  return notes;
}
