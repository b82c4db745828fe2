/**
 * Substitution value decoding (MS-EVEN6 2.2.12 value types; libevtx "Value types"), as Windows
 * renders them: decimal ints, `0x…` hex ints (not zero padded), `{UPPERCASE}` GUIDs, `S-1-…`
 * SIDs, FILETIME as ISO-8601 UTC with 7 fractional digits, Binary as uppercase hex.
 */
import { ansiValue, HEX2, hexBytes, utf16At, utf16Value } from '../text.js';
import { ARRAY_FLAG, ValueType } from '../types.js';
import type { ChunkContext } from './context.js';
import { BytesTextCache, U64TextCache } from './text-cache.js';

/** Seconds between 1601-01-01 and 1970-01-01. */
const EPOCH_DELTA_S = 11644473600;

/** Fixed element size of each base type, indexed by type code (0 = variable or none). */
export const FIXED_SIZE: Uint8Array = (() => {
  const t = new Uint8Array(256);
  const sizes: [number, number][] = [
    [0x03, 1],
    [0x04, 1],
    [0x05, 2],
    [0x06, 2],
    [0x07, 4],
    [0x08, 4],
    [0x09, 8],
    [0x0a, 8],
    [0x0b, 4],
    [0x0c, 8],
    [0x0d, 4],
    [0x0f, 16],
    [0x11, 8],
    [0x12, 16],
    [0x14, 4],
    [0x15, 8],
  ];
  for (const [type, size] of sizes) t[type] = size;
  return t;
})();

const hexCache = new U64TextCache(8);
const guidCache = new BytesTextCache(8, 16);
const sidCache = new BytesTextCache(8, 32);

export function hex64(v: DataView, off: number): string {
  const lo = v.getUint32(off, true);
  const hi = v.getUint32(off + 4, true);
  const slot = hexCache.slot(hi, lo);
  return (
    hexCache.get(slot, hi, lo) ??
    hexCache.set(
      slot,
      hi,
      lo,
      hi === 0 ? '0x' + lo.toString(16) : '0x' + hi.toString(16) + lo.toString(16).padStart(8, '0'),
    )
  );
}

function u64Text(v: DataView, off: number): string {
  const hi = v.getUint32(off + 4, true);
  return hi < 0x200000 ? String(hi * 4294967296 + v.getUint32(off, true)) : v.getBigUint64(off, true).toString();
}

/** FILETIME (two u32 halves, exact integer arithmetic) → `YYYY-MM-DDThh:mm:ss.fffffffZ`. */
export function filetimeText(ctx: ChunkContext | null, v: DataView, off: number): string {
  const lo = v.getUint32(off, true);
  const hi = v.getUint32(off + 4, true);
  // 2^32 = 429·10^7 + 4967296: keeps every intermediate below 2^53.
  const rem = hi * 4967296 + lo;
  const sec = hi * 429 + Math.floor(rem / 1e7);
  return filetimePrefix(ctx, sec) + '.' + String(rem % 1e7).padStart(7, '0') + 'Z';
}

/** FILETIME split into whole seconds since 1601 and 100 ns ticks within the second. */
export function filetimeParts(v: DataView, off: number): [sec: number, frac: number] {
  const lo = v.getUint32(off, true);
  const hi = v.getUint32(off + 4, true);
  const rem = hi * 4967296 + lo;
  return [hi * 429 + Math.floor(rem / 1e7), rem % 1e7];
}

/** `00`…`59`. */
const PAD2: readonly string[] = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
/** Last formatted day: `YYYY-MM-DDT` of day number `dayCache` (days since 1601-01-01). */
let dayCache = -1;
let dayText = '';

/**
 * `YYYY-MM-DDThh:mm:ss` of a FILETIME second, cached per chunk (records share few seconds). The
 * date part is formatted once per day (Date/toISOString was the costliest step of XML output);
 * the time of day is plain arithmetic. Every u64 FILETIME is within Date's range (year ≤ 60056).
 */
