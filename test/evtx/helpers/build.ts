/**
 * Tiny writers that build EVTX bytes by hand for unit tests: file header, chunks (with correct
 * or broken checksums), records, and BinXml streams whose names and templates are written
 * inline at their chunk offsets.
 */
import { crc32 } from '../../../src/evtx/crc32.js';

export class Bytes {
  readonly a: number[] = [];
  /** Chunk-relative offset of the first byte. */
  constructor(readonly base = 0) {}
  get pos(): number {
    return this.base + this.a.length;
  }
  u8(...v: number[]): this {
    for (const x of v) this.a.push(x & 0xff);
    return this;
  }
  u16(v: number): this {
    return this.u8(v, v >> 8);
  }
  u32(v: number): this {
    return this.u8(v, v >> 8, v >> 16, v >>> 24);
  }
  u64(v: bigint): this {
    for (let i = 0n; i < 8n; i++) this.a.push(Number((v >> (8n * i)) & 0xffn));
    return this;
  }
  raw(b: ArrayLike<number>): this {
    for (let i = 0; i < b.length; i++) this.a.push(b[i]!);
    return this;
  }
  utf16(s: string): this {
    for (let i = 0; i < s.length; i++) this.u16(s.charCodeAt(i));
    return this;
  }
  bytes(): Uint8Array {
    return Uint8Array.from(this.a);
  }
}

/** BinXml writer: names inline at first use, reused by offset afterwards. */
export class BinXml extends Bytes {
  private names = new Map<string, number>();
  constructor(base: number, shared?: Map<string, number>) {
    super(base);
    if (shared) this.names = shared;
  }
  name(s: string): this {
    const known = this.names.get(s);
    if (known !== undefined) return this.u32(known);
    const at = this.pos + 4;
    this.names.set(s, at);
    return this.u32(at).u32(0).u16(0).u16(s.length).utf16(s).u16(0);
  }
  fragment(): this {
    return this.u8(0x0f, 1, 1, 0);
  }
  /** Open element; `dep` writes the dependency id (template definitions). */
  open(name: string, attrs: boolean, dep = true): this {
    this.u8(attrs ? 0x41 : 0x01);
    if (dep) this.u16(0xffff);
    this.u32(0);
    this.name(name);
    if (attrs) this.u32(0);
    return this;
  }
  attr(name: string, more = false): this {
    return this.u8(more ? 0x46 : 0x06).name(name);
  }
  text(s: string, more = false): this {
    return this.u8(more ? 0x45 : 0x05, 0x01)
      .u16(s.length)
      .utf16(s);
  }
  sub(slot: number, type: number, optional = false): this {
    return this.u8(optional ? 0x0e : 0x0d)
      .u16(slot)
      .u8(type);
  }
  closeStart(): this {
    return this.u8(0x02);
  }
  closeEmpty(): this {
    return this.u8(0x03);
  }
  end(): this {
    return this.u8(0x04);
  }
  eof(): this {
    return this.u8(0x00);
  }
}

/** A value for a template instance: type code and raw bytes. */
export interface Val {
  type: number;
  bytes: ArrayLike<number>;
}

/**
 * Template instance at `w.pos`: defines the template inline the first time (`body` writes the
 * definition's element stream), or refers to `defOffset` when given.
 */
export function templateInstance(w: BinXml, values: Val[], body: ((d: BinXml) => void) | number): number {
  w.u8(0x0c, 0x01).u32(0x1234);
  let defOffset: number;
  if (typeof body === 'number') {
    defOffset = body;
    w.u32(defOffset);
  } else {
    defOffset = w.pos + 4;
    w.u32(defOffset);
    const def = new BinXml(defOffset + 24, (w as unknown as { names: Map<string, number> }).names);
    def.fragment();
    body(def);
    def.eof();
    w.u32(0).raw(new Array(16).fill(0xaa)).u32(def.a.length).raw(def.a);
  }
  w.u32(values.length);
  for (const v of values) w.u16(v.bytes.length).u8(v.type, 0);
  for (const v of values) w.raw(v.bytes);
  return defOffset;
}

/** Record bytes at chunk offset `at`: `data(w)` writes the BinXml (given the chunk offset of its start). */
export function record(
  at: number,
  id: bigint,
  data: (w: BinXml) => void,
  opts: { sizeCopy?: number; filetime?: bigint } = {},
): Uint8Array {
  const w = new BinXml(at + 24);
  data(w);
  const size = 24 + w.a.length + 4;
  const r = new Bytes()
    .u32(0x2a2a)
    .u32(size)
    .u64(id)
    .u64(opts.filetime ?? 131000000000000000n)
    .raw(w.a)
    .u32(opts.sizeCopy ?? size);
  return r.bytes();
}

/** A 64 KiB chunk holding `records` back to back from offset 512, with valid checksums unless told. */
export function chunk(
  records: Uint8Array[],
  opts: { firstId?: bigint; badHeaderCrc?: boolean; badDataCrc?: boolean; slack?: Uint8Array } = {},
): Uint8Array {
  const c = new Uint8Array(65536);
  c.set([0x45, 0x6c, 0x66, 0x43, 0x68, 0x6e, 0x6b, 0x00]);
  let pos = 512;
  let last = 512;
  for (const r of records) {
    c.set(r, pos);
    last = pos;
    pos += r.length;
  }
  if (opts.slack) c.set(opts.slack, pos);
  const v = new DataView(c.buffer);
  const first = opts.firstId ?? 1n;
  v.setBigUint64(8, first, true);
  v.setBigUint64(16, first + BigInt(Math.max(0, records.length - 1)), true);
  v.setBigUint64(24, first, true);
  v.setBigUint64(32, first + BigInt(Math.max(0, records.length - 1)), true);
  v.setUint32(40, 128, true);
  v.setUint32(44, last, true);
  v.setUint32(48, pos, true);
  v.setUint32(52, (crc32(c, 512, pos) ^ (opts.badDataCrc ? 1 : 0)) >>> 0, true);
  v.setUint32(124, (crc32(c, 128, 512, crc32(c, 0, 120)) ^ (opts.badHeaderCrc ? 1 : 0)) >>> 0, true);
  return c;
}

/** File header + chunks. `chunkCount` overrides the header's (stale) count. */
export function evtxFile(chunks: Uint8Array[], opts: { chunkCount?: number; flags?: number } = {}): Uint8Array {
  const f = new Uint8Array(4096 + chunks.length * 65536);
  f.set([0x45, 0x6c, 0x66, 0x46, 0x69, 0x6c, 0x65, 0x00]);
  const v = new DataView(f.buffer);
  v.setUint32(32, 128, true);
  v.setUint16(36, 1, true);
  v.setUint16(38, 3, true);
  v.setUint16(40, 4096, true);
  v.setUint16(42, opts.chunkCount ?? chunks.length, true);
  v.setUint32(120, opts.flags ?? 0, true);
  v.setUint32(124, crc32(f, 0, 120), true);
  chunks.forEach((c, i) => f.set(c, 4096 + i * 65536));
  return f;
}
