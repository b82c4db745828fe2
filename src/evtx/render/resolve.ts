/**
 * Shared walking helpers for tree() and event(): substitution values as text or typed JSON,
 * and the expansion of nested BinXml values into the nodes they hold.
 */
import { ARRAY_FLAG, ValueType } from '../types.js';
import { arrayItems, scalarText, valueText } from '../binxml/values.js';
import { spend } from '../binxml/context.js';
import type { ChunkContext } from '../binxml/context.js';
import type { Instance } from '../binxml/instance.js';
import { NodeKind } from '../binxml/nodes.js';
import type { TNode, TPart, TSub } from '../binxml/nodes.js';
import type { JsonValue } from '../event.js';

/** A template node together with the instance whose values it reads. */
export interface Bound {
  inst: Instance;
  node: TNode;
}

export function slotType(inst: Instance, slot: number): number {
  return slot < inst.count ? inst.vals[inst.base + slot * 3 + 2]! : ValueType.Null;
}

export function slotIsNull(inst: Instance, slot: number): boolean {
  return (
    slot >= inst.count ||
    inst.vals[inst.base + slot * 3 + 2] === ValueType.Null ||
    inst.vals[inst.base + slot * 3 + 1] === 0
  );
}

/** Display text of a slot ('' when absent; nested BinXml gives ''). */
export function subText(ctx: ChunkContext, inst: Instance, slot: number, warnings: string[]): string {
  if (slotIsNull(inst, slot)) return '';
  const type = inst.vals[inst.base + slot * 3 + 2]!;
  if (type === ValueType.BinXml) return '';
  return valueText(
    ctx,
    ctx.b,
    ctx.view,
    inst.vals[inst.base + slot * 3]!,
    inst.vals[inst.base + slot * 3 + 1]!,
    type,
    warnings,
  );
}

/** Display texts of an array slot's items. */
export function subItems(ctx: ChunkContext, inst: Instance, slot: number, warnings: string[]): string[] {
  const off = inst.vals[inst.base + slot * 3]!;
  const type = inst.vals[inst.base + slot * 3 + 2]!;
  const items = arrayItems(ctx.b, off, inst.vals[inst.base + slot * 3 + 1]!, type);
  const out: string[] = [];
  for (let i = 0; i < items.length; i += 2)
    out.push(valueText(ctx, ctx.b, ctx.view, items[i]!, items[i + 1]!, type & ~ARRAY_FLAG, warnings));
  return out;
}

const MAX_SAFE_HI = 0x200000;

/** Typed JSON value of one scalar at `off`: numbers, booleans, strings; u64 beyond 2^53 as decimal text. */
function scalarJson(ctx: ChunkContext, off: number, size: number, type: number, warnings: string[]): JsonValue {
  const v = ctx.view;
  if (type === ValueType.Null || (size === 0 && type !== ValueType.String && type !== ValueType.AnsiString))
    return null;
  const fits =
    size >=
    (type === ValueType.Int64 || type === ValueType.UInt64 || type === ValueType.Real64
      ? 8
      : type === ValueType.Int16 || type === ValueType.UInt16
        ? 2
        : type === ValueType.Int8 || type === ValueType.UInt8
          ? 1
          : 4);
  if (fits) {
    switch (type) {
      case ValueType.Int8:
        return v.getInt8(off);
      case ValueType.UInt8:
        return v.getUint8(off);
      case ValueType.Int16:
        return v.getInt16(off, true);
      case ValueType.UInt16:
        return v.getUint16(off, true);
      case ValueType.Int32:
        return v.getInt32(off, true);
      case ValueType.UInt32:
        return v.getUint32(off, true);
      case ValueType.Int64: {
        const x = v.getBigInt64(off, true);
        return x >= -9007199254740991n && x <= 9007199254740991n ? Number(x) : x.toString();
      }
      case ValueType.UInt64: {
        const hi = v.getUint32(off + 4, true);
        return hi < MAX_SAFE_HI ? hi * 4294967296 + v.getUint32(off, true) : v.getBigUint64(off, true).toString();
      }
      case ValueType.Real32:
      case ValueType.Real64: {
        const x = type === ValueType.Real32 ? Number(v.getFloat32(off, true).toPrecision(9)) : v.getFloat64(off, true);
        return Number.isFinite(x) ? x : x > 0 ? 'INF' : x < 0 ? '-INF' : 'NAN';
      }
      case ValueType.Bool:
        return v.getUint32(off, true) !== 0;
    }
  }
  const s = scalarText(ctx, ctx.b, v, off, size, type);
  return s ?? valueText(ctx, ctx.b, v, off, size, type, warnings);
}

