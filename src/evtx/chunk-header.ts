/**
 * EVTX chunk header (libevtx "Chunk header"; 512 bytes): record numbers, offsets, checksums,
 * string-table and template-table buckets.
 */
import { ByteReader } from './byte-reader.js';
import { crc32 } from './crc32.js';
import { CHUNK_HEADER_SIZE } from './types.js';

export interface ChunkHeader {
  firstRecordNumber: bigint;
  lastRecordNumber: bigint;
  firstRecordId: bigint;
  lastRecordId: bigint;
  headerSize: number;
  /** Offset of the last record, relative to the chunk (u32 at 44). */
  lastRecordOffset: number;
  /** End of record data, relative to the chunk (u32 at 48). */
  freeSpaceOffset: number;
  /** CRC32 of bytes 512..freeSpaceOffset (u32 at 52). */
  recordsChecksum: number;
  flags: number;
  /** CRC32 of bytes 0–119 and 128–511 (u32 at 124). */
  headerChecksum: number;
}

/** 'ok' chunk, 'empty' (all zero, skipped silently), or 'bad-magic'. */
export type ChunkKind = 'ok' | 'empty' | 'bad-magic';

const CHUNK_MAGIC_BYTES = [0x45, 0x6c, 0x66, 0x43, 0x68, 0x6e, 0x6b, 0x00]; // "ElfChnk\0"

export function classifyChunk(b: Uint8Array): ChunkKind {
  let magic = b.length >= 8;
  for (let i = 0; magic && i < 8; i++) if (b[i] !== CHUNK_MAGIC_BYTES[i]) magic = false;
  if (magic) return 'ok';
  for (let i = 0; i < b.length; i++) if (b[i] !== 0) return 'bad-magic';
  return 'empty';
}

export function parseChunkHeader(b: Uint8Array, base: number): ChunkHeader {
  const r = new ByteReader(b, base);
  r.need(0, CHUNK_HEADER_SIZE, 'chunk.header');
  return {
    firstRecordNumber: r.u64(8, 'chunk.firstRecordNumber'),
    lastRecordNumber: r.u64(16, 'chunk.lastRecordNumber'),
    firstRecordId: r.u64(24, 'chunk.firstRecordId'),
    lastRecordId: r.u64(32, 'chunk.lastRecordId'),
    headerSize: r.u32(40, 'chunk.headerSize'),
    lastRecordOffset: r.u32(44, 'chunk.lastRecordOffset'),
    freeSpaceOffset: r.u32(48, 'chunk.freeSpaceOffset'),
    recordsChecksum: r.u32(52, 'chunk.recordsChecksum'),
    flags: r.u32(120, 'chunk.flags'),
    headerChecksum: r.u32(124, 'chunk.headerChecksum'),
  };
}

export function chunkHeaderCrcOk(b: Uint8Array, h: ChunkHeader): boolean {
  return crc32(b, 128, CHUNK_HEADER_SIZE, crc32(b, 0, 120)) === h.headerChecksum;
}

/** Records checksum over 512..freeSpaceOffset (only meaningful when the offset lies in the chunk). */
export function chunkRecordsCrcOk(b: Uint8Array, h: ChunkHeader): boolean {
  const end = Math.min(h.freeSpaceOffset, b.length);
  if (end < CHUNK_HEADER_SIZE) return false;
  return crc32(b, CHUNK_HEADER_SIZE, end) === h.recordsChecksum;
}

/** Caps against hostile links in the tables. */
const MAX_LINKS = 4096;

/**
 * Walk the 64 string-table buckets (u32 at 128 + 4·i): each entry is a name
 * (next u32, hash u16, char count u16, UTF-16). Returns name offsets; loops and
 * out-of-chunk links are reported in `problems` instead of being followed.
 */
export function walkStringTable(b: Uint8Array): { offsets: number[]; problems: string[] } {
  return walkBuckets(b, 128, 64, 'string');
}

/** Walk the 32 template-table buckets (u32 at 384 + 4·i): definitions chained by their first u32. */
export function walkTemplateTable(b: Uint8Array): { offsets: number[]; problems: string[] } {
  return walkBuckets(b, 384, 32, 'template');
}

function walkBuckets(
  b: Uint8Array,
  at: number,
  count: number,
  what: string,
): { offsets: number[]; problems: string[] } {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const seen = new Set<number>();
  const offsets: number[] = [];
  const problems: string[] = [];
  for (let i = 0; i < count && at + 4 * i + 4 <= b.length; i++) {
    let off = view.getUint32(at + 4 * i, true);
    while (off !== 0) {
      if (off < CHUNK_HEADER_SIZE || off + 4 > b.length) {
        problems.push(`${what} table bucket ${i}: link 0x${off.toString(16)} outside the chunk`);
        break;
      }
      if (seen.has(off)) {
        problems.push(`${what} table bucket ${i}: link 0x${off.toString(16)} loops`);
        break;
      }
      if (seen.size >= MAX_LINKS) {
        problems.push(`${what} table: more than ${MAX_LINKS} entries`);
        return { offsets, problems };
      }
      seen.add(off);
      offsets.push(off);
      off = view.getUint32(off, true);
    }
  }
  return { offsets, problems };
}
