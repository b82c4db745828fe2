/**
 * The normalised event (event.ts EvtxEvent) read straight from template nodes and raw
 * values, without rendering XML: System fields typed, EventData flattened by Name (unnamed
 * Data as "#1", "#2"…), UserData and other sections as trees.
 */
import { ARRAY_FLAG, ValueType } from '../types.js';
import { spend } from '../binxml/context.js';
import type { ChunkContext } from '../binxml/context.js';
import type { Instance } from '../binxml/instance.js';
import { NodeKind } from '../binxml/nodes.js';
import type { TElement, TNode } from '../binxml/nodes.js';
import type { EvtxEvent, JsonValue } from '../event.js';
import { expand, partsText, slotIsNull, slotType, subItems, subJson } from './resolve.js';
import type { Bound } from './resolve.js';
import { parseBigInt as big, parseNumber as num, ticksFromIso } from './parse-number.js';

type Obj = { [key: string]: JsonValue };

/** An event with every field null (records whose content cannot be read). */
export function emptyEvent(): EvtxEvent {
  return {
    provider: null,
    providerGuid: null,
    eventSourceName: null,
    eventId: null,
    qualifiers: null,
    version: null,
    level: null,
    task: null,
    opcode: null,
    keywords: null,
    timeCreated: null,
    eventRecordId: null,
    activityId: null,
    relatedActivityId: null,
    processId: null,
    threadId: null,
    channel: null,
    computer: null,
    userSid: null,
    data: null,
    values: [],
  };
}

interface Walk {
  ctx: ChunkContext;
  warnings: string[];
  ev: EvtxEvent;
}

export function buildEvent(ctx: ChunkContext, inst: Instance, warnings: string[]): EvtxEvent {
  const w: Walk = { ctx, warnings, ev: emptyEvent() };
  const root = expand(ctx, inst, inst.tpl.nodes).find((b) => b.node.k === NodeKind.Element);
  if (root === undefined) return w.ev;
  for (const { inst: i, node } of expand(w.ctx, root.inst, (root.node as TElement).children)) {
    if (node.k !== NodeKind.Element) continue;
    const name = node.name.text;
    if (name === 'System') system(w, i, node);
    else if (name === 'EventData') eventData(w, i, node);
    else if (name === 'UserData') {
      eachElement(w, i, node.children, (ci, el) => setData(w, el.name.text, tree(w, ci, el)));
    } else setData(w, name, tree(w, i, node));
  }
  return w.ev;
}

function setData(w: Walk, key: string, value: JsonValue): void {
  (w.ev.data ??= {})[key] = value;
}

/** Call `fn` for each child element, looking through nested BinXml values, without allocating. */
function eachElement(
  w: Walk,
  inst: Instance,
  nodes: readonly TNode[],
  fn: (inst: Instance, el: TElement) => void,
  depth = 0,
): void {
  spend(w.ctx, nodes.length);
  for (let k = 0; k < nodes.length; k++) {
    const n = nodes[k]!;
    if (n.k === NodeKind.Element) fn(inst, n);
    else if (n.k === NodeKind.Sub && depth < 16 && slotType(inst, n.slot) === ValueType.BinXml) {
      const nested = inst.nested?.[n.slot];
      if (nested) eachElement(w, nested, nested.tpl.nodes, fn, depth + 1);
    }
  }
}

/** Attribute text, or null when absent or a null optional substitution. */
function attr(w: Walk, inst: Instance, el: TElement, name: string): string | null {
  for (const a of el.attrs) {
    if (a.name.text !== name) continue;
    const only = a.parts.length === 1 ? a.parts[0]! : null;
    if (only !== null && only.k === NodeKind.Sub && slotIsNull(inst, only.slot)) return null;
    return partsText(w.ctx, inst, a.parts, w.warnings);
  }
  return null;
}

/** Text content, or null when the element is empty. */
function text(w: Walk, inst: Instance, el: TElement): string | null {
  if (el.children.length === 0) return null;
  const only = el.children.length === 1 ? el.children[0]! : null;
  if (only !== null && only.k === NodeKind.Sub && slotIsNull(inst, only.slot)) return null;
  return partsText(w.ctx, inst, el.children, w.warnings);
}

