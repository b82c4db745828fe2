/**
 * EVTX file header (libevtx "File header"; 4096-byte block, 128 bytes used) and the chunk
 * layout derived from the file size (dirty files carry a stale chunk count).
 */
import { ByteReader } from './byte-reader.js';
import { crc32 } from './crc32.js';
import { EvtxInputError } from './errors.js';
import { CHUNK_SIZE, FILE_HEADER_SIZE, FILE_MAGIC } from './types.js';

export const FileFlags = { Dirty: 0x1, Full: 0x2, NoCrc32: 0x4 } as const;

export interface FileHeader {
  firstChunkNumber: bigint;
  lastChunkNumber: bigint;
  nextRecordId: bigint;
  headerSize: number;
  minorVersion: number;
  majorVersion: number;
  headerBlockSize: number;
  /** Chunk count as written (u16 at 42); stale in dirty files. */
  chunkCount: number;
  flags: number;
  checksum: number;
  /** CRC32 of bytes 0–119 matches `checksum`. */
  checksumOk: boolean;
}

/** Smallest prefix that can be checked for the file signature and header fields. */
export const FILE_HEADER_USED = 128;

/**
 * Parse the file header from the first bytes of a file. Throws EvtxInputError (file, offset)
 * when the bytes are not an EVTX file header.
 */
export function parseFileHeader(bytes: Uint8Array, fileName = '<buffer>'): FileHeader {
  if (bytes.length < FILE_HEADER_USED) {
    throw new EvtxInputError(
      `not an EVTX file: ${bytes.length} bytes, a file header needs ${FILE_HEADER_USED}`,
      fileName,
      0,
    );
  }
  const r = new ByteReader(bytes);
  const magic = r.ascii(0, 8, 'file.magic');
  if (magic !== FILE_MAGIC) {
    throw new EvtxInputError(
      `not an EVTX file: signature ${JSON.stringify(magic)}, expected "ElfFile\\0"`,
      fileName,
      0,
    );
  }
  const checksum = r.u32(124, 'file.checksum');
  return {
    firstChunkNumber: r.u64(8, 'file.firstChunkNumber'),
    lastChunkNumber: r.u64(16, 'file.lastChunkNumber'),
    nextRecordId: r.u64(24, 'file.nextRecordId'),
    headerSize: r.u32(32, 'file.headerSize'),
    minorVersion: r.u16(36, 'file.minorVersion'),
    majorVersion: r.u16(38, 'file.majorVersion'),
    headerBlockSize: r.u16(40, 'file.headerBlockSize'),
    chunkCount: r.u16(42, 'file.chunkCount'),
    flags: r.u32(120, 'file.flags'),
    checksum,
    checksumOk: crc32(bytes, 0, 120) === checksum,
  };
}

/** A 64 KiB (or, for a file cut short, shorter) block where a chunk may be. */
export interface ChunkSlot {
  index: number;
  /** Absolute file offset. */
  offset: number;
  /** Bytes available (CHUNK_SIZE except for a truncated last block). */
  size: number;
}

/**
 * Chunk slots counted from the file size, not from the header's count. A trailing partial
 * block is included when it can hold at least a chunk header (plaso System2.evtx is cut short).
 */
export function chunkSlots(fileSize: number): ChunkSlot[] {
  const slots: ChunkSlot[] = [];
  for (let i = 0, off = FILE_HEADER_SIZE; off < fileSize; i++, off += CHUNK_SIZE) {
    const size = Math.min(CHUNK_SIZE, fileSize - off);
    if (size < 512) break;
    slots.push({ index: i, offset: off, size });
  }
  return slots;
}

/** Non-fatal findings about the file header (stale count, checksum) as messages. */
export function fileHeaderFindings(h: FileHeader, fileSize: number): string[] {
  const out: string[] = [];
  if (!h.checksumOk && (h.flags & FileFlags.NoCrc32) === 0) {
    out.push(`file header CRC32 mismatch (stored 0x${h.checksum.toString(16)})`);
  }
  const slots = chunkSlots(fileSize).length;
  if (slots < h.chunkCount)
    out.push(`file holds ${slots} chunk(s) but the header announces ${h.chunkCount} (file cut short)`);
  return out;
}
