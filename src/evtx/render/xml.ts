/**
 * XML rendering straight from the instantiation plan into UTF-8 bytes (no intermediate tree,
 * no string building): one line per event, as Windows renders it; null optional
 * substitutions drop their attribute, an array value repeats its element once per item,
 * empty elements are self-closed.
 */
import { ARRAY_FLAG, ValueType } from '../types.js';
import { arrayItems, filetimeParts, filetimePrefix, FIXED_SIZE, scalarText } from '../binxml/values.js';
import { spend } from '../binxml/context.js';
import type { ChunkContext } from '../binxml/context.js';
import type { Instance } from '../binxml/instance.js';
import { buildPlan, Op } from './plan.js';
import type { XmlPlan } from './plan.js';
import { ByteSink } from './sink.js';

const QUOTE = 0x22;
const GT = 0x3e;
const SLASH = 0x2f;

/** Render an instance (a record's event) as UTF-8 XML appended to `out`. */
export function renderXmlInto(ctx: ChunkContext, inst: Instance, warnings: string[], out: ByteSink): void {
  const plan = (inst.tpl.plan ??= buildPlan(inst.tpl.nodes));
  run(ctx, plan, 0, plan.code.length, inst, warnings, out);
}

const scratch = new ByteSink(1 << 16);

/** Render an instance as an XML string. */
export function renderXml(ctx: ChunkContext, inst: Instance, warnings: string[]): string {
  const start = scratch.pos;
  try {
    renderXmlInto(ctx, inst, warnings, scratch);
    return scratch.text(start);
  } catch (e) {
    scratch.pos = start;
    throw e;
  }
}

function run(
  ctx: ChunkContext,
  plan: XmlPlan,
  from: number,
  to: number,
  inst: Instance,
  warnings: string[],
  out: ByteSink,
): void {
  spend(ctx, to - from);
  const { code, bin, a, b } = plan;
  for (let i = from; i < to; i++) {
    switch (code[i]) {
      case Op.Text:
        out.bytes(bin[i]!);
        break;
      case Op.Attr: {
        const slot = a[i]!;
        if (
          b[i] === 1 &&
          (slot >= inst.count ||
            inst.vals[inst.base + slot * 3 + 2] === ValueType.Null ||
            inst.vals[inst.base + slot * 3 + 1] === 0)
        )
          break;
        out.bytes(bin[i]!);
        writeSlot(ctx, inst, slot, warnings, out);
        out.byte(QUOTE);
        break;
      }
      case Op.Sub:
        writeSlot(ctx, inst, a[i]!, warnings, out);
        break;
      case Op.ElemSub: {
        const slot = a[i]!;
        const type = slot < inst.count ? inst.vals[inst.base + slot * 3 + 2]! : 0;
        if (type & ARRAY_FLAG) arrayElements(ctx, plan, i, inst, warnings, out);
        else {
          out.byte(GT);
          const mark = out.pos;
          writeSlot(ctx, inst, slot, warnings, out);
          closeElement(out, mark, bin[i]!);
        }
        break;
      }
    }
  }
}

/** After `>` and the content: `</name>`, or `/>` when nothing was written. */
function closeElement(out: ByteSink, mark: number, closeTag: Uint8Array): void {
  const n = closeTag.length;
  out.ensure(n);
  const o = out.buf;
  if (out.pos === mark) {
    o[mark - 1] = SLASH;
    o[out.pos++] = GT;
    return;
  }
  let p = out.pos;
  for (let i = 0; i < n; i++) o[p++] = closeTag[i]!;
  out.pos = p;
}

function writeSlot(ctx: ChunkContext, inst: Instance, slot: number, warnings: string[], out: ByteSink): void {
  if (slot >= inst.count) return;
  const at = inst.base + slot * 3;
  const off = inst.vals[at]!;
  const size = inst.vals[at + 1]!;
  const type = inst.vals[at + 2]!;
  if (type === ValueType.BinXml) {
    const nested = inst.nested?.[slot];
    if (nested) renderXmlInto(ctx, nested, warnings, out);
    return;
  }
  if (size === 0) return;
  if (type & ARRAY_FLAG) {
    // An array inside mixed content or an attribute: items separated by ", ".
    const items = arrayItems(ctx.b, off, size, type);
    for (let k = 0; k < items.length; k += 2) {
      if (k > 0) out.ascii(', ');
      writeValue(ctx, items[k]!, items[k + 1]!, type & ~ARRAY_FLAG, warnings, out);
    }
    return;
  }
  writeValue(ctx, off, size, type, warnings, out);
}

/** One scalar value, escaped where it can hold text; unknown types as hex plus a warning. */
function writeValue(
  ctx: ChunkContext,
  off: number,
  size: number,
  type: number,
  warnings: string[],
  out: ByteSink,
): void {
  const b = ctx.b;
  if (size >= FIXED_SIZE[type & 0xff]!) {
    switch (type) {
      case ValueType.String:
        out.utf16(b, off, size, ctx.view);
        return;
      case ValueType.AnsiString:
        out.ansi(b, off, size);
        return;
      case ValueType.UInt8:
        out.uint(b[off]!);
        return;
      case ValueType.UInt16:
        out.uint(ctx.view.getUint16(off, true));
        return;
      case ValueType.UInt32:
        out.uint(ctx.view.getUint32(off, true));
        return;
      case ValueType.Binary:
        out.hex(b, off, size);
        return;
      case ValueType.Guid:
        out.guid(b, off);
        return;
      case ValueType.FileTime: {
        const [sec, frac] = filetimeParts(ctx.view, off);
        out.ascii(filetimePrefix(ctx, sec));
        out.fraction7(frac);
        return;
      }
      case ValueType.HexInt32:
        out.ascii('0x');
        out.hex32(ctx.view.getUint32(off, true));
        return;
      case ValueType.HexInt64: {
        const hi = ctx.view.getUint32(off + 4, true);
        out.ascii('0x');
        if (hi !== 0) out.hex32(hi);
        out.hex32(ctx.view.getUint32(off, true), hi !== 0);
        return;
      }
      case ValueType.UInt64: {
        const hi = ctx.view.getUint32(off + 4, true);
        if (hi < 0x200000) {
          out.uint(hi * 4294967296 + ctx.view.getUint32(off, true));
          return;
        }
        break;
      }
    }
  }
  const s = scalarText(ctx, b, ctx.view, off, size, type);
  if (s !== null) out.ascii(s);
  else {
    warnings.push(`value type 0x${type.toString(16)} (${size} bytes) at 0x${off.toString(16)} shown as hex`);
    out.hex(b, off, size);
  }
}

/** An array value in element content: the element is repeated once per item (EventLog 6009). */
function arrayElements(
  ctx: ChunkContext,
  plan: XmlPlan,
  i: number,
  inst: Instance,
  warnings: string[],
  out: ByteSink,
): void {
  const at = inst.base + plan.a[i]! * 3;
  const type = inst.vals[at + 2]!;
  const items = arrayItems(ctx.b, inst.vals[at]!, inst.vals[at + 1]!, type);
  if (items.length === 0) {
    out.byte(SLASH);
    out.byte(GT);
    return;
  }
  for (let k = 0; k < items.length; k += 2) {
    if (k > 0) run(ctx, plan, plan.b[i]!, i, inst, warnings, out);
    out.byte(GT);
    const mark = out.pos;
    writeValue(ctx, items[k]!, items[k + 1]!, type & ~ARRAY_FLAG, warnings, out);
    closeElement(out, mark, plan.bin[i]!);
  }
}
