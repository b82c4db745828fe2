/**
 * XML rendering straight from the instantiation plan (no intermediate tree): one line per
 * event, as Windows renders it; null optional substitutions drop their attribute, an array
 * value repeats its element once per item, empty elements are self-closed.
 */
import { escapeText } from '../text.js';
import { ARRAY_FLAG, ValueType } from '../types.js';
import { arrayItems, valueText } from '../binxml/values.js';
import { spend } from '../binxml/context.js';
import type { ChunkContext } from '../binxml/context.js';
import type { Instance } from '../binxml/instance.js';
import { buildPlan, Op } from './plan.js';
import type { XmlPlan } from './plan.js';

const esc = escapeText;

/**
 * Only text-bearing types can hold `& < > "` or controls; numbers, hex, GUIDs, SIDs, times and
 * Binary hex never do (unknown types are shown as hex).
 */
function needsEscape(type: number): boolean {
  const base = type & ~ARRAY_FLAG;
  return base === ValueType.String || base === ValueType.AnsiString;
}

/** Render an instance (a record's event, or a nested BinXml value) as XML text. */
export function renderXml(ctx: ChunkContext, inst: Instance, warnings: string[]): string {
  const plan = (inst.tpl.plan ??= buildPlan(inst.tpl.nodes));
  return run(ctx, plan, 0, plan.code.length, inst, warnings);
}

/** Escaped (or, for nested BinXml, rendered) text of one slot; '' when absent. */
function slotText(ctx: ChunkContext, inst: Instance, slot: number, warnings: string[]): string {
  if (slot >= inst.count) return '';
  const off = inst.vals[inst.base + slot * 3]!;
  const size = inst.vals[inst.base + slot * 3 + 1]!;
  const type = inst.vals[inst.base + slot * 3 + 2]!;
  if (type === ValueType.BinXml) {
    const nested = inst.nested?.[slot];
    return nested ? renderXml(ctx, nested, warnings) : '';
  }
  if (size === 0) return '';
  const text = valueText(ctx, ctx.b, ctx.view, off, size, type, warnings);
  return needsEscape(type) ? esc(text) : text;
}

function run(ctx: ChunkContext, plan: XmlPlan, from: number, to: number, inst: Instance, warnings: string[]): string {
  const { code, str, a, b } = plan;
  spend(ctx, to - from);
  let s = '';
  for (let i = from; i < to; i++) {
    switch (code[i]) {
      case Op.Text:
        s += str[i];
        break;
      case Op.Attr: {
        const slot = a[i]!;
        if (b[i] === 1 && (slot >= inst.count || inst.vals[inst.base + slot * 3 + 2] === ValueType.Null || inst.vals[inst.base + slot * 3 + 1] === 0)) break;
        s += str[i] + slotText(ctx, inst, slot, warnings) + '"';
        break;
      }
      case Op.Sub:
        s += slotText(ctx, inst, a[i]!, warnings);
        break;
      case Op.ElemSub: {
        const slot = a[i]!;
        const type = slot < inst.count ? inst.vals[inst.base + slot * 3 + 2]! : 0;
        if (type & ARRAY_FLAG) {
          s += arrayElements(ctx, plan, i, inst, warnings);
          break;
        }
        const text = slotText(ctx, inst, slot, warnings);
        s += text === '' ? '/>' : '>' + text + str[i];
        break;
      }
    }
  }
  return s;
}

/** An array value in element content: the element is repeated once per item (EventLog 6009). */
function arrayElements(ctx: ChunkContext, plan: XmlPlan, i: number, inst: Instance, warnings: string[]): string {
  const slot = plan.a[i]!;
  const off = inst.vals[inst.base + slot * 3]!;
  const size = inst.vals[inst.base + slot * 3 + 1]!;
  const type = inst.vals[inst.base + slot * 3 + 2]!;
  const items = arrayItems(ctx.b, off, size, type);
  if (items.length === 0) return '/>';
  let s = '';
  for (let k = 0; k < items.length; k += 2) {
    if (k > 0) s += run(ctx, plan, plan.b[i]!, i, inst, warnings);
    const raw = valueText(ctx, ctx.b, ctx.view, items[k]!, items[k + 1]!, type & ~ARRAY_FLAG, warnings);
    const text = needsEscape(type) ? esc(raw) : raw;
    s += text === '' ? '/>' : '>' + text + plan.str[i];
  }
  return s;
}