/** Typed JSON value of a slot; arrays become JSON arrays; nested BinXml is handled by the caller. */
export function subJson(ctx: ChunkContext, inst: Instance, slot: number, warnings: string[]): JsonValue {
  if (slot >= inst.count) return null;
  const off = inst.vals[inst.base + slot * 3]!;
  const size = inst.vals[inst.base + slot * 3 + 1]!;
  const type = inst.vals[inst.base + slot * 3 + 2]!;
  if (type & ARRAY_FLAG) {
    const items = arrayItems(ctx.b, off, size, type);
    const out: JsonValue[] = [];
    for (let i = 0; i < items.length; i += 2)
      out.push(scalarJson(ctx, items[i]!, items[i + 1]!, type & ~ARRAY_FLAG, warnings));
    return out;
  }
  return scalarJson(ctx, off, size, type, warnings);
}

/**
 * Display text of a scalar slot, the same as `String(subJson(…))` ('' for a null or empty value),
 * without the typed value in between.
 */
export function subScalarText(ctx: ChunkContext, inst: Instance, slot: number, warnings: string[]): string {
  if (slot >= inst.count) return '';
  const off = inst.vals[inst.base + slot * 3]!;
  const size = inst.vals[inst.base + slot * 3 + 1]!;
  const type = inst.vals[inst.base + slot * 3 + 2]!;
  if (type === ValueType.Null || (size === 0 && type !== ValueType.String && type !== ValueType.AnsiString)) return '';
  return (
    scalarText(ctx, ctx.b, ctx.view, off, size, type) ?? valueText(ctx, ctx.b, ctx.view, off, size, type, warnings)
  );
}

/** Text of attribute parts or text-only content (refs resolved for the five XML entities). */
export function partsText(
  ctx: ChunkContext,
  inst: Instance,
  parts: readonly (TPart | TNode)[],
  warnings: string[],
): string {
  let s = '';
  for (const p of parts) {
    if (p.k === NodeKind.Text || p.k === NodeKind.CData) s += p.text;
    else if (p.k === NodeKind.Sub) s += subText(ctx, inst, p.slot, warnings);
    else if (p.k === NodeKind.Ref) s += refValue(p.name);
  }
  return s;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Value of `&name;` / `&#N;` (unknown entity names are kept as written). */
export function refValue(name: string): string {
  if (name.startsWith('#')) {
    const code = Number(name.slice(1));
    return Number.isInteger(code) && code >= 0 && code <= 0xffff ? String.fromCharCode(code) : `&${name};`;
  }
  return XML_ENTITIES[name] ?? `&${name};`;
}

/** Children with nested BinXml substitutions replaced by the nodes they hold (depth-capped). */
export function expand(
  ctx: ChunkContext,
  inst: Instance,
  nodes: readonly TNode[],
  out: Bound[] = [],
  depth = 0,
): Bound[] {
  spend(ctx, nodes.length);
  for (const node of nodes) {
    if (node.k === NodeKind.Sub && slotType(inst, node.slot) === ValueType.BinXml) {
      const nested = inst.nested?.[node.slot];
      if (nested && depth < 16) expand(ctx, nested, nested.tpl.nodes, out, depth + 1);
    } else out.push({ inst, node });
  }
  return out;
}

export function isSub(n: TNode): n is TSub {
  return n.k === NodeKind.Sub;
}
