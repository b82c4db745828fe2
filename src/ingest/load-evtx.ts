/**
 * One .evtx file into an open EventSink: the reader's chunk batches (16 chunks, 1 MiB) are hashed
 * as they are read and handed to the parse workers; results are appended in file order. At most
 * `2 · pool.size + 1` units (1 MiB each, plus their rows) are out at a time: every worker has
 * its next unit queued while the main thread appends, and memory is bounded whatever the file size.
 */
import { createHash } from 'node:crypto';
import { CHUNK_SIZE, FILE_HEADER_SIZE, readChunkBatches } from '../evtx/index.js';
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

/** What a loaded .evtx file held, as far as its layout tells: the facts damage is measured against. */
export interface EvtxShape {
  sha256: string;
  size: number;
  /** The size the file header's chunk count implies (4096 + 65536 per chunk), at least the size. */
  expectedSize: number;
  /** Chunks the file should hold: the header's count, or the blocks present when more. */
  expectedChunks: number;
  /** Chunk blocks handed to the parser (a block cut under 512 bytes is not one). */
  chunksRead: number;
  /** The last chunk block is shorter than 64 KiB. */
  lastChunkCut: boolean;
  /** The file header's next record number (the last record written + 1). */
  nextRecordId: bigint;
}

let seqCounter = 0;

/** Units out per parse worker, plus one: enough that workers never wait for the appender. */
const inFlight = (workers: number): number => 2 * workers + 1;

/** Load the file; returns its hash and shape. Throws EvtxInputError when the file is not EVTX. */
export async function loadEvtx(
  pool: ParsePool,
  path: string,
  sink: EventSink,
  opts: EvtxLoadOptions,
): Promise<EvtxShape> {
  const hash = createHash('sha256');
  const batches = readChunkBatches(path, {
    buffer: (size) => pool.inputBuffer(size),
    onBytes: (bytes) => hash.update(bytes),
  });
  const inflight: Promise<UnitResult>[] = [];
  let bytes = 0;
  const shape: Omit<EvtxShape, 'sha256'> = {
    size: 0,
    expectedSize: 0,
    expectedChunks: 0,
    chunksRead: 0,
    lastChunkCut: false,
    nextRecordId: 0n,
  };
  const append = async (): Promise<void> => {
    const u = await inflight.shift()!;
    sink.addUnit(u);
    for (const b of u.batches) pool.recycle(batchTransferables(b));
    bytes += u.bytes;
    opts.onProgress?.(bytes, sink.records);
  };
  for await (const b of batches) {
    if ('layout' in b) {
      const { fileSize, header, chunks } = b.layout;
      const last = chunks[chunks.length - 1];
      shape.size = fileSize;
      shape.expectedChunks = Math.max(header.chunkCount, chunks.length);
      shape.expectedSize = Math.max(fileSize, FILE_HEADER_SIZE + shape.expectedChunks * CHUNK_SIZE);
      shape.lastChunkCut = last !== undefined && last.size < CHUNK_SIZE;
      shape.nextRecordId = header.nextRecordId;
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
    shape.chunksRead += slots.length;
    inflight.push(
      pool.parse({ seq: seqCounter++, fileName: path, bytes: b.bytes, slots, strict: opts.strict, carve: opts.carve }),
    );
    while (inflight.length >= inFlight(pool.size)) await append();
  }
  while (inflight.length > 0) await append();
  return { sha256: hash.digest('hex'), ...shape };
}
