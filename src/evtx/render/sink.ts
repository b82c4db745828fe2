/**
 * A growable UTF-8 output buffer and the writers the XML renderer uses: UTF-16LE and
 * windows-1252 values transcoded and escaped in one pass, ASCII text, decimal and hex numbers.
 * Rendering into bytes avoids building, joining and re-encoding JavaScript strings.
 */
/** Char codes of uppercase hex digits. */
const HEX_CODES = Uint8Array.from('0123456789ABCDEF', (c) => c.charCodeAt(0));
/** Char codes of lowercase hex digits (hex integers as Windows writes them). */
const LOWER_HEX = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/** "00" … "99" as char codes, two per number. */
const PAIRS = Uint8Array.from({ length: 200 }, (_, i) => 0x30 + (i & 1 ? (i >> 1) % 10 : ((i >> 1) / 10) | 0));

function decimalDigits(v: number): number {
  let d = 6;
  for (let x = Math.floor(v / 1000000); x >= 1; x = Math.floor(x / 10)) d++;
  return d;
}

/** Byte order of a GUID's text (first three fields little-endian); -1 = dash. */
const GUID_ORDER = Int8Array.from([3, 2, 1, 0, -1, 5, 4, -1, 7, 6, -1, 8, 9, -1, 10, 11, 12, 13, 14, 15]);

/** windows-1252 code points for bytes 0x80–0x9F. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** 1 for ASCII codes written as-is in text; 0 for `& < > "` and controls other than tab. */
const PLAIN = Uint8Array.from({ length: 128 }, (_, c) =>
  c === 0x22 || c === 0x26 || c === 0x3c || c === 0x3e || (c < 0x20 && c !== 0x09) ? 0 : 1,
);

export class ByteSink {
  buf: Buffer;
  pos = 0;

  constructor(size = 1 << 16) {
    this.buf = Buffer.allocUnsafe(size);
  }

