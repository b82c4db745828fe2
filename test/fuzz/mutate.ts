/**
 * Structure-aware mutations of EVTX images. Each mutation edits `img.bytes` (or replaces it) and
 * returns a one-line description for the crash report, or null when it found nothing to act on.
 */
import type { Rng } from './prng.js';
import { CHUNK, CHUNK_HEADER, FILE_HEADER, descriptorAt, locate, u16, u32 } from './layout.js';
import type { Field, Layout } from './layout.js';

/** A chunk source for splices: another corpus file. */
export interface Donor {
  name: string;
  bytes: Uint8Array;
  /** Absolute offsets of its valid chunks. */
  chunks: number[];
}

export interface Image {
  bytes: Uint8Array;
  layout: Layout | null;
}

export interface MutationContext {
  rng: Rng;
  img: Image;
  donors: readonly Donor[];
}

type Mutation = (ctx: MutationContext) => string | null;

const hex = (n: number): string => `0x${n.toString(16)}`;
const layoutOf = (img: Image): Layout => (img.layout ??= locate(img.bytes));

function setBytes(img: Image, bytes: Uint8Array): void {
  img.bytes = bytes;
  img.layout = null;
}

function writeField(b: Uint8Array, f: Field, v: number | bigint): void {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (f.at + f.width > b.length) return;
  if (f.width === 1) view.setUint8(f.at, Number(v) & 0xff);
  else if (f.width === 2) view.setUint16(f.at, Number(v) & 0xffff, true);
  else if (f.width === 4) view.setUint32(f.at, Number(BigInt.asUintN(32, BigInt(Math.trunc(Number(v))))), true);
  else view.setBigUint64(f.at, BigInt.asUintN(64, BigInt(v)), true);
}

function readField(b: Uint8Array, f: Field): number {
  if (f.at + f.width > b.length) return 0;
  return f.width === 1 ? b[f.at]! : f.width === 2 ? u16(b, f.at) : u32(b, f.at);
}

/** Values that break size and offset arithmetic: edges, off-by-ones, self-references. */
function interesting(rng: Rng, b: Uint8Array, f: Field, current: number, layout: Layout): number {
  const max = f.width === 1 ? 0xff : f.width === 2 ? 0xffff : 0xffffffff;
  const chunkAt = f.at >= FILE_HEADER ? FILE_HEADER + Math.floor((f.at - FILE_HEADER) / CHUNK) * CHUNK : 0;
  const self = f.at - chunkAt;
  const other = layout.offsets.length > 0 ? readField(b, rng.pick(layout.offsets)) : 0;
  const choices: (() => number)[] = [
    () => 0,
    () => 1,
    () => max,
    () => max - 1,
    () => Math.floor(max / 2),
    () => Math.floor(max / 2) + 1,
    () => current + 1,
    () => current - 1,
    () => current + rng.range(2, 8),
    () => current - rng.range(2, 8),
    () => current * 2,
    () => current >>> 1,
    () => current + rng.range(-512, 512),
    () => CHUNK,
    () => CHUNK - rng.range(1, 32),
    () => CHUNK_HEADER - rng.range(0, 4),
    () => rng.int(CHUNK),
    () => self,
    () => self - rng.range(1, 16),
    () => other,
    () => rng.u32(),
  ];
  return Math.max(0, Math.min(max, rng.pick(choices)()));
}

function rewrite(ctx: MutationContext, fields: readonly Field[], what: string): string | null {
  if (fields.length === 0) return null;
  const layout = layoutOf(ctx.img);
  const f = ctx.rng.pick(fields);
  const b = ctx.img.bytes;
  const before = readField(b, f);
  const after = interesting(ctx.rng, b, f, before, layout);
  writeField(b, f, after);
  ctx.img.layout = null;
  return `${what} @${hex(f.at)} (${f.width} B): ${hex(before)} -> ${hex(after)}`;
}

const bitFlips: Mutation = ({ rng, img }) => {
  const b = img.bytes;
  if (b.length === 0) return null;
  const n = rng.range(1, 8);
  const layout = layoutOf(img);
  const rec = layout.records.length > 0 && rng.chance(0.5) ? rng.pick(layout.records) : null;
  const lo = rec ? rec.at : 0;
  const span = rec ? rec.size : b.length;
  const at: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = lo + rng.int(span);
    const bit = rng.int(8);
    b[p] = b[p]! ^ (1 << bit);
    at.push(`${hex(p)}.${bit}`);
  }
  img.layout = null;
  return `bit flips ${at.join(' ')}`;
};

const INTERESTING_BYTES = [
  0x00, 0x01, 0x02, 0x04, 0x0c, 0x0d, 0x0e, 0x0f, 0x21, 0x41, 0x7f, 0x80, 0x81, 0xa1, 0xfe, 0xff,
];
const byteSets: Mutation = ({ rng, img }) => {
  const b = img.bytes;
  if (b.length === 0) return null;
  const n = rng.range(1, 4);
  const at: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = rng.int(b.length);
    b[p] = rng.chance(0.7) ? rng.pick(INTERESTING_BYTES) : rng.int(256);
    at.push(`${hex(p)}=${hex(b[p]!)}`);
  }
  img.layout = null;
  return `byte sets ${at.join(' ')}`;
};