const INT_TYPES = new Set<number>([
  ValueType.Int8,
  ValueType.UInt8,
  ValueType.Int16,
  ValueType.UInt16,
  ValueType.Int32,
  ValueType.UInt32,
  ValueType.Int64,
  ValueType.UInt64,
]);

/** Number of an element's content: read from the value when it is one integer substitution. */
function numOf(w: Walk, inst: Instance, el: TElement): number | null {
  const only = el.children.length === 1 ? el.children[0]! : null;
  if (only !== null && only.k === NodeKind.Sub && INT_TYPES.has(slotType(inst, only.slot))) {
    const v = subJson(w.ctx, inst, only.slot, w.warnings);
    return typeof v === 'number' ? v : num(typeof v === 'string' ? v : null);
  }
  return num(text(w, inst, el));
}

/** Number of an attribute: read from the value when it is one integer substitution. */
function attrNum(w: Walk, inst: Instance, el: TElement, name: string): number | null {
  for (const a of el.attrs) {
    if (a.name.text !== name) continue;
    const only = a.parts.length === 1 ? a.parts[0]! : null;
    if (only !== null && only.k === NodeKind.Sub && INT_TYPES.has(slotType(inst, only.slot))) {
      const v = subJson(w.ctx, inst, only.slot, w.warnings);
      return typeof v === 'number' ? v : null;
    }
    return num(attr(w, inst, el, name));
  }
  return null;
}

/** FILETIME ticks of TimeCreated/@SystemTime: raw when it is a FILETIME value, else parsed from text. */
function systemTime(w: Walk, inst: Instance, el: TElement): bigint | null {
  const a = el.attrs.find((x) => x.name.text === 'SystemTime');
  if (a === undefined) return null;
  const only = a.parts.length === 1 ? a.parts[0]! : null;
  if (
    only !== null &&
    only.k === NodeKind.Sub &&
    slotType(inst, only.slot) === ValueType.FileTime &&
    inst.vals[inst.base + only.slot * 3 + 1]! >= 8
  ) {
    return w.ctx.view.getBigUint64(inst.vals[inst.base + only.slot * 3]!, true);
  }
  return ticksFromIso(partsText(w.ctx, inst, a.parts, w.warnings));
}

function system(w: Walk, inst: Instance, sys: TElement): void {
  const ev = w.ev;
  eachElement(w, inst, sys.children, (i, el) => {
    switch (el.name.text) {
      case 'Provider': {
        ev.provider = attr(w, i, el, 'Name');
        const g = attr(w, i, el, 'Guid');
        ev.providerGuid = g === null ? null : g.toUpperCase();
        ev.eventSourceName = attr(w, i, el, 'EventSourceName');
        break;
      }
      case 'EventID':
        ev.eventId = numOf(w, i, el);
        ev.qualifiers = attrNum(w, i, el, 'Qualifiers');
        break;
      case 'Version':
        ev.version = numOf(w, i, el);
        break;
      case 'Level':
        ev.level = numOf(w, i, el);
        break;
      case 'Task':
        ev.task = numOf(w, i, el);
        break;
      case 'Opcode':
        ev.opcode = numOf(w, i, el);
        break;
      case 'Keywords':
        ev.keywords = text(w, i, el);
        break;
      case 'TimeCreated':
        ev.timeCreated = systemTime(w, i, el);
        break;
      case 'EventRecordID': {
        const only = el.children.length === 1 ? el.children[0]! : null;
        ev.eventRecordId =
          only !== null &&
          only.k === NodeKind.Sub &&
          slotType(i, only.slot) === ValueType.UInt64 &&
          i.vals[i.base + only.slot * 3 + 1]! >= 8
            ? w.ctx.view.getBigUint64(i.vals[i.base + only.slot * 3]!, true)
            : big(text(w, i, el));
        break;
      }
      case 'Correlation':
        ev.activityId = attr(w, i, el, 'ActivityID');
        ev.relatedActivityId = attr(w, i, el, 'RelatedActivityID');
        break;
      case 'Execution':
        ev.processId = attrNum(w, i, el, 'ProcessID');
        ev.threadId = attrNum(w, i, el, 'ThreadID');
        break;
      case 'Channel':
        ev.channel = text(w, i, el);
        break;
      case 'Computer':
        ev.computer = text(w, i, el);
        break;
      case 'Security':
        ev.userSid = attr(w, i, el, 'UserID');
        break;
    }
  });
}