export function filetimePrefix(ctx: ChunkContext | null, sec: number): string {
  if (ctx !== null && ctx.timeCacheSec === sec) return ctx.timeCacheText;
  const day = Math.floor(sec / 86400);
  if (day !== dayCache) {
    const iso = new Date((day * 86400 - EPOCH_DELTA_S) * 1000).toISOString();
    dayText = iso.slice(0, iso.indexOf('T') + 1);
    dayCache = day;
  }
  const s = sec - day * 86400;
  const prefix = dayText + PAD2[Math.floor(s / 3600)]! + ':' + PAD2[Math.floor(s / 60) % 60]! + ':' + PAD2[s % 60]!;
  if (ctx !== null) {
    ctx.timeCacheSec = sec;
    ctx.timeCacheText = prefix;
  }
  return prefix;
}

/** SYSTEMTIME (8 × u16: year, month, weekday, day, hour, minute, second, ms) → ISO-8601 UTC, 7 digits. */
function systemtimeText(v: DataView, off: number): string {
  const p2 = (n: number): string => String(n).padStart(2, '0');
  const y = String(v.getUint16(off, true)).padStart(4, '0');
  return `${y}-${p2(v.getUint16(off + 2, true))}-${p2(v.getUint16(off + 6, true))}T${p2(v.getUint16(off + 8, true))}:${p2(
    v.getUint16(off + 10, true),
  )}:${p2(v.getUint16(off + 12, true))}.${String(v.getUint16(off + 14, true)).padStart(3, '0')}0000Z`;
}

export function guidText(b: Uint8Array, o: number): string {
  const slot = guidCache.slot(b, o, 16);
  return guidCache.get(slot, b, o, 16) ?? guidCache.set(slot, b, o, 16, formatGuid(b, o));
}

function formatGuid(b: Uint8Array, o: number): string {
  return (
    '{' +
    HEX2[b[o + 3]!]! +
    HEX2[b[o + 2]!]! +
    HEX2[b[o + 1]!]! +
    HEX2[b[o]!]! +
    '-' +
    HEX2[b[o + 5]!]! +
    HEX2[b[o + 4]!]! +
    '-' +
    HEX2[b[o + 7]!]! +
    HEX2[b[o + 6]!]! +
    '-' +
    HEX2[b[o + 8]!]! +
    HEX2[b[o + 9]!]! +
    '-' +
    hexBytes(b, o + 10, 6) +
    '}'
  );
}

/** SID: revision u8, sub-authority count u8, authority 48-bit big-endian, sub-authorities u32 LE. */
function sidText(b: Uint8Array, v: DataView, o: number, size: number): string | null {
  if (size < 8) return null;
  const n = b[o + 1]!;
  if (8 + n * 4 > size) return null;
  const len = 8 + n * 4;
  const slot = sidCache.slot(b, o, len);
  const known = sidCache.get(slot, b, o, len);
  if (known !== null) return known;
  const auth = v.getUint16(o + 2, false) * 4294967296 + v.getUint32(o + 4, false);
  let s = 'S-' + b[o]! + '-' + auth;
  for (let i = 0; i < n; i++) s += '-' + v.getUint32(o + 8 + i * 4, true);
  return sidCache.set(slot, b, o, len, s);
}

function floatText(x: number): string {
  return Number.isFinite(x) ? String(x) : x > 0 ? 'INF' : x < 0 ? '-INF' : 'NAN';
}

/**
 * One scalar value as display text (unescaped). Returns null when the type is unknown or the
 * size does not fit the type (the caller shows hex and records a warning).
 */
