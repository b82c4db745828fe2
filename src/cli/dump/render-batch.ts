/**
 * One batch of whole chunks → its `dump` output: the UTF-8 lines (./dump-lines.ts), the stderr
 * lines and the counts. The worker threads of `dump --threads N` (./dump-worker.ts) and the main
 * thread, which renders batches itself while the workers are busy (./parallel-dump.ts), both
 * run it. With `carve`, carved records are described (record id, byte and note ranges) so that
 * the main thread can drop the ones already read, as the single-thread reader does.
 */
import { ByteSink, parseChunk } from '../../evtx/index.js';
import type { ChunkSlot, EvtxItem } from '../../evtx/index.js';
import { dumpItem, emptyCounts } from './dump-lines.js';
import type { DumpCounts, DumpFormat } from './dump-lines.js';

export interface DumpWorkerSetup {
  file: string;
  format: DumpFormat;
  strict: boolean;
  carve: boolean;
}

export interface DumpTask {
  seq: number;
  offset: number;
  bytes: Uint8Array;
  slots: ChunkSlot[];
}

/** A carved record's share of a batch's output. */
export interface CarvedPart {
  /** Index of its chunk within the batch. */
  chunk: number;
  recordId: bigint;
  start: number;
  end: number;
  notesStart: number;
  notesEnd: number;
  warnings: number;
}

export interface DumpResult {
  seq: number;
  /** The batch's output lines, UTF-8. */
  out: Uint8Array;
  notes: string;
  counts: DumpCounts;
  /** With carve: ids of the records read by the record walk, per chunk of the batch. */
  live: bigint[][] | null;
  carved: CarvedPart[] | null;
}

/** Output of one batch into `sink`. */
function renderBatch(task: DumpTask, setup: DumpWorkerSetup, sink: ByteSink): Omit<DumpResult, 'out'> {
  const counts = emptyCounts();
  const opts = { fileName: setup.file, strict: setup.strict, carve: setup.carve };
  const live: bigint[][] | null = setup.carve ? [] : null;
  const carved: CarvedPart[] | null = setup.carve ? [] : null;
  let notes = '';
  for (let k = 0; k < task.slots.length; k++) {
    const slot = task.slots[k]!;
    const at = slot.offset - task.offset;
    const items: EvtxItem[] = parseChunk(task.bytes.subarray(at, at + slot.size), slot.index, slot.offset, opts);
    const ids: bigint[] = [];
    for (const item of items) {
      if (item.kind === 'record' && item.carved && carved !== null) {
        const start = sink.pos;
        const notesStart = notes.length;
        const warnings = counts.warnings;
        notes += dumpItem(item, setup.format, setup.file, sink, counts);
        carved.push({
          chunk: k,
          recordId: item.recordId,
          start,
          end: sink.pos,
          notesStart,
          notesEnd: notes.length,
          warnings: counts.warnings - warnings,
        });
        continue;
      }
      if (item.kind === 'record' && live !== null) ids.push(item.recordId);
      notes += dumpItem(item, setup.format, setup.file, sink, counts);
    }
    live?.push(ids);
  }
  return { seq: task.seq, notes, counts, live, carved };
}

/** A batch's whole result, its output in a buffer of its own (transferable from a worker). */
export function renderTask(task: DumpTask, setup: DumpWorkerSetup): DumpResult {
  // Output runs about 1.5× the input (XML) to 1.7× (JSON lines): one buffer, rarely grown.
  const sink = new ByteSink(Math.max(1 << 16, task.bytes.length * 2));
  const r = renderBatch(task, setup, sink);
  return { ...r, out: sink.buf.subarray(0, sink.pos) };
}
