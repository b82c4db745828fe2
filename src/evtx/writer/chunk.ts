/**
 * One 64 KiB chunk being filled: header (512 bytes), string table (64 buckets), template table
 * (32 buckets), records. Layout: libevtx "Windows XML Event Log (EVTX)" §2.3–2.5, MS-EVEN6 BinXml.
 * Names and templates are stored once per chunk: the first use writes them inline where the
 * offset points, later uses reference that offset (all offsets chunk-relative).
 */
import { CHUNK_HEADER_SIZE, CHUNK_MAGIC, CHUNK_SIZE, RECORD_MAGIC, Token, ValueType } from '../types.js';
import { crc32 } from '../crc32.js';
import type { CompiledTemplate, Instance } from './event-spec.js';
import { dependencyId, type TemplateContent, type TemplateElement } from './template.js';
import { valueSize, writeUtf16, writeValue, type TypedValue } from './values.js';

/** Thrown inside the encoder when a record does not fit; the chunk rolls back. */
class ChunkFull extends Error {}

type Undo = { table: 'name' | 'template'; key: string; bucket: number; prev: number };

/** Name hash: h = h * 65599 + code unit over the UTF-16 name, low 16 bits kept (libevtx §4.4). */
export function nameHash(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (Math.imul(h, 65599) + name.charCodeAt(i)) >>> 0;
  return h & 0xffff;
}

export class ChunkBuilder {
  readonly buf = new Uint8Array(CHUNK_SIZE);
  private readonly dv = new DataView(this.buf.buffer);
  private pos = CHUNK_HEADER_SIZE;
  private readonly names = new Map<string, number>();
  private readonly templates = new Map<string, number>();
  private readonly stringBuckets = new Uint32Array(64);
  private readonly templateBuckets = new Uint32Array(32);
  private undo: Undo[] = [];
  private lastRecordOffset = 0;
  firstRecordId: bigint | null = null;
  lastRecordId: bigint | null = null;
  count = 0;

  /** Append one record; false (and nothing changed) when it does not fit in this chunk. */
  tryAppend(recordId: bigint, written: bigint, inst: Instance): boolean {
    const start = this.pos;
    this.undo = [];
    try {
      this.u32(RECORD_MAGIC);
      this.u32(0);
      this.u64(recordId);
      this.u64(written);
      this.fragmentHeader();
      this.templateInstance(inst);
      this.u8(Token.EOF);
      while ((this.pos - start + 4) % 8 !== 0) this.u8(0);
      const size = this.pos - start + 4;
      this.u32(size);
      this.dv.setUint32(start + 4, size, true);
    } catch (e) {
      if (!(e instanceof ChunkFull)) throw e;
      this.rollback(start);
      return false;
    }
    this.lastRecordOffset = start;
    this.firstRecordId ??= recordId;
    this.lastRecordId = recordId;
    this.count++;
    return true;
  }

  /** Write the header fields and CRCs; returns the 64 KiB chunk. */
  finish(): Uint8Array {
    const { buf, dv } = this;
    for (let i = 0; i < 8; i++) buf[i] = CHUNK_MAGIC.charCodeAt(i);
    const first = this.firstRecordId ?? 0n;
    const last = this.lastRecordId ?? 0n;
    dv.setBigUint64(8, first, true); // first event record number
    dv.setBigUint64(16, last, true); // last event record number
    dv.setBigUint64(24, first, true); // first event record identifier
    dv.setBigUint64(32, last, true); // last event record identifier
    dv.setUint32(40, 128, true); // header size
    dv.setUint32(44, this.lastRecordOffset, true);
    dv.setUint32(48, this.pos, true); // free space offset
    dv.setUint32(52, crc32(buf, CHUNK_HEADER_SIZE, this.pos), true);
    dv.setUint32(120, 1, true); // flags: 1 in every chunk of the corpus
    for (let i = 0; i < 64; i++) dv.setUint32(128 + 4 * i, this.stringBuckets[i]!, true);
    for (let i = 0; i < 32; i++) dv.setUint32(384 + 4 * i, this.templateBuckets[i]!, true);
    const hcrc = crc32(buf, 128, CHUNK_HEADER_SIZE, crc32(buf, 0, 120));
    dv.setUint32(124, hcrc, true);
    return buf;
  }

  private rollback(start: number): void {
    for (let i = this.undo.length - 1; i >= 0; i--) {
      const u = this.undo[i]!;
      if (u.table === 'name') {
        this.names.delete(u.key);
        this.stringBuckets[u.bucket] = u.prev;
      } else {
        this.templates.delete(u.key);
        this.templateBuckets[u.bucket] = u.prev;
      }
    }
    this.buf.fill(0, start, this.pos);
    this.pos = start;
  }

