/**
 * EVTX 3.1 file writer: file header (4096 bytes) + 64 KiB chunks, rolled over when a record does
 * not fit. Chunks are handed to a sink as soon as they are full, so memory stays at one chunk.
 * File header: libevtx §2.2 (CRC-32 of bytes 0–119 at 124; flags at 120: 1 = dirty).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { CHUNK_SIZE, FILE_HEADER_SIZE, FILE_MAGIC } from '../types.js';
import { ChunkBuilder } from './chunk.js';
import { crc32 } from '../crc32.js';
import { compileEvent, type EventSpec } from './event-spec.js';

/** Where the bytes go. `writeAt` may be called out of order (the header is written last). */
export interface EvtxSink {
  writeAt(offset: number, bytes: Uint8Array): void;
  close(): void;
}

export interface WriterOptions {
  /**
   * Leave the file as Windows does while the log is open: header flag 0x1 set and the header's
   * chunk count, last chunk number and next record id stale (as of the previous chunk).
   */
  dirty?: boolean;
}

export class EvtxWriter {
  private chunk = new ChunkBuilder();
  private chunks = 0;
  private records = 0;
  private nextRecordId = 1n;
  /** Header state as of the last completed chunk (what a dirty header shows). */
  private flushed = { chunks: 0, nextRecordId: 1n };
  private closed = false;

  constructor(
    private readonly sink: EvtxSink,
    private readonly options: WriterOptions = {},
  ) {}

  /** Append one event; record ids should increase. */
  write(e: EventSpec): void {
    if (this.closed) throw new Error('EVTX writer already closed');
    const inst = compileEvent(e);
    const written = e.writtenTime ?? e.timeCreated;
    if (!this.chunk.tryAppend(e.recordId, written, inst)) {
      if (this.chunk.count === 0) throw new RangeError(`event record ${e.recordId} does not fit in an empty chunk`);
      this.flushChunk();
      if (!this.chunk.tryAppend(e.recordId, written, inst)) {
        throw new RangeError(`event record ${e.recordId} does not fit in an empty chunk`);
      }
    }
    this.records++;
    this.nextRecordId = e.recordId + 1n;
  }

  get recordCount(): number {
    return this.records;
  }

  /** Flush the last chunk, write the file header, close the sink. */
  close(): void {
    if (this.closed) return;
    if (this.chunk.count > 0) this.flushChunk();
    this.closed = true;
    this.sink.writeAt(0, this.header());
    this.sink.close();
  }

  private flushChunk(): void {
    this.flushed = { chunks: this.chunks, nextRecordId: this.chunk.firstRecordId ?? this.nextRecordId };
    this.sink.writeAt(FILE_HEADER_SIZE + this.chunks * CHUNK_SIZE, this.chunk.finish());
    this.chunks++;
    this.chunk = new ChunkBuilder();
  }

  private header(): Uint8Array {
    const h = new Uint8Array(FILE_HEADER_SIZE);
    const dv = new DataView(h.buffer);
    const dirty = this.options.dirty === true && this.chunks > 1;
    const chunks = dirty ? this.flushed.chunks : this.chunks;
    const next = dirty ? this.flushed.nextRecordId : this.nextRecordId;
    for (let i = 0; i < 8; i++) h[i] = FILE_MAGIC.charCodeAt(i);
    dv.setBigUint64(8, 0n, true); // first chunk number
    dv.setBigUint64(16, BigInt(Math.max(chunks - 1, 0)), true); // last chunk number
    dv.setBigUint64(24, next, true); // next record identifier
    dv.setUint32(32, 128, true); // header size
    dv.setUint16(36, 1, true); // minor version
    dv.setUint16(38, 3, true); // major version
    dv.setUint16(40, FILE_HEADER_SIZE, true); // header block size
    dv.setUint16(42, Math.min(chunks, 0xffff), true); // number of chunks (u16; readers count from the size)
    dv.setUint32(120, this.options.dirty ? 1 : 0, true);
    dv.setUint32(124, crc32(h, 0, 120), true);
    return h;
  }
}

/** Collects the file in memory (small logs, tests). */
export class MemorySink implements EvtxSink {
  private parts: { offset: number; bytes: Uint8Array }[] = [];
  writeAt(offset: number, bytes: Uint8Array): void {
    this.parts.push({ offset, bytes: bytes.slice() });
  }
  close(): void {}
  /** The whole file. */
  bytes(): Uint8Array {
    const size = this.parts.reduce((m, p) => Math.max(m, p.offset + p.bytes.length), 0);
    const out = new Uint8Array(size);
    for (const p of this.parts) out.set(p.bytes, p.offset);
    return out;
  }
}

/** Streams chunks to a file as they complete. */
export class FileSink implements EvtxSink {
  private readonly fd: number;
  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }
  writeAt(offset: number, bytes: Uint8Array): void {
    let done = 0;
    while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done, offset + done);
  }
  close(): void {
    closeSync(this.fd);
  }
}

/** Write events to an in-memory EVTX file. */
export function writeEvtx(events: Iterable<EventSpec>, options: WriterOptions = {}): Uint8Array {
  const sink = new MemorySink();
  const w = new EvtxWriter(sink, options);
  for (const e of events) w.write(e);
  w.close();
  return sink.bytes();
}