function eventData(w: Walk, inst: Instance, ed: TElement): void {
  const data = (w.ev.data ??= {});
  let position = 0;
  eachElement(w, inst, ed.children, (i, el) => {
    const name = el.name.text;
    if (name !== 'Data') {
      data[name] = name === 'Binary' ? leafValue(w, i, el) : tree(w, i, el);
      return;
    }
    const key = attr(w, i, el, 'Name');
    const only = el.children.length === 1 ? el.children[0]! : null;
    if (key === null && only !== null && only.k === NodeKind.Sub && (slotType(i, only.slot) & ARRAY_FLAG) !== 0) {
      for (const item of subItems(w.ctx, i, only.slot, w.warnings)) {
        data[`#${++position}`] = item;
        w.ev.values.push(item);
      }
      return;
    }
    position++;
    data[key ?? `#${position}`] = leafValue(w, i, el);
  });
}

/** Typed value of an element's content; pushes the display text(s) to `values`. */
function leafValue(w: Walk, inst: Instance, el: TElement): JsonValue {
  const only = el.children.length === 1 ? el.children[0]! : null;
  if (only === null && el.children.length === 0) {
    w.ev.values.push('');
    return null;
  }
  if (only !== null && only.k === NodeKind.Sub) {
    const type = slotType(inst, only.slot);
    if (type === ValueType.BinXml) {
      const nested = inst.nested?.[only.slot];
      return nested ? nestedTree(w, nested) : null;
    }
    if (type & ARRAY_FLAG) {
      w.ev.values.push(...subItems(w.ctx, inst, only.slot, w.warnings));
      return subJson(w.ctx, inst, only.slot, w.warnings);
    }
    // The display text of a scalar is its typed value written out (one decode, not two).
    const value = subJson(w.ctx, inst, only.slot, w.warnings);
    w.ev.values.push(value === null ? '' : String(value));
    return value;
  }
  const bound = expand(w.ctx, inst, el.children);
  if (bound.some((b) => b.node.k === NodeKind.Element)) return treeOf(w, bound, null);
  const s = partsText(w.ctx, inst, el.children, w.warnings);
  w.ev.values.push(s);
  return s;
}

function nestedTree(w: Walk, nested: Instance): JsonValue {
  return treeOf(w, expand(w.ctx, nested, nested.tpl.nodes), null);
}

/** `{ child: value | tree }` with repeated names as arrays and attributes under "#attributes". */
function tree(w: Walk, inst: Instance, el: TElement): JsonValue {
  const attrs: Obj = {};
  let hasAttrs = false;
  for (const a of el.attrs) {
    const v = attr(w, inst, el, a.name.text);
    if (v !== null) {
      attrs[a.name.text] = v;
      hasAttrs = true;
    }
  }
  const bound = expand(w.ctx, inst, el.children);
  const hasElements = bound.some((b) => b.node.k === NodeKind.Element);
  if (!hasElements) {
    const value = leafValue(w, inst, el);
    return hasAttrs ? { '#attributes': attrs, '#text': value } : value;
  }
  return treeOf(w, bound, hasAttrs ? attrs : null);
}

function treeOf(w: Walk, bound: Bound[], attrs: Obj | null): JsonValue {
  const obj: Obj = {};
  if (attrs !== null) obj['#attributes'] = attrs;
  for (const { inst, node } of bound) {
    if (node.k !== NodeKind.Element) continue;
    addChild(obj, node.name.text, tree(w, inst, node));
  }
  return obj;
}

function addChild(obj: Obj, key: string, value: JsonValue): void {
  if (!(key in obj)) obj[key] = value;
  else {
    const prev = obj[key]!;
    if (Array.isArray(prev) && (prev as unknown as { repeated?: boolean }).repeated) prev.push(value);
    else {
      const arr: JsonValue[] = [prev, value];
      Object.defineProperty(arr, 'repeated', { value: true, enumerable: false });
      obj[key] = arr;
    }
  }
}
