/**
 * One .evtx file into an open EventSink: the reader's chunk batches (16 chunks, 1 MiB) are hashed
 * as they are read and handed to the parse workers; results are appended in file order. At most
 * `2 · pool.size + 1` units (1 MiB each, plus their rows) are out at a time: every worker has
 * its next unit queued while the main thread appends, and memory is bounded whatever the file size.
 *
 * A feed can start before its file's turn (`EvtxFeed.start`): while one file's duplicate check,
 * domain tables and commit run, the workers already parse the first units of the next file.
 */
import { createHash, type Hash } from 'node:crypto';
import { CHUNK_SIZE, FILE_HEADER_SIZE, readChunkBatches, type BatchItem } from '../evtx/index.js';
import { batchTransferables } from '../store/row-batch.js';
import type { EventSink } from './event-sink.js';
import type { ParseDiagnostic, UnitResult } from './evtx-units.js';
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

/** What the feed has ready, in file order: a unit being parsed, or a finding of the file itself. */
type Entry = { unit: Promise<UnitResult> } | { finding: ParseDiagnostic };

/** A file's batches read ahead and handed to the parse workers, up to the in-flight bound. */
export class EvtxFeed {
  private readonly hash: Hash = createHash('sha256');
  private readonly batches: AsyncGenerator<BatchItem>;
  private readonly entries: Entry[] = [];
  private units = 0;
  private ended = false;
  /** Why the file could not be read at all (not EVTX, unreadable): thrown when it is loaded. */
  private failure: unknown = null;
  private filling: Promise<void> | null = null;
  readonly shape: Omit<EvtxShape, 'sha256'> = {
    size: 0,
    expectedSize: 0,
    expectedChunks: 0,
    chunksRead: 0,
    lastChunkCut: false,
    nextRecordId: 0n,
  };

  private constructor(
    private readonly pool: ParsePool,
    readonly path: string,
    private readonly opts: { strict: boolean; carve: boolean },
  ) {
    this.batches = readChunkBatches(path, {
      buffer: (size) => pool.inputBuffer(size),
      onBytes: (bytes) => this.hash.update(bytes),
    });
  }

  /** Start reading and parsing `path` now; the first units are parsed while the caller does other work. */
  static start(pool: ParsePool, path: string, opts: { strict: boolean; carve: boolean }): EvtxFeed {
    const feed = new EvtxFeed(pool, path, opts);
    feed.refill();
    return feed;
  }

  /** Read batches until the in-flight bound is reached or the file ends (one read loop at a time). */
  private refill(): Promise<void> {
    this.filling ??= this.fill().finally(() => {
      this.filling = null;
    });
    return this.filling;
  }

  private async fill(): Promise<void> {
    try {
      while (!this.ended && this.units < inFlight(this.pool.size)) {
        const next = await this.batches.next();
        if (next.done) {
          this.ended = true;
          break;
        }
        this.take(next.value);
      }
    } catch (e) {
      this.failure ??= e;
      this.ended = true;
    }
  }

  private take(b: BatchItem): void {
    const shape = this.shape;
    if ('layout' in b) {
      const { fileSize, header, chunks } = b.layout;
      const last = chunks[chunks.length - 1];
      shape.size = fileSize;
      shape.expectedChunks = Math.max(header.chunkCount, chunks.length);
      shape.expectedSize = Math.max(fileSize, FILE_HEADER_SIZE + shape.expectedChunks * CHUNK_SIZE);
      shape.lastChunkCut = last !== undefined && last.size < CHUNK_SIZE;
      shape.nextRecordId = header.nextRecordId;
      for (const message of b.layout.warnings)
        this.entries.push({ finding: { severity: 'warning', chunk: null, offset: 0, recordId: null, message } });
      return;
    }
    if ('error' in b) {
      const e = b.error;
      this.entries.push({
        finding: { severity: 'error', chunk: e.chunkIndex, offset: e.offset, recordId: null, message: e.message },
      });
      this.ended = true;
      return;
    }
    const slots = b.slots.map((s) => ({ index: s.index, offset: s.offset, size: s.size }));
    shape.chunksRead += slots.length;
    const unit = this.pool.parse({
      seq: seqCounter++,
      fileName: this.path,
      bytes: b.bytes,
      slots,
      strict: this.opts.strict,
      carve: this.opts.carve,
    });
    unit.catch(() => undefined); // a failure surfaces where the unit is awaited
    this.entries.push({ unit });
    this.units++;
  }

  /** Everything into `sink`, in file order; returns the file's hash and shape. */
  async drain(sink: EventSink, onProgress?: (bytes: number, records: number) => void): Promise<EvtxShape> {
    try {
      return await this.drainAll(sink, onProgress);
    } catch (e) {
      await this.cancel();
      throw e;
    }
  }

  private async drainAll(sink: EventSink, onProgress?: (bytes: number, records: number) => void): Promise<EvtxShape> {
    let bytes = 0;
    for (;;) {
      if (this.entries.length === 0) {
        if (this.ended) break;
        await this.refill();
        if (this.failure !== null) throw this.failure;
        continue;
      }
      const entry = this.entries.shift()!;
      if ('finding' in entry) {
        sink.finding(entry.finding);
        continue;
      }
      const u = await entry.unit;
      this.units--;
      void this.refill();
      sink.addUnit(u);
      for (const b of u.batches) this.pool.recycle(batchTransferables(b));
      bytes += u.bytes;
      onProgress?.(bytes, sink.records);
    }
    if (this.failure !== null) throw this.failure;
    return { sha256: this.hash.digest('hex'), ...this.shape };
  }

  /** Stop a feed that will not be loaded: no further reads; units already out are awaited and dropped. */
  async cancel(): Promise<void> {
    this.ended = true;
    await this.filling;
    await this.batches.return(undefined).catch(() => undefined);
    for (const e of this.entries.splice(0)) {
      if ('unit' in e) {
        const u = await e.unit.catch(() => null);
        if (u) for (const b of u.batches) this.pool.recycle(batchTransferables(b));
      }
    }
    this.units = 0;
  }
}

/**
 * Load the file (from `feed` when one was started for it); returns its hash and shape. Throws
 * EvtxInputError when the file is not EVTX.
 */
export async function loadEvtx(
  pool: ParsePool,
  path: string,
  sink: EventSink,
  opts: EvtxLoadOptions,
  feed: EvtxFeed | null = null,
): Promise<EvtxShape> {
  const f = feed ?? EvtxFeed.start(pool, path, { strict: opts.strict, carve: opts.carve });
  return f.drain(sink, opts.onProgress);
}
