/**
 * Streaming EVTX reader: `readEvtx(path | bytes)` yields records, errors and warnings in file
 * order. Files are read in batches of whole chunks through a file handle (./chunk-batches.ts), so
 * memory stays bounded by a few chunks whatever the file size.
 */
import { CarvedDedup } from './carved-dedup.js';
import { parseChunk } from './chunk.js';
import { readChunkBatches } from './chunk-batches.js';
import type { EvtxItem, ReadOptions } from './items.js';
import { fileWarnings, layoutOf } from './layout.js';

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
export async function* readEvtxChunks(
  source: string | Uint8Array,
  options: ReadOptions = {},
): AsyncGenerator<EvtxItem[]> {
  const fileName = options.fileName ?? (typeof source === 'string' ? source : '<buffer>');
  const opts = { ...options, fileName };
  const dedup = opts.carve ? new CarvedDedup() : null;
  if (typeof source !== 'string') {
    const layout = layoutOf(source, fileName);
    yield fileWarnings(layout);
    for (const slot of layout.chunks) {
      const items = parseChunk(source.subarray(slot.offset, slot.offset + slot.size), slot.index, slot.offset, opts);
      yield dedup ? dedup.filter(items) : items;
    }
    return;
  }
  for await (const batch of readChunkBatches(source, { fileName })) {
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
      yield dedup ? dedup.filter(items) : items;
    }
  }
}
