/**
 * Worker thread of `dump --threads N`: parses batches of whole chunks and renders their items
 * into one UTF-8 buffer per batch (./dump-lines.ts), which the main thread writes in file order.
 * With `carve`, carved records are described (record id, byte and note ranges) so that the main
 * thread can drop the ones already read, as the single-thread reader does.
 */
import { parentPort, workerData } from 'node:worker_threads';
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
  out: ArrayBuffer;
  length: number;
  notes: string;
  counts: DumpCounts;
  /** With carve: ids of the records read by the record walk, per chunk of the batch. */
  live: bigint[][] | null;
  carved: CarvedPart[] | null;
}

/** Output of one batch (runs in the worker; exported for tests). */
export function renderBatch(
  task: DumpTask,
  setup: DumpWorkerSetup,
  sink: ByteSink,
): Omit<DumpResult, 'out' | 'length'> {
  const counts = emptyCounts();
  const opts = { fileName: setup.file, strict: setup.strict, carve: setup.carve };
  const live: bigint[][] | null = setup.carve ? [] : null;
  const carved: CarvedPart[] | null = setup.carve ? [] : null;
  let notes = '';
  task.slots.forEach((slot, k) => {
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
  });
  return { seq: task.seq, notes, counts, live, carved };
}

if (parentPort !== null && workerData !== null && typeof workerData === 'object' && 'format' in workerData) {
  const port = parentPort;
  const setup = workerData as DumpWorkerSetup;
  port.on('message', (task: DumpTask) => {
    const sink = new ByteSink(Math.max(1 << 16, task.bytes.length * 2));
    const r = renderBatch(task, setup, sink);
    // A sink buffer this large owns its ArrayBuffer (not a pool slice): transfer it, no copy.
    const buf = sink.buf;
    let out = buf.buffer as ArrayBuffer;
    if (buf.byteOffset !== 0 || out.byteLength !== buf.length) {
      const copy = new Uint8Array(sink.pos);
      copy.set(buf.subarray(0, sink.pos));
      out = copy.buffer;
    }
    const result: DumpResult = { ...r, out, length: sink.pos };
    port.postMessage(result, [out]);
  });
}
