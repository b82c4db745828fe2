/**
 * One 64 KiB chunk → items, synchronously from memory (ingest workers call this directly).
 * Chunk header and checksums (libevtx "Chunk header"), the record walk up to the free-space
 * offset, and — with `carve` — record recovery from slack space and damaged chunks.
 */
import { createChunkContext } from './binxml/context.js';
import type { ChunkContext } from './binxml/context.js';
import { parseFragment, valuesWiped } from './binxml/instance.js';
import { chunkHeaderCrcOk, chunkRecordsCrcOk, classifyChunk, parseChunkHeader } from './chunk-header.js';
import { BinXmlError } from './errors.js';
import type { EvtxErrorItem, EvtxItem, EvtxWarningItem, ReadOptions } from './items.js';
import { ParsedRecord } from './record.js';
import { CHUNK_HEADER_SIZE, RECORD_MAGIC } from './types.js';

/** Record header (signature, size, id, FILETIME) plus the trailing size copy. */
export const RECORD_OVERHEAD = 28;

export type ChunkOptions = ReadOptions & { fileName: string };

interface Walk {
  ctx: ChunkContext;
  file: string;
  strict: boolean;
  items: EvtxItem[];
}

function warning(w: Walk, offset: number, message: string): EvtxWarningItem {
  const item: EvtxWarningItem = { kind: 'warning', file: w.file, chunkIndex: w.ctx.index, offset, message };
  w.items.push(item);
  return item;
}

function error(w: Walk, offset: number, recordId: bigint | null, message: string): void {
  const item: EvtxErrorItem = { kind: 'error', file: w.file, chunkIndex: w.ctx.index, offset, recordId, message };
  w.items.push(item);
}

const hex = (n: number): string => '0x' + n.toString(16);

/**
 * Parse one chunk. `chunk` is the chunk's bytes (65536, or fewer for a file cut short),
 * `fileOffset` its absolute offset. Items come in chunk order; records are structurally
 * parsed (template resolved, values bounded) before they are returned.
 */
export function parseChunk(
  chunk: Uint8Array,
  chunkIndex: number,
  fileOffset: number,
  options: ChunkOptions,
): EvtxItem[] {
  const ctx = createChunkContext(chunk, chunkIndex, fileOffset, options.fileName);
  const w: Walk = { ctx, file: options.fileName, strict: options.strict === true, items: [] };
  const kind = classifyChunk(chunk);
  if (kind === 'empty') return w.items;
  if (kind === 'bad-magic') {
    warning(w, fileOffset, `chunk ${chunkIndex}: no "ElfChnk" signature, block skipped`);
    if (options.carve) carve(w, CHUNK_HEADER_SIZE, chunk.length);
    return w.items;
  }
  if (chunk.length < CHUNK_HEADER_SIZE) {
    error(w, fileOffset, null, `chunk ${chunkIndex}: truncated header (${chunk.length} bytes)`);
    return w.items;
  }
  const h = parseChunkHeader(chunk, fileOffset);
  const freeOk = h.freeSpaceOffset >= CHUNK_HEADER_SIZE && h.freeSpaceOffset <= chunk.length;
  const problems: string[] = [];
  if (!chunkHeaderCrcOk(chunk, h)) problems.push('header CRC32 mismatch');
  if (!freeOk) problems.push(`free-space offset ${hex(h.freeSpaceOffset)} outside the chunk`);
  else if (!chunkRecordsCrcOk(chunk, h)) problems.push('records CRC32 mismatch');
  if (problems.length > 0) {
    const msg = `chunk ${chunkIndex}: ${problems.join(', ')}`;
    if (options.strict) {
      error(w, fileOffset, null, msg);
      if (options.carve) carve(w, CHUNK_HEADER_SIZE, chunk.length);
      return w.items;
    }
    warning(w, fileOffset, msg);
  }
  const end = walkRecords(w, freeOk ? h.freeSpaceOffset : chunk.length);
  if (options.carve) carve(w, end, chunk.length);
  return w.items;
}

