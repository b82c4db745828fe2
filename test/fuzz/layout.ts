/**
 * Where the interesting fields of an EVTX image lie, found with a light, tolerant walk (this is the
 * fuzzer's map of targets, not a parser: it stops at the first thing that does not look right).
 * Layout: libevtx "Windows XML Event Log (EVTX)" — file header 4096 bytes, chunks of 65536 bytes
 * (header 512: last-record offset @44, free-space offset @48, 64 string buckets @128, 32 template
 * buckets @384), records `2a2a0000` size@4 … size copy@size-4, BinXml from record+24.
 */

export const FILE_HEADER = 4096;
export const CHUNK = 65536;
export const CHUNK_HEADER = 512;
const RECORD_HEADER = 24;

/** A field to rewrite: absolute position and width in bytes. */
export interface Field {
  at: number;
  width: 1 | 2 | 4 | 8;
}

/** A template instance (token 0x0c) found at the start of a record's BinXml. */
export interface Instance {
  /** Absolute offset of the 0x0c token. */
  at: number;
  chunkAt: number;
  /** Inline definition body [start, end) when the record carries it, else null. */
  body: { start: number; end: number } | null;
  countField: number;
  count: number;
  descriptors: number;
}

export interface Layout {
  /** Absolute offsets of blocks that start with the chunk signature. */
  chunks: number[];
  records: { at: number; size: number; chunkAt: number }[];
  instances: Instance[];
  /** Size-like fields: record sizes and copies, definition data sizes, element data sizes, header sizes. */
  sizes: Field[];
  /** Offset-like fields (chunk-relative): buckets, string/template links, definition and name offsets. */
  offsets: Field[];
  /** Template definition bodies and other BinXml ranges where token bytes live. */
  binxml: { start: number; end: number }[];
}

const u16 = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number): number =>
  (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

export function isChunkAt(b: Uint8Array, at: number): boolean {
  return (
    at + 8 <= b.length &&
    b[at] === 0x45 &&
    b[at + 1] === 0x6c &&
    b[at + 2] === 0x66 &&
    b[at + 3] === 0x43 &&
    b[at + 4] === 0x68
  );
}

/** Maps an EVTX image (or a damaged one) to the fields worth mutating. */
export function locate(b: Uint8Array): Layout {
  const out: Layout = { chunks: [], records: [], instances: [], sizes: [], offsets: [], binxml: [] };
  if (b.length >= 128) {
    for (const at of [32, 40, 42]) out.sizes.push({ at, width: 2 });
  }
  for (let at = FILE_HEADER; at + CHUNK_HEADER <= b.length; at += CHUNK) {
    if (!isChunkAt(b, at)) continue;
    out.chunks.push(at);
    locateChunk(b, at, out);
  }
  return out;
}

function locateChunk(b: Uint8Array, chunkAt: number, out: Layout): void {
  const end = Math.min(b.length, chunkAt + CHUNK);
  out.sizes.push({ at: chunkAt + 40, width: 4 });
  out.offsets.push({ at: chunkAt + 44, width: 4 }, { at: chunkAt + 48, width: 4 });
  for (let i = 0; i < 64 + 32; i++) {
    const field = chunkAt + 128 + i * 4;
    const target = u32(b, field);
    if (target === 0) continue;
    out.offsets.push({ at: field, width: 4 });
    // String entries: next-offset u32, hash u16, char count u16, UTF-16 chars (libevtx §5.1).
    if (i < 64) followLinks(b, chunkAt, target, end, out);
  }
  let at = chunkAt + CHUNK_HEADER;
  while (at + RECORD_HEADER + 4 <= end && u32(b, at) === 0x00002a2a) {
    const size = u32(b, at + 4);
    if (size < RECORD_HEADER + 4 || at + size > end) break;
    out.records.push({ at, size, chunkAt });
    out.sizes.push({ at: at + 4, width: 4 }, { at: at + size - 4, width: 4 });
    locateInstance(b, chunkAt, at + RECORD_HEADER, at + size - 4, out);
    at += size;
  }
}

function followLinks(b: Uint8Array, chunkAt: number, first: number, end: number, out: Layout): void {
  const seen = new Set<number>();
  for (let rel = first; rel !== 0 && !seen.has(rel) && chunkAt + rel + 8 <= end; rel = u32(b, chunkAt + rel)) {
    seen.add(rel);
    out.offsets.push({ at: chunkAt + rel, width: 4 });
    out.sizes.push({ at: chunkAt + rel + 6, width: 2 });
  }
}

/** Fragment header 0f 01 01 00, then 0c, 1 byte, template id u32, definition offset u32 (MS-EVEN6 TemplateInstance). */
function locateInstance(b: Uint8Array, chunkAt: number, start: number, end: number, out: Layout): void {
  out.binxml.push({ start, end });
  if (start + 14 > end || b[start] !== 0x0f || b[start + 4] !== 0x0c) return;
  const at = start + 4;
  out.offsets.push({ at: at + 6, width: 4 });
  const defRel = u32(b, at + 6);
  let cursor = at + 10;
  let body: Instance['body'] = null;
  if (defRel === cursor - chunkAt && cursor + 24 <= end) {
    // Inline definition: next-definition offset u32, GUID 16, data size u32, body.
    out.offsets.push({ at: cursor, width: 4 });
    out.sizes.push({ at: cursor + 20, width: 4 });
    const dataSize = u32(b, cursor + 20);
    const bodyStart = cursor + 24;
    const bodyEnd = Math.min(end, bodyStart + dataSize);
    body = { start: bodyStart, end: bodyEnd };
    out.binxml.push(body);
    scanBody(b, chunkAt, bodyStart, bodyEnd, out);
    cursor = bodyStart + dataSize;
  }
  if (cursor + 4 > end) return;
  const count = u32(b, cursor);
  const descriptors = Math.min(count, Math.max(0, Math.floor((end - cursor - 4) / 4)));
  out.instances.push({ at, chunkAt, body, countField: cursor, count, descriptors });
}

/** Element starts (01/41: dependency id u16, data size u32, name offset u32) and attributes (06/46: name offset u32). */
function scanBody(b: Uint8Array, chunkAt: number, start: number, end: number, out: Layout): void {
  const chunkLen = Math.min(CHUNK, b.length - chunkAt);
  const plausible = (rel: number): boolean => rel >= CHUNK_HEADER && rel < chunkLen;
  for (let p = start; p + 11 <= end; p++) {
    const t = b[p]!;
    if ((t === 0x01 || t === 0x41) && plausible(u32(b, p + 7))) {
      out.sizes.push({ at: p + 3, width: 4 });
      out.offsets.push({ at: p + 7, width: 4 });
    } else if ((t === 0x06 || t === 0x46) && plausible(u32(b, p + 1))) {
      out.offsets.push({ at: p + 1, width: 4 });
    }
  }
}

/** Absolute position of descriptor `j` of an instance (size u16, type u8, pad u8). */
export function descriptorAt(inst: Instance, j: number): number {
  return inst.countField + 4 + j * 4;
}

export { u16, u32 };
