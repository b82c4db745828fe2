/**
 * Typed substitution values the writer can encode (MS-EVEN6 BinXml value types; libevtx §3).
 * Build them with `v.*`; the chunk encoder asks `valueSize` then `writeValue`.
 */
import { ARRAY_FLAG, FILETIME_UNIX_EPOCH, ValueType } from '../types.js';

/** One substitution value: its BinXml type code and a JS value of the matching shape. */
export interface TypedValue {
  readonly type: number;
  readonly value: unknown;
}

const NULL: TypedValue = { type: ValueType.Null, value: null };

/** Constructors for typed values. Integers accept number or bigint; times are FILETIME ticks (bigint). */
export const v = {
  null: (): TypedValue => NULL,
  str: (s: string): TypedValue => ({ type: ValueType.String, value: s }),
  ansi: (s: string): TypedValue => ({ type: ValueType.AnsiString, value: s }),
  i8: (n: number): TypedValue => ({ type: ValueType.Int8, value: n }),
  u8: (n: number): TypedValue => ({ type: ValueType.UInt8, value: n }),
  i16: (n: number): TypedValue => ({ type: ValueType.Int16, value: n }),
  u16: (n: number): TypedValue => ({ type: ValueType.UInt16, value: n }),
  i32: (n: number): TypedValue => ({ type: ValueType.Int32, value: n }),
  u32: (n: number): TypedValue => ({ type: ValueType.UInt32, value: n }),
  i64: (n: number | bigint): TypedValue => ({ type: ValueType.Int64, value: BigInt(n) }),
  u64: (n: number | bigint): TypedValue => ({ type: ValueType.UInt64, value: BigInt(n) }),
  real64: (n: number): TypedValue => ({ type: ValueType.Real64, value: n }),
  bool: (b: boolean | number): TypedValue => ({ type: ValueType.Bool, value: Number(b) }),
  bin: (b: Uint8Array): TypedValue => ({ type: ValueType.Binary, value: b }),
  guid: (g: string): TypedValue => ({ type: ValueType.Guid, value: g }),
  sizeT: (n: number | bigint): TypedValue => ({ type: ValueType.SizeT, value: BigInt(n) }),
  filetime: (ticks: bigint): TypedValue => ({ type: ValueType.FileTime, value: ticks }),
  systime: (ticks: bigint): TypedValue => ({ type: ValueType.SysTime, value: ticks }),
  sid: (s: string): TypedValue => ({ type: ValueType.Sid, value: s }),
  hex32: (n: number): TypedValue => ({ type: ValueType.HexInt32, value: n >>> 0 }),
  hex64: (n: number | bigint): TypedValue => ({ type: ValueType.HexInt64, value: BigInt(n) }),
  strArray: (a: readonly string[]): TypedValue => ({ type: ValueType.String | ARRAY_FLAG, value: a }),
  u64Array: (a: readonly bigint[]): TypedValue => ({ type: ValueType.UInt64 | ARRAY_FLAG, value: a }),
  /** Nested binary XML; the chunk encoder fills it (EventData/UserData of an event). */
  binXml: (inner: unknown): TypedValue => ({ type: ValueType.BinXml, value: inner }),
} as const;

const FIXED: Record<number, number> = {
  [ValueType.Int8]: 1,
  [ValueType.UInt8]: 1,
  [ValueType.Int16]: 2,
  [ValueType.UInt16]: 2,
  [ValueType.Int32]: 4,
  [ValueType.UInt32]: 4,
  [ValueType.Int64]: 8,
  [ValueType.UInt64]: 8,
  [ValueType.Real32]: 4,
  [ValueType.Real64]: 8,
  [ValueType.Bool]: 4,
  [ValueType.Guid]: 16,
  [ValueType.SizeT]: 8,
  [ValueType.FileTime]: 8,
  [ValueType.SysTime]: 16,
  [ValueType.HexInt32]: 4,
  [ValueType.HexInt64]: 8,
};

/** Parsed SIDs and GUIDs: the same few strings recur in every log (bounded; cleared when full). */
const parsed = new Map<string, Uint8Array>();
function memo(key: string, parse: (s: string) => Uint8Array): Uint8Array {
  let b = parsed.get(key);
  if (!b) {
    if (parsed.size >= 4096) parsed.clear();
    b = parse(key);
    parsed.set(key, b);
  }
  return b;
}

/** Parse `S-1-5-21-…` into its binary form (revision, count, 48-bit big-endian authority, u32 LE subauthorities). */
export function sidBytes(sid: string): Uint8Array {
  return memo(sid, parseSid);
}

function parseSid(sid: string): Uint8Array {
  const m = /^S-(\d+)-(\d+)((?:-\d+)*)$/i.exec(sid);
  if (!m) throw new RangeError(`not a SID: ${sid}`);
  const subs = m[3]
    ? m[3]
        .slice(1)
        .split('-')
        .map((s) => Number(s))
    : [];
  const out = new Uint8Array(8 + 4 * subs.length);
  const dv = new DataView(out.buffer);
  out[0] = Number(m[1]);
  out[1] = subs.length;
  const auth = BigInt(m[2]!);
  for (let i = 0; i < 6; i++) out[2 + i] = Number((auth >> BigInt(8 * (5 - i))) & 0xffn);
  subs.forEach((s, i) => dv.setUint32(8 + 4 * i, s >>> 0, true));
  return out;
}

