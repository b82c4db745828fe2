/**
 * Per-chunk parsing context: the chunk bytes plus the caches that make a chunk cheap to read
 * (names by offset, compiled templates by definition offset). All BinXml offsets are relative
 * to the chunk start (MS-EVEN6 BinXml; libevtx "Binary XML").
 */
import { BinXmlError } from '../errors.js';
import type { Template } from './nodes.js';

export interface NameEntry {
  text: string;
  /** XML-escaped form, ready for output. */
  esc: string;
}

export interface ChunkContext {
  b: Uint8Array;
  view: DataView;
  /** Absolute file offset of the chunk. */
  base: number;
  index: number;
  fileName: string;
  names: Map<number, NameEntry>;
  /** Compiled templates by definition offset; a string is the reason the definition is unusable. */
  templates: Map<number, Template | string>;
  /** Substitution descriptor pool shared by the chunk's records (see instance.ts). */
  pool: Int32Array;
  poolUsed: number;
  /** Work left for the current render (nodes/ops visited); caps hostile nesting fan-out. */
  budget: number;
  /** Last formatted FILETIME second (most records of a chunk share few seconds). */
  timeCacheSec: number;
  timeCacheText: string;
}

/** Nodes and ops one record's rendering may visit (real events need a few hundred). */
export const RENDER_BUDGET = 1_000_000;

/** Spend rendering work; throws when a record's rendering fans out beyond any real event. */
export function spend(ctx: ChunkContext, n: number): void {
  if ((ctx.budget -= n) < 0)
    throw new BinXmlError(`rendering exceeds ${RENDER_BUDGET} steps (nested values referenced in a loop)`, 0);
}

export function createChunkContext(b: Uint8Array, index: number, base: number, fileName: string): ChunkContext {
  return {
    // A Buffer view on the same memory (no copy): its native UTF-16 decoding is the fastest.
    b: b instanceof Buffer ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength),
    view: new DataView(b.buffer, b.byteOffset, b.byteLength),
    base,
    index,
    fileName,
    names: new Map(),
    templates: new Map(),
    pool: new Int32Array(8192),
    poolUsed: 0,
    budget: RENDER_BUDGET,
    timeCacheSec: -1,
    timeCacheText: '',
  };
}
