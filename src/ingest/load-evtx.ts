/**
 * One .evtx file into an open EventSink: the main thread reads runs of 16 chunks (1 MiB), hashes
 * them, and hands the buffers to the parse workers; results are appended in file order. At most
 * `maxInFlight` units are out at a time, so memory is bounded whatever the file size.
 */
import { createHash, type Hash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { readFileHeader, type ChunkSlot } from '../evtx/parser.js';
import { batchTransferables } from '../store/row-batch.js';
import type { EventSink } from './event-sink.js';
import type { UnitResult } from './evtx-units.js';
import type { ParsePool } from './worker-pool.js';

const UNIT_CHUNKS = 16;
const FILE_HEADER_BYTES = 4096;

export interface EvtxLoadOptions {
  strict: boolean;
  carve: boolean;
  /** Called after each unit with the bytes and records done so far. */
  onProgress?: (bytes: number, records: number) => void;
}

let seqCounter = 0;

/** Load the file; returns its sha256 (hex). Throws EvtxInputError when the file is not EVTX. */
export async function loadEvtx(pool: ParsePool, path: string, sink: EventSink, opts: EvtxLoadOptions): Promise<string> {
  const layout = await readFileHeader(path);
  for (const message of layout.warnings) sink.finding({ severity: 'warning', chunk: null, offset: 0, recordId: null, message });
  const units = groupUnits(layout.chunks);
  const fh = await open(path, 'r');
  try {
    const hash = createHash('sha256');
    const cursor = { at: 0 };
    await hashRange(fh, hash, cursor, FILE_HEADER_BYTES);
    await runUnits(pool, fh, hash, cursor, units, path, sink, opts);
    await hashRange(fh, hash, cursor, layout.fileSize);
    return hash.digest('hex');
  } finally {
    await fh.close();
  }
}

function groupUnits(chunks: ChunkSlot[]): ChunkSlot[][] {
  const units: ChunkSlot[][] = [];
  for (const c of chunks) {
    const last = units[units.length - 1];
    const prev = last?.[last.length - 1];
    if (last && last.length < UNIT_CHUNKS && prev && prev.offset + prev.size === c.offset) last.push(c);
    else units.push([c]);
  }
  return units;
}

async function runUnits(pool: ParsePool, fh: FileHandle, hash: Hash, cursor: { at: number }, units: ChunkSlot[][], path: string, sink: EventSink, opts: EvtxLoadOptions): Promise<void> {
  const base = seqCounter;
  seqCounter += units.length;
  const maxInFlight = pool.size;
  const pending = new Map<number, UnitResult>();
  let next = 0;
  let bytes = 0;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const signal = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  pool.listen(
    (r) => {
      if (r.seq < base || r.seq >= base + units.length) return; // a unit of an abandoned file
      pending.set(r.seq - base, r);
      for (let u = pending.get(next); u !== undefined; u = pending.get(next)) {
        pending.delete(next++);
        try {
          sink.addUnit(u);
          for (const b of u.batches) pool.recycle(batchTransferables(b));
        } catch (e) {
          failure ??= e as Error;
        }
        bytes += u.bytes;
        opts.onProgress?.(bytes, sink.records);
      }
      signal();
    },
    (e) => {
      failure ??= e;
      signal();
    },
  );
  const waitTurn = (): Promise<void> => new Promise((res) => (wake = res));
  for (let i = 0; i < units.length; i++) {
    while (i - next >= maxInFlight && failure === null) await waitTurn();
    if (failure) throw failure;
    const slots = units[i]!;
    const first = slots[0]!;
    const last = slots[slots.length - 1]!;
    await hashRange(fh, hash, cursor, first.offset);
    const buf = await readAt(fh, first.offset, last.offset + last.size - first.offset, pool.inputBuffer(last.offset + last.size - first.offset));
    hash.update(buf);
    cursor.at = first.offset + buf.length;
    pool.submit({ seq: base + i, fileName: path, bytes: buf, slots: slots.map((s) => ({ index: s.index, offset: s.offset, size: s.size })), strict: opts.strict, carve: opts.carve });
  }
  while (next < units.length && failure === null) await waitTurn();
  if (failure) throw failure;
}

/** Hash the bytes between the cursor and `end` that no unit covers (header, gaps, tail). */
async function hashRange(fh: FileHandle, hash: Hash, cursor: { at: number }, end: number): Promise<void> {
  while (cursor.at < end) {
    const buf = await readAt(fh, cursor.at, Math.min(end - cursor.at, 1 << 20));
    if (buf.length === 0) return;
    hash.update(buf);
    cursor.at += buf.length;
  }
}

async function readAt(fh: FileHandle, position: number, length: number, into?: Uint8Array): Promise<Uint8Array> {
  const buf = into ?? new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await fh.read(buf, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done === length ? buf : buf.slice(0, done);
}