  /**
   * Records end before the chunk's last 8 bytes: libevtx 20181227 drops a record that ends exactly
   * at 65536 (free-space offset = chunk size), so a chunk is never filled to the brim.
   */
  private need(n: number): void {
    if (this.pos + n > CHUNK_SIZE - 8) throw new ChunkFull();
  }
  private u8(x: number): void {
    this.need(1);
    this.buf[this.pos++] = x;
  }
  private u16(x: number): void {
    this.need(2);
    this.dv.setUint16(this.pos, x, true);
    this.pos += 2;
  }
  private u32(x: number): void {
    this.need(4);
    this.dv.setUint32(this.pos, x >>> 0, true);
    this.pos += 4;
  }
  private u64(x: bigint): void {
    this.need(8);
    this.dv.setBigUint64(this.pos, x, true);
    this.pos += 8;
  }

  private fragmentHeader(): void {
    this.u8(Token.FragmentHeader);
    this.u8(1);
    this.u8(1);
    this.u8(0);
  }

  /** 0x0C, 0x01, template id, definition offset [, inline definition], values. */
  private templateInstance(inst: Instance): void {
    const tpl = inst.template;
    this.u8(Token.TemplateInstance);
    this.u8(1);
    this.u32(tpl.id);
    const known = this.templates.get(tpl.key);
    if (known !== undefined) this.u32(known);
    else this.templateDefinition(tpl);
    this.values(inst.values);
  }

  private templateDefinition(tpl: CompiledTemplate): void {
    const at = this.pos + 4;
    this.u32(at);
    const bucket = tpl.id % 32;
    this.undo.push({ table: 'template', key: tpl.key, bucket, prev: this.templateBuckets[bucket]! });
    this.u32(this.templateBuckets[bucket]!); // next definition in the same bucket
    this.templateBuckets[bucket] = at;
    this.templates.set(tpl.key, at);
    this.need(16);
    this.buf.set(tpl.guid, this.pos);
    this.pos += 16;
    const sizeAt = this.pos;
    this.u32(0);
    this.fragmentHeader();
    this.element(tpl.tree);
    this.u8(Token.EOF);
    this.dv.setUint32(sizeAt, this.pos - sizeAt - 4, true);
  }

  private element(el: TemplateElement): void {
    const hasAttrs = el.attrs.length > 0;
    this.u8(hasAttrs ? Token.OpenStartElement | 0x40 : Token.OpenStartElement);
    this.u16(dependencyId(el));
    const sizeAt = this.pos;
    this.u32(0);
    this.nameRef(el.name);
    if (hasAttrs) {
      const attrSizeAt = this.pos;
      this.u32(0);
      el.attrs.forEach((a, i) => {
        this.u8(i < el.attrs.length - 1 ? Token.Attribute | 0x40 : Token.Attribute);
        this.nameRef(a.name);
        this.content(a.value);
      });
      this.dv.setUint32(attrSizeAt, this.pos - attrSizeAt - 4, true);
    }
    if (el.children.length === 0) this.u8(Token.CloseEmptyElement);
    else {
      this.u8(Token.CloseStartElement);
      for (const c of el.children) this.content(c);
      this.u8(Token.EndElement);
    }
    this.dv.setUint32(sizeAt, this.pos - sizeAt - 4, true);
  }

  private content(c: TemplateContent): void {
    if (c.kind === 'element') return this.element(c);
    if (c.kind === 'text') {
      this.u8(Token.Value);
      this.u8(ValueType.String);
      this.u16(c.text.length);
      this.need(c.text.length * 2);
      this.pos = writeUtf16(this.buf, this.pos, c.text);
      return;
    }
    this.u8(c.optional ? Token.OptionalSubstitution : Token.NormalSubstitution);
    this.u16(c.index);
    this.u8(c.type);
  }

  /** Name offset; the first use in the chunk stores the name inline (next, hash, length, UTF-16, NUL). */
  private nameRef(name: string): void {
    const known = this.names.get(name);
    if (known !== undefined) return this.u32(known);
    const at = this.pos + 4;
    this.u32(at);
    const hash = nameHash(name);
    const bucket = hash % 64;
    this.undo.push({ table: 'name', key: name, bucket, prev: this.stringBuckets[bucket]! });
    this.u32(this.stringBuckets[bucket]!);
    this.stringBuckets[bucket] = at;
    this.names.set(name, at);
    this.u16(hash);
    this.u16(name.length);
    this.need(name.length * 2 + 2);
    this.pos = writeUtf16(this.buf, this.pos, name);
    this.u16(0);
  }

  /** Value count, descriptors (size u16, type u8, 0), then the data; nested BinXml sized after writing. */
  private values(values: TypedValue[]): void {
    this.u32(values.length);
    const descAt = this.pos;
    this.need(values.length * 4);
    this.pos += values.length * 4;
    values.forEach((val, i) => {
      const start = this.pos;
      if (val.type === ValueType.BinXml) {
        this.fragmentHeader();
        this.templateInstance(val.value as Instance);
        this.u8(Token.EOF);
      } else {
        const n = valueSize(val);
        this.need(n);
        this.pos = writeValue(this.buf, this.dv, this.pos, val);
      }
      const size = this.pos - start;
      if (size > 0xffff) throw new RangeError(`substitution value ${i} is ${size} bytes (max 65535)`);
      this.dv.setUint16(descAt + 4 * i, size, true);
      this.buf[descAt + 4 * i + 2] = val.type;
      this.buf[descAt + 4 * i + 3] = 0;
    });
  }
}