/** `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}` (braces optional) → 16 bytes in Windows GUID order. */
export function guidBytes(guid: string): Uint8Array {
  return memo(guid, parseGuid);
}

function parseGuid(guid: string): Uint8Array {
  const hex = guid.replace(/[{}-]/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new RangeError(`not a GUID: ${guid}`);
  const b = Uint8Array.from(hex.match(/../g)!.map((h) => parseInt(h, 16)));
  const out = new Uint8Array(16);
  out.set([b[3]!, b[2]!, b[1]!, b[0]!, b[5]!, b[4]!, b[7]!, b[6]!], 0);
  out.set(b.subarray(8), 8);
  return out;
}

/** Byte size of a value's data (BinXml values are sized by the encoder). */
export function valueSize(tv: TypedValue): number {
  const t = tv.type;
  if (t === ValueType.Null) return 0;
  if (t === ValueType.String) return (tv.value as string).length * 2;
  if (t === ValueType.AnsiString) return (tv.value as string).length;
  if (t === ValueType.Binary) return (tv.value as Uint8Array).length;
  if (t === ValueType.Sid) return sidBytes(tv.value as string).length;
  if (t === (ValueType.String | ARRAY_FLAG)) {
    return (tv.value as string[]).reduce((n, s) => n + (s.length + 1) * 2, 0);
  }
  if (t === (ValueType.UInt64 | ARRAY_FLAG)) return (tv.value as bigint[]).length * 8;
  const f = FIXED[t];
  if (f === undefined) throw new RangeError(`value type 0x${t.toString(16)} has no fixed size`);
  return f;
}

/** Write a value's data at `pos` of `buf`; returns the new position. The caller checked the size. */
export function writeValue(buf: Uint8Array, dv: DataView, pos: number, tv: TypedValue): number {
  const t = tv.type;
  const x = tv.value;
  switch (t) {
    case ValueType.Null:
      return pos;
    case ValueType.String:
      return writeUtf16(buf, pos, x as string);
    case ValueType.AnsiString: {
      const s = x as string;
      for (let i = 0; i < s.length; i++) buf[pos + i] = s.charCodeAt(i) & 0xff;
      return pos + s.length;
    }
    case ValueType.Int8:
      dv.setInt8(pos, x as number);
      return pos + 1;
    case ValueType.UInt8:
      dv.setUint8(pos, x as number);
      return pos + 1;
    case ValueType.Int16:
      dv.setInt16(pos, x as number, true);
      return pos + 2;
    case ValueType.UInt16:
      dv.setUint16(pos, x as number, true);
      return pos + 2;
    case ValueType.Int32:
      dv.setInt32(pos, x as number, true);
      return pos + 4;
    case ValueType.UInt32:
    case ValueType.HexInt32:
    case ValueType.Bool:
      dv.setUint32(pos, x as number, true);
      return pos + 4;
    case ValueType.Int64:
      dv.setBigInt64(pos, x as bigint, true);
      return pos + 8;
    case ValueType.UInt64:
    case ValueType.HexInt64:
    case ValueType.SizeT:
    case ValueType.FileTime:
      dv.setBigUint64(pos, x as bigint, true);
      return pos + 8;
    case ValueType.Real32:
      dv.setFloat32(pos, x as number, true);
      return pos + 4;
    case ValueType.Real64:
      dv.setFloat64(pos, x as number, true);
      return pos + 8;
    case ValueType.Binary:
      buf.set(x as Uint8Array, pos);
      return pos + (x as Uint8Array).length;
    case ValueType.Guid:
      buf.set(guidBytes(x as string), pos);
      return pos + 16;
    case ValueType.Sid: {
      const b = sidBytes(x as string);
      buf.set(b, pos);
      return pos + b.length;
    }
    case ValueType.SysTime:
      return writeSystemTime(dv, pos, x as bigint);
    case ValueType.String | ARRAY_FLAG:
      for (const s of x as string[]) {
        pos = writeUtf16(buf, pos, s);
        buf[pos++] = 0;
        buf[pos++] = 0;
      }
      return pos;
    case ValueType.UInt64 | ARRAY_FLAG:
      for (const n of x as bigint[]) {
        dv.setBigUint64(pos, n, true);
        pos += 8;
      }
      return pos;
    default:
      throw new RangeError(`cannot write value type 0x${t.toString(16)}`);
  }
}

/** UTF-16LE code units of `s` (no terminator). */
export function writeUtf16(buf: Uint8Array, pos: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    buf[pos++] = c & 0xff;
    buf[pos++] = c >>> 8;
  }
  return pos;
}

/** SYSTEMTIME: year, month, day of week, day, hour, minute, second, milliseconds (u16 each; UTC). */
function writeSystemTime(dv: DataView, pos: number, ticks: bigint): number {
  const d = new Date(Number((ticks - FILETIME_UNIX_EPOCH) / 10000n));
  const parts = [
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDay(),
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
  ];
  parts.forEach((p, i) => dv.setUint16(pos + 2 * i, p, true));
  return pos + 16;
}
