/**
 * One .evtx file into an open EventSink: the reader's chunk batches (16 chunks, 1 MiB) are hashed
 * as they are read and handed to the parse workers; results are appended in file order. At most
 * `2 · pool.size + 1` units (1 MiB each, plus their rows) are out at a time: every worker has
 * its next unit queued while the main thread appends, and memory is bounded whatever the file size.
 */
import { createHash } from 'node:crypto';
import { readChunkBatches } from '../evtx/index.js';
import { batchTransferables } from '../store/row-batch.js';
import type { EventSink } from './event-sink.js';
import type { UnitResult } from './evtx-units.js';
import type { ParsePool } from './parse-pool.js';

export interface EvtxLoadOptions {
  strict: boolean;
  carve: boolean;
  /** Called after each unit with the bytes and records done so far. */
  onProgress?: (bytes: number, records: number) => void;
}

let seqCounter = 0;

/** Units out per parse worker, plus one: enough that workers never wait for the appender. */
const inFlight = (workers: number): number => 2 * workers + 1;

/** Load the file; returns its sha256 (hex). Throws EvtxInputError when the file is not EVTX. */
export async function loadEvtx(pool: ParsePool, path: string, sink: EventSink, opts: EvtxLoadOptions): Promise<string> {
  const hash = createHash('sha256');
  const batches = readChunkBatches(path, {
    buffer: (size) => pool.inputBuffer(size),
    onBytes: (bytes) => hash.update(bytes),
  });
  const inflight: Promise<UnitResult>[] = [];
  let bytes = 0;
  const append = async (): Promise<void> => {
    const u = await inflight.shift()!;
    sink.addUnit(u);
    for (const b of u.batches) pool.recycle(batchTransferables(b));
    bytes += u.bytes;
    opts.onProgress?.(bytes, sink.records);
  };
  for await (const b of batches) {
    if ('layout' in b) {
      for (const message of b.layout.warnings)
        sink.finding({ severity: 'warning', chunk: null, offset: 0, recordId: null, message });
      continue;
    }
    if ('error' in b) {
      while (inflight.length > 0) await append();
      const e = b.error;
      sink.finding({ severity: 'error', chunk: e.chunkIndex, offset: e.offset, recordId: null, message: e.message });
      break;
    }
    const slots = b.slots.map((s) => ({ index: s.index, offset: s.offset, size: s.size }));
    inflight.push(
      pool.parse({ seq: seqCounter++, fileName: path, bytes: b.bytes, slots, strict: opts.strict, carve: opts.carve }),
    );
    while (inflight.length >= inFlight(pool.size)) await append();
  }
  while (inflight.length > 0) await append();
  return hash.digest('hex');
}
