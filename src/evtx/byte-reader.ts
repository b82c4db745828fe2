/**
 * Labelled, bounds-checked little-endian reads over a Uint8Array. A read past the end throws
 * a TruncatedError saying what was read, where, and how much was missing.
 */
import { TruncatedError } from './errors.js';

export class ByteReader {
  readonly view: DataView;
  /** Absolute offset of `bytes[0]` in the file, for messages. */
  readonly base: number;

  constructor(
    readonly bytes: Uint8Array,
    base = 0,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.base = base;
  }

  get length(): number {
    return this.bytes.length;
  }

  /** Throws unless `size` bytes are available at `offset`. */
  need(offset: number, size: number, what: string): void {
    if (offset < 0 || size < 0 || offset + size > this.bytes.length) {
      const have = Math.max(0, this.bytes.length - Math.max(0, offset));
      throw new TruncatedError(
        `${what} truncated at 0x${(this.base + offset).toString(16)} (need ${size}, have ${have})`,
        this.base + offset,
      );
    }
  }

  u8(offset: number, what: string): number {
    this.need(offset, 1, what);
    return this.bytes[offset]!;
  }

  u16(offset: number, what: string): number {
    this.need(offset, 2, what);
    return this.view.getUint16(offset, true);
  }

  u32(offset: number, what: string): number {
    this.need(offset, 4, what);
    return this.view.getUint32(offset, true);
  }

  u64(offset: number, what: string): bigint {
    this.need(offset, 8, what);
    return this.view.getBigUint64(offset, true);
  }

  /** ASCII text of `size` bytes (magic signatures). */
  ascii(offset: number, size: number, what: string): string {
    this.need(offset, size, what);
    let s = '';
    for (let i = 0; i < size; i++) s += String.fromCharCode(this.bytes[offset + i]!);
    return s;
  }
}
