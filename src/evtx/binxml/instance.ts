/**
 * Template instances (token 0x0C): template reference, optional inline definition, value
 * descriptors (size u16, type u8, pad u8) and value data. Nested BinXml values (0x21) are
 * parsed here too, so a record is structurally checked before it is yielded.
 */
import { ARRAY_FLAG, MORE_FLAG, Token, ValueType } from '../types.js';
import { compileStream, getTemplate, TEMPLATE_HEADER_SIZE } from './compile.js';
import { BinXmlError } from '../errors.js';
import type { ChunkContext } from './context.js';
import type { Template } from './nodes.js';

/** Nested BinXml depth cap. */
export const MAX_NESTING = 16;
/** More substitution values than a template could reference (slot ids are u16). */
const MAX_VALUES = 0x10000;

export interface Instance {
  tpl: Template;
  /** Value descriptors as triples (chunk-relative offset, size, type) from `base` on, in a per-chunk pool. */
  vals: Int32Array;
  base: number;
  count: number;
  /** Parsed nested BinXml values by slot (only when some value has type 0x21). */
  nested: (Instance | null)[] | null;
}

const NO_VALUES = new Int32Array(0);

function fail(msg: string, at: number): never {
  throw new BinXmlError(msg, at);
}

/** Parse the BinXml fragment at [pos, end) (a record's event data or a 0x21 value). */
export function parseFragment(ctx: ChunkContext, pos: number, end: number, depth: number): Instance {
  if (depth > MAX_NESTING) fail(`nested BinXml deeper than ${MAX_NESTING}`, pos);
  const b = ctx.b;
  while (pos < end && b[pos] === Token.FragmentHeader) pos += 4;
  if (pos >= end) fail('BinXml fragment holds no content', pos);
  const t = b[pos]!;
  if (t === Token.TemplateInstance) return parseTemplateInstance(ctx, pos, end, depth);
  if ((t & ~MORE_FLAG) === Token.OpenStartElement) {
    // Records with no template (MSExchange_Management_wec.evtx, Defender_health_status.evtx).
    const { nodes } = compileStream(ctx, pos, end, false);
    return { tpl: { offset: pos, nodes, plan: null }, vals: NO_VALUES, base: 0, count: 0, nested: null };
  }
  return fail(`BinXml starts with token 0x${t.toString(16)} (expected template instance or element)`, pos);
}

function parseTemplateInstance(ctx: ChunkContext, pos: number, end: number, depth: number): Instance {
  const v = ctx.view;
  if (pos + 10 > end) fail('template instance header truncated', pos);
  const defOffset = v.getUint32(pos + 6, true);
  let p = pos + 10;
  if (defOffset === p) {
    // Definition stored inline: skip next-offset, GUID, size and the definition body.
    if (p + TEMPLATE_HEADER_SIZE > end) fail('inline template definition truncated', p);
    p += TEMPLATE_HEADER_SIZE + v.getUint32(p + 20, true);
  }
  const tpl = getTemplate(ctx, defOffset);
  if (p + 4 > end) fail(`template instance value count truncated at 0x${p.toString(16)}`, p);
  const count = v.getUint32(p, true);
  p += 4;
  if (count > MAX_VALUES || p + count * 4 > end) {
    fail(`template instance: ${count} value descriptors do not fit in the record`, p - 4);
  }
  // Descriptors go to the chunk's pool (no allocation per record); a full pool is replaced,
  // records already made keep the array they point to.
  let vals = ctx.pool;
  let base = ctx.poolUsed;
  if (base + count * 3 > vals.length) {
    vals = ctx.pool = new Int32Array(Math.max(vals.length, count * 3 + 1024));
    base = 0;
  }
  ctx.poolUsed = base + count * 3;
  let data = p + count * 4;
  let nested: (Instance | null)[] | null = null;
  for (let i = 0; i < count; i++) {
    const size = v.getUint16(p + i * 4, true);
    const type = ctx.b[p + i * 4 + 2]!;
    if (data + size > end) fail(`substitution ${i}: value of ${size} bytes runs past the record`, data);
    vals[base + i * 3] = data;
    vals[base + i * 3 + 1] = size;
    vals[base + i * 3 + 2] = type;
    if (type === ValueType.BinXml && size > 0) {
      nested ??= new Array<Instance | null>(count).fill(null);
      nested[i] = parseFragment(ctx, data, data + size, depth + 1);
    }
    data += size;
  }
  return { tpl, vals, base, count, nested };
}

/**
 * True when an instance has substitution values and every byte of them is zero: what is left of
 * a record overwritten after its header (sample_with_a_bad_chunk_magic record 46741, size copy 0).
 */
export function valuesWiped(ctx: ChunkContext, inst: Instance): boolean {
  if (inst.count === 0) return false;
  const { b } = ctx;
  for (let i = 0; i < inst.count; i++) {
    const at = inst.vals[inst.base + i * 3]!;
    const size = inst.vals[inst.base + i * 3 + 1]!;
    for (let j = at; j < at + size; j++) if (b[j] !== 0) return false;
  }
  return true;
}

/** True when a value is absent: null type or an empty payload of a non-string type. */
export function isNullValue(type: number, size: number): boolean {
  return type === ValueType.Null || (size === 0 && (type & ~ARRAY_FLAG) !== ValueType.String);
}
