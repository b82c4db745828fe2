/**
 * Text helpers of the hot path: UTF-16LE decoding on buffer views (no copies), XML escaping,
 * hex and windows-1252 tables.
 */

import { BytesTextCache } from './binxml/text-cache.js';

/** Strings up to this many chars are built char by char (cheaper than a native call). */
const SHORT_STRING = 8;

/**
 * Decode `chars` UTF-16LE code units at `offset` without copying the bytes. Unpaired
 * surrogates become U+FFFD, as in the UTF-8 XML output (never throws; issue_43.evtx record 508).
 */
export function utf16At(b: Uint8Array, offset: number, chars: number): string {
  let s: string;
  if (chars <= SHORT_STRING) {
    s = '';
    for (let i = offset, end = offset + chars * 2; i < end; i += 2) s += String.fromCharCode(b[i]! | (b[i + 1]! << 8));
  } else {
    const buf = b instanceof Buffer ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
    s = buf.toString('utf16le', offset, offset + chars * 2);
  }
  const w = s as unknown as WellFormed;
  return w.isWellFormed() ? s : w.toWellFormed();
}

/** ES2024 String methods (Node ≥ 20). */
interface WellFormed {
  isWellFormed(): boolean;
  toWellFormed(): string;
}

/** Short string values by their bytes: names, domains, `-`… repeat, and making a string costs more than a look-up. */
const valueCache = new BytesTextCache(10, 64);

/** UTF-16LE string value: trailing NULs dropped (Windows stores a terminator in many values). */
export function utf16Value(b: Uint8Array, offset: number, bytes: number): string {
  let chars = bytes >>> 1;
  while (chars > 0 && b[offset + chars * 2 - 2] === 0 && b[offset + chars * 2 - 1] === 0) chars--;
  const n = chars * 2;
  if (n > 64) return utf16At(b, offset, chars);
  const slot = valueCache.slot(b, offset, n);
  return valueCache.get(slot, b, offset, n) ?? valueCache.set(slot, b, offset, n, utf16At(b, offset, chars));
}

const ESCAPABLE = /[&<>"]/;
const ESCAPE_ALL = /[&<>"]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** XML-escape text or an attribute value (`& < > "`). */
export function escapeXml(s: string): string {
  return ESCAPABLE.test(s) ? s.replace(ESCAPE_ALL, (c) => ENTITIES[c]!) : s;
}

const TEXT_ESCAPE_ALL = /[&<>"\x00-\x08\x0a-\x1f]/g;

/**
 * XML-escape a value for one-line output: `& < > "` as entities, line breaks and other C0
 * controls as character references (lossless; a raw line break would split the event's line).
 */
export function escapeText(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // '"' 0x22, '&' 0x26, '<' 0x3C, '>' 0x3E, controls below 0x20 except tab.
    if (c < 0x20 ? c !== 0x09 : c === 0x22 || c === 0x26 || c === 0x3c || c === 0x3e) {
      return s.replace(TEXT_ESCAPE_ALL, (m) => ENTITIES[m] ?? `&#${m.charCodeAt(0)};`);
    }
  }
  return s;
}

/** Uppercase hex byte table. */
export const HEX2: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).toUpperCase().padStart(2, '0'));

/** Uppercase hex of a byte range (Binary values as Windows renders them). */
export function hexBytes(b: Uint8Array, offset: number, length: number): string {
  let s = '';
  for (let i = offset, end = offset + length; i < end; i++) s += HEX2[b[i]!];
  return s;
}

/** windows-1252 code points for bytes 0x80–0x9F (the rest map to themselves). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** ANSI string value (type 0x02) as windows-1252; trailing NULs dropped. */
export function ansiValue(b: Uint8Array, offset: number, bytes: number): string {
  let end = offset + bytes;
  while (end > offset && b[end - 1] === 0) end--;
  let s = '';
  for (let i = offset; i < end; i++) {
    const c = b[i]!;
    s += String.fromCharCode(c >= 0x80 && c < 0xa0 ? CP1252_HIGH[c - 0x80]! : c);
  }
  return s;
}
