/**
 * Streaming EVTX reader: `readEvtx(path | bytes)` yields records, errors and warnings in file
 * order. Files are read in batches of whole chunks through a file handle, so memory stays
 * bounded by a few chunks whatever the file size.
 */
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { parseChunk } from './chunk.js';
import { EvtxInputError } from './errors.js';
import { chunkSlots, fileHeaderFindings, parseFileHeader } from './file-header.js';
import type { ChunkSlot, FileHeader } from './file-header.js';
import type { EvtxItem, EvtxRecord, ReadOptions } from './items.js';
import { CHUNK_SIZE, FILE_HEADER_SIZE } from './types.js';

export { parseChunk } from './chunk.js';
export type { ChunkOptions } from './chunk.js';
export { chunkSlots, parseFileHeader } from './file-header.js';
export type { ChunkSlot, FileHeader } from './file-header.js';

/** Chunks read per file read (1 MiB). */
export const BATCH_CHUNKS = 16;

/** What a file holds before its chunks are read. */
export interface EvtxLayout {
  fileName: string;
  fileSize: number;
  header: FileHeader;
  /** Chunk slots counted from the file size (not the header's count). */
  chunks: ChunkSlot[];
  /** File-level findings (header CRC, stale or excessive chunk count). */
  warnings: string[];
}

function ioError(e: unknown, fileName: string, offset: number): EvtxInputError {
  const err = e as NodeJS.ErrnoException;
  const why = err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : err.code === 'EACCES' ? 'permission denied' : err.message;
  return new EvtxInputError(`cannot read: ${why}`, fileName, offset);
}

/** Layout of an in-memory file. Throws EvtxInputError when the bytes are not EVTX. */
export function layoutOf(bytes: Uint8Array, fileName = '<buffer>'): EvtxLayout {
  const header = parseFileHeader(bytes, fileName);
  return { fileName, fileSize: bytes.length, header, chunks: chunkSlots(bytes.length), warnings: fileHeaderFindings(header, bytes.length) };
}

/**
 * Read the file header and enumerate chunks of a file on disk (ingest sends these chunk
 * ranges to worker threads, which call `parseChunk`). Throws EvtxInputError for a missing,
 * unreadable or non-EVTX file.
 */
export async function readFileHeader(path: string, fileName = path): Promise<EvtxLayout> {
  let fh: FileHandle;
  try {
    fh = await open(path, 'r');
  } catch (e) {
    throw ioError(e, fileName, 0);
  }
  try {
    return await layoutFromHandle(fh, fileName);
  } finally {
    await fh.close();
  }
}

async function layoutFromHandle(fh: FileHandle, fileName: string): Promise<EvtxLayout> {
  let size: number;
  let head: Uint8Array;
  try {
    size = (await fh.stat()).size;
    head = new Uint8Array(Math.min(FILE_HEADER_SIZE, size));
    await fh.read(head, 0, head.length, 0);
  } catch (e) {
    throw ioError(e, fileName, 0);
  }
  const header = parseFileHeader(head, fileName);
  return { fileName, fileSize: size, header, chunks: chunkSlots(size), warnings: fileHeaderFindings(header, size) };
}

/**
 * Stream the items of an EVTX file (path) or in-memory bytes, in file order.
 * Throws EvtxInputError before the first item when the source is missing, unreadable or not EVTX;
 * damage inside the file becomes error/warning items and reading goes on.
 */
export async function* readEvtx(source: string | Uint8Array, options: ReadOptions = {}): AsyncGenerator<EvtxItem> {
  for await (const items of readEvtxChunks(source, options)) yield* items;
}

/**
 * Same items as `readEvtx`, one array per chunk (fewer async steps for bulk consumers such as
 * `dump`). File-level warnings come first as their own array.
 */
