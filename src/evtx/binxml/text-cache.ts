/**
 * Small direct-mapped caches of value texts by their bytes: GUIDs, SIDs and 64-bit hex values
 * repeat from record to record (provider GUIDs, well-known SIDs, keywords, logon ids), and
 * comparing a few bytes costs less than formatting the text again.
 */

/** Texts of byte strings up to `maxLen` bytes, `2^bits` slots. */
export class BytesTextCache {
  private readonly keys: Uint8Array;
  private readonly lens: Int32Array;
  private readonly texts: (string | null)[];
  private readonly mask: number;

  constructor(
    bits: number,
    private readonly maxLen: number,
  ) {
    const slots = 1 << bits;
    this.mask = slots - 1;
    this.keys = new Uint8Array(slots * maxLen);
    this.lens = new Int32Array(slots).fill(-1);
    this.texts = new Array<string | null>(slots).fill(null);
  }

  /**
   * Slot of the `n` bytes at `b[o]`: a hash of the length and of a few bytes at each end and in
   * the middle (texts that differ elsewhere only share a slot; `get` compares every byte).
   */
  slot(b: Uint8Array, o: number, n: number): number {
    let h = Math.imul(0x811c9dc5 ^ n, 0x01000193);
    if (n >= 8) {
      const m = o + (n >> 1);
      const e = o + n;
      h = Math.imul(h ^ (b[o]! | (b[o + 2]! << 8) | (b[o + 4]! << 16) | (b[o + 6]! << 24)), 0x01000193);
      h = Math.imul(h ^ (b[m - 1]! | (b[m]! << 8) | (b[m + 1]! << 16) | (b[m + 2]! << 24)), 0x01000193);
      h = Math.imul(h ^ (b[e - 8]! | (b[e - 6]! << 8) | (b[e - 4]! << 16) | (b[e - 2]! << 24)), 0x01000193);
      h = Math.imul(h ^ (b[o + 1]! | (b[e - 1]! << 8) | (b[e - 3]! << 16) | (b[m - 2]! << 24)), 0x01000193);
    } else for (let i = o; i < o + n; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
    return (h ^ (h >>> 15)) & this.mask;
  }

  /** The text kept in `slot` for these bytes, or null. */
  get(slot: number, b: Uint8Array, o: number, n: number): string | null {
    if (this.lens[slot] !== n) return null;
    const k = this.keys;
    const at = slot * this.maxLen;
    for (let i = 0; i < n; i++) if (k[at + i] !== b[o + i]) return null;
    return this.texts[slot]!;
  }

  /** Keep `text` for the bytes (ignored when longer than `maxLen`); returns `text`. */
  set(slot: number, b: Uint8Array, o: number, n: number, text: string): string {
    if (n > this.maxLen) return text;
    const at = slot * this.maxLen;
    for (let i = 0; i < n; i++) this.keys[at + i] = b[o + i]!;
    this.lens[slot] = n;
    this.texts[slot] = text;
    return text;
  }
}

/** Texts of 64-bit values given as two u32 halves. */
export class U64TextCache {
  private readonly his: Uint32Array;
  private readonly los: Uint32Array;
  private readonly texts: (string | null)[];
  private readonly mask: number;

  constructor(bits: number) {
    const slots = 1 << bits;
    this.mask = slots - 1;
    this.his = new Uint32Array(slots);
    this.los = new Uint32Array(slots);
    this.texts = new Array<string | null>(slots).fill(null);
  }

  slot(hi: number, lo: number): number {
    const h = Math.imul(hi ^ Math.imul(lo, 0x9e3779b1), 0x85ebca6b);
    return (h ^ (h >>> 16)) & this.mask;
  }

  get(slot: number, hi: number, lo: number): string | null {
    return this.his[slot] === hi && this.los[slot] === lo ? this.texts[slot]! : null;
  }

  set(slot: number, hi: number, lo: number, text: string): string {
    this.his[slot] = hi;
    this.los[slot] = lo;
    this.texts[slot] = text;
    return text;
  }
}