/** Records from the chunk header to `limit`; returns where the walk stopped. */
function walkRecords(w: Walk, limit: number): number {
  const { ctx } = w;
  const v = ctx.view;
  let pos = CHUNK_HEADER_SIZE;
  while (pos + RECORD_OVERHEAD <= limit) {
    if (v.getUint32(pos, true) !== RECORD_MAGIC) {
      if (!allZero(ctx.b, pos, limit)) {
        error(
          w,
          ctx.base + pos,
          null,
          `chunk ${ctx.index}: no record signature at ${hex(ctx.base + pos)} (expected 2a2a0000)`,
        );
      }
      return pos;
    }
    const size = v.getUint32(pos + 4, true);
    const problem = sizeProblem(ctx, pos, size);
    const id = (): bigint => v.getBigUint64(pos + 8, true);
    if (problem !== null) {
      error(w, ctx.base + pos, id(), `chunk ${ctx.index} record ${id()}: ${problem}`);
      return pos;
    }
    const copy = v.getUint32(pos + size - 4, true);
    if (copy !== size) {
      // Lenient: the body may still be sound (sample_with_a_bad_chunk_magic records 47640, 45933);
      // one whose values are all zero is reported instead (46741).
      const msg = `chunk ${ctx.index} record ${id()}: record size ${size} does not match its copy ${copy}`;
      if (w.strict || !pushRecord(w, pos, size, false, msg)) {
        if (w.strict) error(w, ctx.base + pos, id(), msg);
        return pos;
      }
    } else pushRecord(w, pos, size, false);
    pos += size;
  }
  return pos;
}

function allZero(b: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (b[i] !== 0) return false;
  return true;
}

/** Size and size-copy consistency of a record at `pos`; null when sound. */
function sizeProblem(ctx: ChunkContext, pos: number, size: number): string | null {
  if (size < RECORD_OVERHEAD + 1)
    return `record size ${size} below the minimum (${RECORD_OVERHEAD} bytes of header and size copy plus data)`;
  if (pos + size > ctx.b.length)
    return `record size ${size} runs past the chunk end (${ctx.b.length - pos} bytes left)`;
  return null;
}

/** Parse and push a record; on a structural error push an error item (prefixed by `damage`). */
function pushRecord(w: Walk, pos: number, size: number, carved: boolean, damage: string | null = null): boolean {
  const { ctx } = w;
  try {
    const inst = parseFragment(ctx, pos + 24, pos + size - 4, 0);
    if (damage !== null && valuesWiped(ctx, inst)) {
      // An empty shell (no record id, no time): reported, never yielded as a record.
      const id = ctx.view.getBigUint64(pos + 8, true);
      error(w, ctx.base + pos, id, `${damage}, and all its substitution values are zero (overwritten): not rendered`);
      return true;
    }
    w.items.push(new ParsedRecord(ctx, inst, pos, carved, damage === null ? null : [damage]));
    return true;
  } catch (e) {
    if (carved) return false;
    const at = e instanceof BinXmlError ? e.at : pos;
    const what = e instanceof Error ? e.message : String(e);
    const id = ctx.view.getBigUint64(pos + 8, true);
    const prefix = damage === null ? `chunk ${ctx.index} record ${id}` : damage;
    error(w, ctx.base + pos, id, `${prefix} @ ${hex(ctx.base + pos)}: ${what} (at ${hex(ctx.base + at)})`);
    return false;
  }
}

/**
 * Carving (`--carve`): scan [from, to) for the record signature with a consistent size and
 * size copy and a BinXml body that parses; such records are yielded with `carved: true`.
 */
function carve(w: Walk, from: number, to: number): void {
  const { b, view } = w.ctx;
  let pos = from;
  while (pos + RECORD_OVERHEAD <= to) {
    if (b[pos] !== 0x2a || b[pos + 1] !== 0x2a || b[pos + 2] !== 0 || b[pos + 3] !== 0) {
      pos++;
      continue;
    }
    const size = view.getUint32(pos + 4, true);
    if (sizeProblem(w.ctx, pos, size) === null && pos + size <= to && view.getUint32(pos + size - 4, true) === size) {
      if (pushRecord(w, pos, size, true)) {
        pos += size;
        continue;
      }
    }
    pos++;
  }
}