export async function* readEvtxChunks(source: string | Uint8Array, options: ReadOptions = {}): AsyncGenerator<EvtxItem[]> {
  const fileName = options.fileName ?? (typeof source === 'string' ? source : '<buffer>');
  const opts = { ...options, fileName };
  if (typeof source !== 'string') {
    const layout = layoutOf(source, fileName);
    yield fileWarnings(layout);
    const dedup = opts.carve ? carveFilter() : null;
    for (const slot of layout.chunks) {
      const items = parseChunk(source.subarray(slot.offset, slot.offset + slot.size), slot.index, slot.offset, opts);
      yield dedup ? dedup(items) : items;
    }
    return;
  }
  const dedup = opts.carve ? carveFilter() : null;
  for await (const batch of readChunkBatches(source, fileName)) {
    if ('layout' in batch) {
      yield fileWarnings(batch.layout);
      continue;
    }
    if ('error' in batch) {
      yield [batch.error];
      return;
    }
    for (const slot of batch.slots) {
      const at = slot.offset - batch.offset;
      const items = parseChunk(batch.bytes.subarray(at, at + slot.size), slot.index, slot.offset, opts);
      yield dedup ? dedup(items) : items;
    }
  }
}

/** Whole chunks read at once from a file (`bytes` starts at file offset `offset`). */
export interface ChunkBatch {
  slots: ChunkSlot[];
  offset: number;
  bytes: Uint8Array;
}

/**
 * The layout of a file on disk, then its chunks in batches of whole chunks (1 MiB), read
 * through one file handle; a read failure ends the sequence with an error item. Throws
 * EvtxInputError before yielding for a missing, unreadable or non-EVTX file. `dump --threads`
 * sends these batches to worker threads.
 */
export async function* readChunkBatches(path: string, fileName = path): AsyncGenerator<{ layout: EvtxLayout } | { error: EvtxItem } | ChunkBatch> {
  let fh: FileHandle;
  try {
    fh = await open(path, 'r');
  } catch (e) {
    throw ioError(e, fileName, 0);
  }
  let next: Promise<ChunkBatch | { error: EvtxItem }> | null = null;
  try {
    const layout = await layoutFromHandle(fh, fileName);
    yield { layout };
    const slots = layout.chunks;
    // The next batch is read while the consumer works on the current one.
    const read = async (i: number): Promise<ChunkBatch | { error: EvtxItem }> => {
      const batch = slots.slice(i, i + BATCH_CHUNKS);
      const first = batch[0]!;
      const last = batch[batch.length - 1]!;
      const buf = new Uint8Array(last.offset + last.size - first.offset);
      try {
        await readFully(fh, buf, first.offset);
      } catch (e) {
        return { error: { kind: 'error', file: fileName, chunkIndex: first.index, offset: first.offset, recordId: null, message: `read failed: ${(e as Error).message}` } };
      }
      return { slots: batch, offset: first.offset, bytes: buf };
    };
    next = slots.length > 0 ? read(0) : null;
    for (let i = 0; next !== null; i += BATCH_CHUNKS) {
      const cur: ChunkBatch | { error: EvtxItem } = await next;
      next = 'error' in cur || i + BATCH_CHUNKS >= slots.length ? null : read(i + BATCH_CHUNKS);
      yield cur;
      if ('error' in cur) return;
    }
  } finally {
    if (next !== null) await next;
    await fh.close();
  }
}

async function readFully(fh: FileHandle, buf: Uint8Array, position: number): Promise<void> {
  let done = 0;
  while (done < buf.length) {
    const { bytesRead } = await fh.read(buf, done, buf.length - done, position + done);
    if (bytesRead === 0) throw new Error(`file ended at 0x${(position + done).toString(16)}`);
    done += bytesRead;
  }
}

/** The file-level findings of a layout as warning items. */
export function fileWarnings(layout: EvtxLayout): EvtxItem[] {
  return layout.warnings.map((message) => ({ kind: 'warning', file: layout.fileName, chunkIndex: null, offset: 0, message }));
}

/**
 * Carved records whose number was already read (from a chunk's record walk, or carved
 * before) are dropped: slack space often holds stale copies of live records.
 */
function carveFilter(): (items: EvtxItem[]) => EvtxItem[] {
  const seen = new Set<bigint>();
  return (items) => {
    for (const it of items) if (it.kind === 'record' && !it.carved) seen.add(it.recordId);
    return items.filter((it) => {
      if (it.kind !== 'record' || !it.carved) return true;
      if (seen.has((it as EvtxRecord).recordId)) return false;
      seen.add(it.recordId);
      return true;
    });
  };
}

/** Bytes per chunk slot (exported for tools that split files). */
export const CHUNK_BYTES = CHUNK_SIZE;