export function scalarText(
  ctx: ChunkContext | null,
  b: Uint8Array,
  v: DataView,
  off: number,
  size: number,
  type: number,
): string | null {
  const fixed = FIXED_SIZE[type & 0xff]!;
  if (size < fixed) return size === 0 ? '' : null;
  switch (type) {
    case ValueType.Null:
      return '';
    case ValueType.String:
      return utf16Value(b, off, size);
    case ValueType.AnsiString:
      return ansiValue(b, off, size);
    case ValueType.Int8:
      return String(v.getInt8(off));
    case ValueType.UInt8:
      return String(b[off]!);
    case ValueType.Int16:
      return String(v.getInt16(off, true));
    case ValueType.UInt16:
      return String(v.getUint16(off, true));
    case ValueType.Int32:
      return String(v.getInt32(off, true));
    case ValueType.UInt32:
      return String(v.getUint32(off, true));
    case ValueType.Int64:
      return v.getBigInt64(off, true).toString();
    case ValueType.UInt64:
      return u64Text(v, off);
    case ValueType.Real32:
      return floatText(Number(v.getFloat32(off, true).toPrecision(9)));
    case ValueType.Real64:
      return floatText(v.getFloat64(off, true));
    // Bool is a u32; real files hold values other than 0/1 (sample-with-irregular-bool-values).
    case ValueType.Bool:
      return v.getUint32(off, true) !== 0 ? 'true' : 'false';
    case ValueType.Binary:
      return hexBytes(b, off, size);
    case ValueType.Guid:
      return guidText(b, off);
    case ValueType.SizeT:
      if (size === 4) return '0x' + v.getUint32(off, true).toString(16);
      return size === 8 ? hex64(v, off) : null;
    case ValueType.FileTime:
      return filetimeText(ctx, v, off);
    case ValueType.SysTime:
      return systemtimeText(v, off);
    case ValueType.Sid:
      return sidText(b, v, off, size);
    case ValueType.HexInt32:
      return '0x' + v.getUint32(off, true).toString(16);
    case ValueType.HexInt64:
      return hex64(v, off);
    default:
      return null;
  }
}

/**
 * Split an array value (0x80 bit) into [offset, size] items: strings are NUL-separated
 * UTF-16 (ANSI: NUL bytes); SIDs carry their own length; fixed types split by element size.
 */
export function arrayItems(b: Uint8Array, off: number, size: number, type: number): number[] {
  const base = type & ~ARRAY_FLAG;
  const out: number[] = [];
  const end = off + size;
  if (base === ValueType.String) {
    let start = off;
    for (let i = off; i + 1 < end; i += 2) {
      if (b[i] === 0 && b[i + 1] === 0) {
        out.push(start, i - start);
        start = i + 2;
      }
    }
    if (start + 1 < end) out.push(start, (end - start) & ~1);
  } else if (base === ValueType.AnsiString) {
    let start = off;
    for (let i = off; i < end; i++) {
      if (b[i] === 0) {
        out.push(start, i - start);
        start = i + 1;
      }
    }
    if (start < end) out.push(start, end - start);
  } else if (base === ValueType.Sid) {
    for (let p = off; p + 8 <= end; ) {
      const len = 8 + b[p + 1]! * 4;
      if (p + len > end) break;
      out.push(p, len);
      p += len;
    }
  } else {
    const el = base === ValueType.SizeT ? 8 : FIXED_SIZE[base & 0xff]!;
    if (el > 0) for (let p = off; p + el <= end; p += el) out.push(p, el);
  }
  return out;
}

/** Display text of a value of any type; unknown types become hex and push a warning. */
export function valueText(
  ctx: ChunkContext | null,
  b: Uint8Array,
  v: DataView,
  off: number,
  size: number,
  type: number,
  warnings: string[],
): string {
  if (type & ARRAY_FLAG) {
    const items = arrayItems(b, off, size, type);
    const parts: string[] = [];
    for (let i = 0; i < items.length; i += 2)
      parts.push(valueText(ctx, b, v, items[i]!, items[i + 1]!, type & ~ARRAY_FLAG, warnings));
    return parts.join(', ');
  }
  const s = scalarText(ctx, b, v, off, size, type);
  if (s !== null) return s;
  warnings.push(`value type 0x${type.toString(16)} (${size} bytes) at 0x${off.toString(16)} shown as hex`);
  return hexBytes(b, off, size);
}

/** UTF-16 text of a string value regardless of trailing NULs (for callers that need raw text). */
export function rawUtf16(b: Uint8Array, off: number, size: number): string {
  return utf16At(b, off, size >>> 1);
}