const truncate: Mutation = ({ rng, img }) => {
  const b = img.bytes;
  const layout = layoutOf(img);
  let cut: number;
  const mode = rng.int(4);
  if (mode === 0 && layout.records.length > 0) {
    const r = rng.pick(layout.records);
    cut = r.at + rng.pick([0, 1, 4, 8, 24, r.size - 4, r.size - 1, Math.floor(r.size / 2)]);
  } else if (mode === 1) cut = rng.chance(0.2) ? rng.int(FILE_HEADER) : FILE_HEADER + rng.int(CHUNK_HEADER + 64);
  else if (mode === 2 && layout.chunks.length > 0) cut = rng.pick(layout.chunks) + rng.range(1, CHUNK - 1);
  else cut = rng.int(b.length);
  cut = Math.max(0, Math.min(b.length, cut));
  setBytes(img, b.slice(0, cut));
  return `truncate to ${hex(cut)} of ${hex(b.length)}`;
};

const sizeFields: Mutation = (ctx) => rewrite(ctx, layoutOf(ctx.img).sizes, 'size field');
const offsetFields: Mutation = (ctx) => rewrite(ctx, layoutOf(ctx.img).offsets, 'offset field');

const chunkHeader: Mutation = (ctx) => {
  const { chunks } = layoutOf(ctx.img);
  if (chunks.length === 0) return null;
  const c = ctx.rng.pick(chunks);
  // Record numbers and ids (u64 @8..39), header size @40, last-record and free-space offsets, flags @120.
  const fields: Field[] = [8, 16, 24, 32].map((o) => ({ at: c + o, width: 8 as const }));
  fields.push({ at: c + 40, width: 4 }, { at: c + 44, width: 4 }, { at: c + 48, width: 4 }, { at: c + 120, width: 4 });
  const f = ctx.rng.pick(fields);
  if (f.width === 8) {
    const v = ctx.rng.pick([0n, 1n, 0xffffffffffffffffn, 0x7fffffffffffffffn, 1n << 53n, BigInt(ctx.rng.u32())]);
    writeField(ctx.img.bytes, f, v);
    return `chunk header u64 @${hex(f.at)} = ${v}`;
  }
  return rewrite(ctx, [f], 'chunk header');
};

const fileHeader: Mutation = ({ rng, img }) => {
  const b = img.bytes;
  if (b.length < 128) return null;
  // first/last chunk u64 @8/@16, next record id @24, header size u32 @32, minor/major @36/@38,
  // block size u16 @40, chunk count u16 @42, flags u32 @120; rarely the magic itself.
  const fields: Field[] = [
    { at: 8, width: 8 },
    { at: 16, width: 8 },
    { at: 24, width: 8 },
    { at: 32, width: 4 },
    { at: 36, width: 2 },
    { at: 38, width: 2 },
    { at: 40, width: 2 },
    { at: 42, width: 2 },
    { at: 120, width: 4 },
  ];
  if (rng.chance(0.03)) {
    b[rng.int(8)] ^= 0x20;
    return 'file magic damaged';
  }
  const f = rng.pick(fields);
  const v =
    f.width === 8
      ? rng.pick([0n, 0xffffffffffffffffn, BigInt(rng.int(0x10000))])
      : rng.pick([0, 1, 0xffff, 0xffffffff, rng.u32(), 3, 4]);
  writeField(b, f, v);
  return `file header @${hex(f.at)} = ${v}`;
};

const descriptors: Mutation = ({ rng, img }) => {
  const insts = layoutOf(img).instances.filter((i) => i.descriptors > 0);
  if (insts.length === 0) return null;
  const inst = rng.pick(insts);
  const b = img.bytes;
  const mode = rng.int(5);
  if (mode === 0) {
    const v = rng.pick([0, inst.count + 1, inst.count - 1, 0xffff, 0xffffffff, inst.count * 16, 0x10000]);
    writeField(b, { at: inst.countField, width: 4 }, v);
    img.layout = null;
    return `value count @${hex(inst.countField)}: ${inst.count} -> ${v >>> 0}`;
  }
  const j = rng.int(inst.descriptors);
  const d = descriptorAt(inst, j);
  if (mode <= 2) {
    const before = u16(b, d);
    const v = rng.pick([0, 1, 2, 3, 7, before + 1, before - 1, before * 2, 0xffff, 0x8000, rng.int(0x10000)]) & 0xffff;
    writeField(b, { at: d, width: 2 }, v);
    return `value size #${j} @${hex(d)}: ${before} -> ${v}`;
  }
  const before = b[d + 2]!;
  const t = rng.chance(0.7)
    ? rng.pick([
        0x00, 0x01, 0x02, 0x04, 0x08, 0x0a, 0x0d, 0x0e, 0x0f, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x21, 0x81, 0x84,
        0x88, 0x8a, 0x8f, 0x91, 0x92, 0x93, 0x94, 0xa1, 0x16, 0x22, 0x7f, 0xff,
      ])
    : rng.int(256);
  b[d + 2] = t;
  return `value type #${j} @${hex(d + 2)}: ${hex(before)} -> ${hex(t)}`;
};

const TOKENS = [
  0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x41, 0x45, 0x46,
  0x47, 0x48, 0x49, 0x10, 0x4c, 0xff,
];
const tokenBytes: Mutation = ({ rng, img }) => {
  const ranges = layoutOf(img).binxml.filter((r) => r.end > r.start);
  if (ranges.length === 0) return null;
  const r = rng.pick(ranges);
  const n = rng.range(1, 3);
  const at: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = r.start + rng.int(r.end - r.start);
    img.bytes[p] = rng.pick(TOKENS);
    at.push(`${hex(p)}=${hex(img.bytes[p]!)}`);
  }
  img.layout = null;
  return `token bytes ${at.join(' ')}`;
};

export {
  bitFlips,
  byteSets,
  truncate,
  sizeFields,
  offsetFields,
  chunkHeader,
  fileHeader,
  descriptors,
  tokenBytes,
  layoutOf,
  setBytes,
};
export type { Mutation };