  /** Make room for `n` more bytes. */
  ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n + 1024));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  bytes(b: Uint8Array): void {
    const n = b.length;
    if (this.pos + n > this.buf.length) this.ensure(n);
    const o = this.buf;
    let p = this.pos;
    if (n < 32) for (let i = 0; i < n; i++) o[p++] = b[i]!;
    else {
      o.set(b, p);
      p += n;
    }
    this.pos = p;
  }

  byte(c: number): void {
    if (this.pos >= this.buf.length) this.ensure(1);
    this.buf[this.pos++] = c;
  }

  /** Text known to be ASCII (numbers, GUIDs, SIDs, times, hex). */
  ascii(s: string): void {
    const n = s.length;
    if (this.pos + n > this.buf.length) this.ensure(n);
    const o = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) o[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** Unsigned integer below 2^53 in decimal. */
  uint(v: number): void {
    if (this.pos + 16 > this.buf.length) this.ensure(16);
    const o = this.buf;
    if (v < 10) {
      o[this.pos++] = 0x30 + v;
      return;
    }
    const digits = v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : v < 100000 ? 5 : decimalDigits(v);
    let p = this.pos + digits;
    this.pos = p;
    let x = v;
    // Above 2^31 one digit at a time in floating point; then two at a time from the pair table.
    while (x >= 0x80000000) {
      const q = Math.floor(x / 10);
      o[--p] = 0x30 + (x - q * 10);
      x = q;
    }
    while (x >= 100) {
      const q = (x / 100) | 0;
      const r = (x - q * 100) * 2;
      o[--p] = PAIRS[r + 1]!;
      o[--p] = PAIRS[r]!;
      x = q;
    }
    if (x >= 10) {
      o[--p] = PAIRS[x * 2 + 1]!;
      o[--p] = PAIRS[x * 2]!;
    } else o[--p] = 0x30 + x;
  }

  /** `0x` + lowercase hex of an unsigned value below 2^32, not zero padded. */
  hex32(v: number, pad = false): void {
    if (this.pos + 10 > this.buf.length) this.ensure(10);
    const o = this.buf;
    let digits = 1;
    if (pad) digits = 8;
    else for (let x = v >>> 4; x !== 0; x >>>= 4) digits++;
    let p = this.pos + digits;
    this.pos = p;
    for (let x = v; p > this.pos - digits; x >>>= 4) o[--p] = LOWER_HEX[x & 15]!;
  }

  /** Seven-digit fraction of a FILETIME second and the closing `Z`. */
  fraction7(frac: number): void {
    if (this.pos + 9 > this.buf.length) this.ensure(9);
    const o = this.buf;
    o[this.pos] = 0x2e;
    let p = this.pos + 8;
    for (let x = frac, k = 0; k < 7; k++, x = Math.floor(x / 10)) o[--p] = 0x30 + (x % 10);
    o[this.pos + 8] = 0x5a;
    this.pos += 9;
  }

  /** Bytes as uppercase hex (Binary values). */
  hex(b: Uint8Array, off: number, len: number): void {
    if (this.pos + len * 2 > this.buf.length) this.ensure(len * 2);
    const o = this.buf;
    let p = this.pos;
    for (let i = off, end = off + len; i < end; i++) {
      const x = b[i]!;
      o[p++] = HEX_CODES[x >> 4]!;
      o[p++] = HEX_CODES[x & 15]!;
    }
    this.pos = p;
  }

  /** GUID `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}`: first three fields little-endian. */
  guid(b: Uint8Array, o: number): void {
    if (this.pos + 38 > this.buf.length) this.ensure(38);
    const out = this.buf;
    let p = this.pos;
    out[p++] = 0x7b;
    for (let k = 0; k < GUID_ORDER.length; k++) {
      const i = GUID_ORDER[k]!;
      if (i < 0) {
        out[p++] = 0x2d;
        continue;
      }
      const x = b[o + i]!;
      out[p++] = HEX_CODES[x >> 4]!;
      out[p++] = HEX_CODES[x & 15]!;
    }
    out[p++] = 0x7d;
    this.pos = p;
  }

  /** Escape sequence for an ASCII char that is not plain. */
  private escape(p: number, c: number): number {
    const s = c === 0x26 ? '&amp;' : c === 0x3c ? '&lt;' : c === 0x3e ? '&gt;' : c === 0x22 ? '&quot;' : `&#${c};`;
    for (let i = 0; i < s.length; i++) this.buf[p++] = s.charCodeAt(i);
    return p;
  }

  /**
   * UTF-16LE value → escaped UTF-8. Trailing NULs dropped; surrogate pairs combined; an
   * unpaired surrogate becomes U+FFFD (as encoding the decoded string would).
   */
  utf16(b: Uint8Array, off: number, bytes: number, view: DataView | null = null): void {
    let chars = bytes >>> 1;
    while (chars > 0 && b[off + chars * 2 - 2] === 0 && b[off + chars * 2 - 1] === 0) chars--;
    if (this.pos + chars * 6 > this.buf.length) this.ensure(chars * 6);
    const o = this.buf;
    let p = this.pos;
    let i = 0;
    if (view !== null) {
      // Two code units per read while both are plain ASCII (most values are).
      for (; i + 1 < chars; i += 2) {
        const w: number = view.getUint32(off + i * 2, true);
        if ((w & 0xff80ff80) !== 0) break;
        const c0 = w & 0x7f;
        const c1 = (w >>> 16) & 0x7f;
        if (PLAIN[c0] === 0 || PLAIN[c1] === 0) break;
        o[p++] = c0;
        o[p++] = c1;
      }
    }
    for (; i < chars; i++) {
      const at = off + i * 2;
      const c = b[at]! | (b[at + 1]! << 8);
      if (c < 0x80) {
        if (PLAIN[c] === 1) o[p++] = c;
        else p = this.escape(p, c);
      } else if (c < 0x800) {
        o[p++] = 0xc0 | (c >> 6);
        o[p++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const d = i + 1 < chars ? b[at + 2]! | (b[at + 3]! << 8) : 0;
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          o[p++] = 0xf0 | (cp >> 18);
          o[p++] = 0x80 | ((cp >> 12) & 0x3f);
          o[p++] = 0x80 | ((cp >> 6) & 0x3f);
          o[p++] = 0x80 | (cp & 0x3f);
          i++;
        } else {
          o[p++] = 0xef;
          o[p++] = 0xbf;
          o[p++] = 0xbd;
        }
      } else {
        o[p++] = 0xe0 | (c >> 12);
        o[p++] = 0x80 | ((c >> 6) & 0x3f);
        o[p++] = 0x80 | (c & 0x3f);
      }
    }
    this.pos = p;
  }

  /** windows-1252 value → escaped UTF-8; trailing NULs dropped. */
  ansi(b: Uint8Array, off: number, bytes: number): void {
    let end = off + bytes;
    while (end > off && b[end - 1] === 0) end--;
    if (this.pos + (end - off) * 6 > this.buf.length) this.ensure((end - off) * 6);
    const o = this.buf;
    let p = this.pos;
    for (let i = off; i < end; i++) {
      const x = b[i]!;
      const c = x >= 0x80 && x < 0xa0 ? CP1252_HIGH[x - 0x80]! : x;
      if (c < 0x80) {
        if (PLAIN[c] === 1) o[p++] = c;
        else p = this.escape(p, c);
      } else if (c < 0x800) {
        o[p++] = 0xc0 | (c >> 6);
        o[p++] = 0x80 | (c & 0x3f);
      } else {
        o[p++] = 0xe0 | (c >> 12);
        o[p++] = 0x80 | ((c >> 6) & 0x3f);
        o[p++] = 0x80 | (c & 0x3f);
      }
    }
    this.pos = p;
  }

  /** Detach the written bytes (the sink starts a new buffer). */
  take(): Buffer {
    const out = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(this.buf.length);
    this.pos = 0;
    return out;
  }

  /** The written bytes as a string; the sink is reset for reuse. */
  text(start = 0): string {
    const s = this.buf.toString('utf8', start, this.pos);
    this.pos = start;
    return s;
  }
}
