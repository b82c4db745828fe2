/**
 * The one reader of EVTX files on disk: the layout, then the chunks in batches of whole chunks
 * (1 MiB) through one file handle, the next batch read while the consumer works on the current
 * one. `readEvtx`, `dump --threads` and ingest all read files through here.
 */
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import type { ChunkSlot } from './file-header.js';
import type { EvtxErrorItem } from './items.js';
import { ioError, layoutFromHandle } from './layout.js';
import type { EvtxLayout } from './layout.js';

/** Chunks read per file read (1 MiB). */
export const BATCH_CHUNKS = 16;

/** Whole chunks read at once from a file (`bytes` starts at file offset `offset`). */
export interface ChunkBatch {
  slots: ChunkSlot[];
  offset: number;
  bytes: Uint8Array;
}

export type BatchItem = { layout: EvtxLayout } | { error: EvtxErrorItem } | ChunkBatch;

export interface BatchReadOptions {
  /** Name used in messages (defaults to the path). */
  fileName?: string;
  /** Memory for a batch of `size` bytes (callers may hand back buffers of earlier batches). */
  buffer?: (size: number) => Uint8Array;
  /**
   * Sees every byte of the file exactly once, in file order (header block, each batch before it
   * is yielded, the tail after the last chunk), e.g. to hash the file while reading it.
   */
  onBytes?: (bytes: Uint8Array) => void;
}

/**
 * The layout of a file on disk, then its chunks in batches of `BATCH_CHUNKS`; a read failure
 * ends the sequence with an error item. Throws EvtxInputError before yielding for a missing,
 * unreadable or non-EVTX file.
 */
export async function* readChunkBatches(path: string, options: BatchReadOptions = {}): AsyncGenerator<BatchItem> {
  const fileName = options.fileName ?? path;
  const alloc = options.buffer ?? ((size: number) => new Uint8Array(size));
  let fh: FileHandle;
  try {
    fh = await open(path, 'r');
  } catch (e) {
    throw ioError(e, fileName, 0);
  }
  let next: Promise<ChunkBatch | { error: EvtxErrorItem }> | null = null;
  try {
    const { layout, head } = await layoutFromHandle(fh, fileName);
    options.onBytes?.(head);
    yield { layout };
    const slots = layout.chunks;
    const read = async (i: number): Promise<ChunkBatch | { error: EvtxErrorItem }> => {
      const batch = slots.slice(i, i + BATCH_CHUNKS);
      const first = batch[0]!;
      const last = batch[batch.length - 1]!;
      const buf = alloc(last.offset + last.size - first.offset);
      try {
        await readFully(fh, buf, first.offset);
      } catch (e) {
        return {
          error: {
            kind: 'error',
            file: fileName,
            chunkIndex: first.index,
            offset: first.offset,
            recordId: null,
            message: `read failed: ${(e as Error).message}`,
          },
        };
      }
      return { slots: batch, offset: first.offset, bytes: buf };
    };
    next = slots.length > 0 ? read(0) : null;
    for (let i = 0; next !== null; i += BATCH_CHUNKS) {
      const cur: ChunkBatch | { error: EvtxErrorItem } = await next;
      next = 'error' in cur || i + BATCH_CHUNKS >= slots.length ? null : read(i + BATCH_CHUNKS);
      if ('error' in cur) {
        yield cur;
        return;
      }
      options.onBytes?.(cur.bytes);
      yield cur;
    }
    if (options.onBytes) {
      const last = slots[slots.length - 1];
      await readTail(fh, last === undefined ? head.length : last.offset + last.size, layout.fileSize, options.onBytes);
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

/** The bytes from `from` to `end` that no chunk slot covers (a partial block under 512 bytes). */
async function readTail(
  fh: FileHandle,
  from: number,
  end: number,
  onBytes: (bytes: Uint8Array) => void,
): Promise<void> {
  for (let at = from; at < end; ) {
    const buf = new Uint8Array(Math.min(end - at, 1 << 20));
    const { bytesRead } = await fh.read(buf, 0, buf.length, at);
    if (bytesRead === 0) return;
    onBytes(buf.subarray(0, bytesRead));
    at += bytesRead;
  }
}
