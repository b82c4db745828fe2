/**
 * Flat event extraction compiled once per template (like the XML plan): which System child feeds
 * which field, which EventData element gives which `data` key, and the keys' JSON text. A record
 * of a planned template is read straight from its substitution values into a reused FlatEvent:
 * no EvtxEvent, no data object, `data` JSON built by concatenation.
 *
 * The result is exactly what `buildEvent` (./event.ts) followed by ingest's row conversion gives:
 * the same helpers decode values, in the same order (so the same warnings). Templates whose shape
 * the plan does not cover (UserData and other sections, nested BinXml where an element may appear,
 * computed Data names, names JSON would reorder) have no plan, and a record whose values take an
 * unplanned turn (a BinXml value in a Data) is refused: the caller then uses `buildEvent`.
 */
import { ARRAY_FLAG, ValueType } from '../types.js';
import type { ChunkContext } from '../binxml/context.js';
import type { Instance } from '../binxml/instance.js';
import { NodeKind } from '../binxml/nodes.js';
import type { TElement, TNode, TPart, TSub, Template } from '../binxml/nodes.js';
import type { EvtxEvent, JsonValue } from '../event.js';
import { partsText, slotIsNull, slotType, subItems, subJson, subScalarText, subText } from './resolve.js';
import { parseBigInt as big, parseNumber as num, ticksFromIso } from './parse-number.js';

/** One record's fields, in the shape of an `events` row (reused from record to record). */
export interface FlatEvent extends Omit<EvtxEvent, 'data' | 'values'> {
  /** EventData present (`data` is then a JSON object of `keys` → `leaves`, possibly empty). */
  hasData: boolean;
  /** Insertion strings in document order. */
  values: string[];
  /** `data` keys, their JSON text with the colon (`"Name":`), and their leaves (text, or texts for a multi-item array). */
  keys: string[];
  keyJson: string[];
  /** `keyJson` as UTF-8. */
  keyBytes: Uint8Array[];
  leaves: (string | string[])[];
  /** Per insertion string: the index of the leaf with the same text, or -1 (an item of a list leaf). */
  valueLeaf: number[];
  /** An object that stands for this record's `keys` (records with the same one have the same keys), or null. */
  keySource: object | null;
}

export function flatEvent(): FlatEvent {
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
    hasData: false,
    values: [],
    keys: [],
    keyJson: [],
    keyBytes: [],
    leaves: [],
    valueLeaf: [],
    keySource: null,
  };
}

const Sys = {
  Provider: 0,
  EventID: 1,
  Version: 2,
  Level: 3,
  Task: 4,
  Opcode: 5,
  Keywords: 6,
  TimeCreated: 7,
  EventRecordID: 8,
  Correlation: 9,
  Execution: 10,
  Channel: 11,
  Computer: 12,
  Security: 13,
} as const;
type SysKind = (typeof Sys)[keyof typeof Sys];
const SYS_ATTRS: Partial<Record<SysKind, readonly string[]>> = {
  [Sys.Provider]: ['Name', 'Guid', 'EventSourceName'],
  [Sys.EventID]: ['Qualifiers'],
  [Sys.TimeCreated]: ['SystemTime'],
  [Sys.Correlation]: ['ActivityID', 'RelatedActivityID'],
  [Sys.Execution]: ['ProcessID', 'ThreadID'],
  [Sys.Security]: ['UserID'],
};

/** Element content or attribute value parts, with the slot of a sole substitution found at compile time. */
interface Src {
  parts: readonly (TNode | TPart)[];
  /** Slot when the parts are exactly one substitution, else -1. */
  sole: number;
}

function src(parts: readonly (TNode | TPart)[]): Src {
  const only = parts.length === 1 ? parts[0]! : null;
  return { parts, sole: only !== null && only.k === NodeKind.Sub ? only.slot : -1 };
}

interface SysOp {
  kind: SysKind;
  /** The element's content. */
  el: Src;
  /** The first attribute of each name the field reads (SYS_ATTRS order), or null. */
  a: (Src | null)[];
}

interface DataOp {
  el: TElement;
  /** The substitution slot of shape 1, else -1. */
  slot: number;
  /** Static key (Name text or "Binary"), or null for a positional `#n`. */
  key: string | null;
  keyJson: string;
  keyBytes: Uint8Array;
  /** Counts towards `#n` positions (Data elements do, Binary does not). */
  positional: boolean;
  /** Content shape: 0 empty, 1 one substitution, 2 text/substitution parts. */
  shape: 0 | 1 | 2;
}

/**
 * Children of the root element in document order: System ops, the EventData ops, or a
 * substitution whose nested BinXml fragment holds more sections (the usual `%N` EventData).
 */
type Section = { system: SysOp[] } | { data: DataOp[] } | { slot: number };

// Keyed by the compiled nodes: every chunk's copy of a template gets its own Template object
// (template-cache.ts) but shares the nodes, so a plan is compiled once per template, not per chunk.
const rootPlans = new WeakMap<readonly TNode[], Section[] | null>();
const fragmentPlans = new WeakMap<readonly TNode[], Section[] | null>();

/** Sections of a record template's root element, or null when its shape is not covered. */
function rootPlanOf(tpl: Template): Section[] | null {
  let p = rootPlans.get(tpl.nodes);
  if (p === undefined) {
    const nodes = tpl.nodes;
    const root = nodes.some((n) => n.k === NodeKind.Sub)
      ? undefined
      : nodes.find((n): n is TElement => n.k === NodeKind.Element);
    p = root === undefined ? null : compileSections(root.children);
    rootPlans.set(tpl.nodes, p);
  }
  return p;
}

/** Sections of a nested fragment spliced into the root's children. */
function fragmentPlanOf(tpl: Template): Section[] | null {
  let p = fragmentPlans.get(tpl.nodes);
  if (p === undefined) {
    p = compileSections(tpl.nodes);
    fragmentPlans.set(tpl.nodes, p);
  }
  return p;
}

function compileSections(children: readonly TNode[]): Section[] | null {
  const sections: Section[] = [];
  for (const n of children) {
    if (n.k === NodeKind.Sub) sections.push({ slot: n.slot });
    if (n.k !== NodeKind.Element) continue;
    if (n.name.text === 'System') {
      const ops = compileSystem(n);
      if (ops === null) return null;
      sections.push({ system: ops });
    } else if (n.name.text === 'EventData') {
      const ops = compileEventData(n);
      if (ops === null) return null;
      sections.push({ data: ops });
    } else return null;
  }
  return sections;
}

function compileSystem(sys: TElement): SysOp[] | null {
  const ops: SysOp[] = [];
  for (const n of sys.children) {
    if (n.k === NodeKind.Sub) return null;
    if (n.k !== NodeKind.Element) continue;
    const kind = (Sys as Record<string, SysKind>)[n.name.text];
    if (kind === undefined || !Object.hasOwn(Sys, n.name.text)) continue;
    const names = SYS_ATTRS[kind] ?? [];
    ops.push({
      kind,
      el: src(n.children),
      a: names.map((name) => {
        const a = n.attrs.find((x) => x.name.text === name);
        return a === undefined ? null : src(a.parts);
      }),
    });
  }
  return ops;
}

/** Names JSON.stringify would move ahead of the others, or that a plain object treats specially. */
const UNPLANNED_KEY = /^(\d+|__proto__|#.*)$/s;

function compileEventData(ed: TElement): DataOp[] | null {
  const ops: DataOp[] = [];
  const keys = new Set<string>();
  for (const n of ed.children) {
    if (n.k === NodeKind.Sub) return null;
    if (n.k !== NodeKind.Element) continue;
    const name = n.name.text;
    let key: string | null;
    if (name === 'Data') {
      const a = n.attrs.find((x) => x.name.text === 'Name');
      if (a === undefined) key = null;
      else if (a.parts.every((p) => p.k === NodeKind.Text))
        key = a.parts.map((p) => (p as { text: string }).text).join('');
      else return null;
    } else if (name === 'Binary') key = 'Binary';
    else return null;
    if (key !== null) {
      if (UNPLANNED_KEY.test(key) || keys.has(key)) return null;
      keys.add(key);
    }
    const c = n.children;
    if (c.some((x) => x.k === NodeKind.Element)) return null;
    const shape = c.length === 0 ? 0 : c.length === 1 && c[0]!.k === NodeKind.Sub ? 1 : 2;
    const keyJson = key === null ? '' : JSON.stringify(key) + ':';
    ops.push({
      el: n,
      slot: shape === 1 ? (c[0] as TSub).slot : -1,
      key,
      keyJson,
      keyBytes: utf8(keyJson),
      positional: name === 'Data',
      shape,
    });
  }
  return ops;
}

/** Thrown (and caught by the caller) when a record's values leave the plan's shape. */
export class Unplanned extends Error {}

/** Nested BinXml depth followed (resolve.ts `expand`). */
const MAX_DEPTH = 16;

/**
 * Fill `out` from the record; returns false when the template has no plan (use `buildEvent`).
 * Throws Unplanned (or a decoding error) when this record's values need the general path.
 */
export function extractFlat(ctx: ChunkContext, inst: Instance, out: FlatEvent, warnings: string[]): boolean {
  const plan = rootPlanOf(inst.tpl);
  if (plan === null) return false;
  reset(out);
  run(ctx, inst, plan, out, warnings, 0);
  return true;
}

function run(
  ctx: ChunkContext,
  inst: Instance,
  sections: Section[],
  out: FlatEvent,
  warnings: string[],
  depth: number,
): void {
  for (const s of sections) {
    if ('system' in s) for (const op of s.system) system(ctx, inst, op, out, warnings);
    else if ('data' in s) {
      if (out.hasData) throw new Unplanned('two EventData sections');
      eventData(ctx, inst, s.data, out, warnings);
    } else if (slotType(inst, s.slot) === ValueType.BinXml) {
      const nested = inst.nested?.[s.slot];
      if (!nested || depth >= MAX_DEPTH) continue;
      const p = fragmentPlanOf(nested.tpl);
      if (p === null) throw new Unplanned('nested fragment not planned');
      run(ctx, nested, p, out, warnings, depth + 1);
    }
  }
}

function reset(f: FlatEvent): void {
  f.provider = f.providerGuid = f.eventSourceName = f.keywords = f.activityId = f.relatedActivityId = null;
  f.channel = f.computer = f.userSid = null;
  f.hasData = false;
  f.eventId = f.qualifiers = f.version = f.level = f.task = f.opcode = f.processId = f.threadId = null;
  f.timeCreated = f.eventRecordId = null;
  clear(f.values);
  clear(f.keys);
  clear(f.keyJson);
  clear(f.keyBytes);
  clear(f.leaves);
  clear(f.valueLeaf);
  f.keySource = null;
}

/** Empty a reused array keeping its storage (`length = 0` drops it, and the next pushes grow it again). */
function clear(a: unknown[]): void {
  while (a.length > 0) a.pop();
}

/** Attribute text, or null when absent or a null substitution (event.ts `attr`). */
function attr(ctx: ChunkContext, inst: Instance, a: Src | null, warnings: string[]): string | null {
  if (a === null) return null;
  if (a.sole >= 0) return slotIsNull(inst, a.sole) ? null : subText(ctx, inst, a.sole, warnings);
  return partsText(ctx, inst, a.parts, warnings);
}

/** Text content, or null when empty (event.ts `text`). */
function text(ctx: ChunkContext, inst: Instance, el: Src, warnings: string[]): string | null {
  if (el.parts.length === 0) return null;
  if (el.sole >= 0) return slotIsNull(inst, el.sole) ? null : subText(ctx, inst, el.sole, warnings);
  return partsText(ctx, inst, el.parts, warnings);
}

function isInt(type: number): boolean {
  return type >= ValueType.Int8 && type <= ValueType.UInt64;
}

function numOf(ctx: ChunkContext, inst: Instance, el: Src, warnings: string[]): number | null {
  if (el.sole >= 0 && isInt(slotType(inst, el.sole))) {
    const v = subJson(ctx, inst, el.sole, warnings);
    return typeof v === 'number' ? v : num(typeof v === 'string' ? v : null);
  }
  return num(text(ctx, inst, el, warnings));
}

function attrNum(ctx: ChunkContext, inst: Instance, a: Src | null, warnings: string[]): number | null {
  if (a === null) return null;
  if (a.sole >= 0 && isInt(slotType(inst, a.sole))) {
    const v = subJson(ctx, inst, a.sole, warnings);
    return typeof v === 'number' ? v : null;
  }
  return num(attr(ctx, inst, a, warnings));
}

/** The raw u64 of a sole substitution of `type` with at least 8 bytes, else undefined. */
function rawU64(ctx: ChunkContext, inst: Instance, s: Src, type: number): bigint | undefined {
  const slot = s.sole;
  if (slot < 0 || slotType(inst, slot) !== type || inst.vals[inst.base + slot * 3 + 1]! < 8) return undefined;
  return ctx.view.getBigUint64(inst.vals[inst.base + slot * 3]!, true);
}

function system(ctx: ChunkContext, inst: Instance, op: SysOp, f: FlatEvent, w: string[]): void {
  const el = op.el;
  const a = op.a;
  switch (op.kind) {
    case Sys.Provider: {
      f.provider = attr(ctx, inst, a[0]!, w);
      const g = attr(ctx, inst, a[1]!, w);
      f.providerGuid = g === null ? null : upper(g);
      f.eventSourceName = attr(ctx, inst, a[2]!, w);
      break;
    }
    case Sys.EventID:
      f.eventId = numOf(ctx, inst, el, w);
      f.qualifiers = attrNum(ctx, inst, a[0]!, w);
      break;
    case Sys.Version:
      f.version = numOf(ctx, inst, el, w);
      break;
    case Sys.Level:
      f.level = numOf(ctx, inst, el, w);
      break;
    case Sys.Task:
      f.task = numOf(ctx, inst, el, w);
      break;
    case Sys.Opcode:
      f.opcode = numOf(ctx, inst, el, w);
      break;
    case Sys.Keywords:
      f.keywords = text(ctx, inst, el, w);
      break;
    case Sys.TimeCreated: {
      const t = a[0]!;
      if (t === null) f.timeCreated = null;
      else f.timeCreated = rawU64(ctx, inst, t, ValueType.FileTime) ?? ticksFromIso(partsText(ctx, inst, t.parts, w));
      break;
    }
    case Sys.EventRecordID:
      f.eventRecordId = rawU64(ctx, inst, el, ValueType.UInt64) ?? big(text(ctx, inst, el, w));
      break;
    case Sys.Correlation:
      f.activityId = attr(ctx, inst, a[0]!, w);
      f.relatedActivityId = attr(ctx, inst, a[1]!, w);
      break;
    case Sys.Execution:
      f.processId = attrNum(ctx, inst, a[0]!, w);
      f.threadId = attrNum(ctx, inst, a[1]!, w);
      break;
    case Sys.Channel:
      f.channel = text(ctx, inst, el, w);
      break;
    case Sys.Computer:
      f.computer = text(ctx, inst, el, w);
      break;
    case Sys.Security:
      f.userSid = attr(ctx, inst, a[0]!, w);
      break;
  }
}

let lastGuid = '';
let lastGuidUpper = '';

/** Upper case of a provider GUID (the same few repeat record after record). */
function upper(g: string): string {
  if (g !== lastGuid) {
    lastGuid = g;
    lastGuidUpper = g.toUpperCase();
  }
  return lastGuidUpper;
}

function eventData(ctx: ChunkContext, inst: Instance, ops: DataOp[], f: FlatEvent, w: string[]): void {
  let position = 0;
  f.hasData = true;
  // The keys follow from the ops alone unless an array is spread into positional keys.
  f.keySource = ops;
  for (const op of ops) {
    if (op.key === null && op.shape === 1) {
      const slot = op.slot;
      if ((slotType(inst, slot) & ARRAY_FLAG) !== 0) {
        f.keySource = null;
        for (const item of subItems(ctx, inst, slot, w)) {
          const n = ++position;
          f.keys.push(positionalKey(n));
          f.keyJson.push(positionalKeyJson(n));
          f.keyBytes.push(POSITIONAL_BYTES[n]!);
          f.valueLeaf.push(f.leaves.length);
          f.leaves.push(wellFormed(item));
          f.values.push(item);
        }
        continue;
      }
    }
    if (op.positional) position++;
    const leaf = leafOf(ctx, inst, op, f, w);
    if (op.key === null) {
      f.keys.push(positionalKey(position));
      f.keyJson.push(positionalKeyJson(position));
      f.keyBytes.push(POSITIONAL_BYTES[position]!);
    } else {
      f.keys.push(op.key);
      f.keyJson.push(op.keyJson);
      f.keyBytes.push(op.keyBytes);
    }
    f.leaves.push(leaf);
  }
}

function utf8(s: string): Uint8Array {
  const b = Buffer.from(s, 'utf8');
  return new Uint8Array(b.buffer, b.byteOffset, b.length);
}

/** Positional keys (`#n`), their JSON text and its UTF-8, made once per position. */
const POSITIONAL_KEYS: string[] = [];
const POSITIONAL_JSON: string[] = [];
const POSITIONAL_BYTES: Uint8Array[] = [];

function positionalKey(n: number): string {
  if (POSITIONAL_KEYS[n] === undefined) {
    const key = `#${n}`;
    POSITIONAL_KEYS[n] = key;
    POSITIONAL_JSON[n] = `"${key}":`;
    POSITIONAL_BYTES[n] = utf8(POSITIONAL_JSON[n]);
  }
  return POSITIONAL_KEYS[n];
}

function positionalKeyJson(n: number): string {
  positionalKey(n);
  return POSITIONAL_JSON[n]!;
}

/** The `data` JSON text of a flat event (what the row writer lays out as bytes), or null. */
export function flatDataJson(f: FlatEvent): string | null {
  if (!f.hasData) return null;
  let json = '{';
  for (let i = 0; i < f.keys.length; i++) json += (i > 0 ? ',' : '') + f.keyJson[i]! + JSON.stringify(f.leaves[i]!);
  return json + '}';
}

/** Leaf text(s) of a Data/Binary element; pushes its insertion strings (event.ts `leafValue` + ingest's `leafText`). */
function leafOf(ctx: ChunkContext, inst: Instance, op: DataOp, f: FlatEvent, w: string[]): string | string[] {
  const el = op.el;
  if (op.shape === 0) {
    f.valueLeaf.push(f.leaves.length);
    f.values.push('');
    return '';
  }
  if (op.shape === 1) {
    const slot = op.slot;
    const type = slotType(inst, slot);
    if (type === ValueType.BinXml) throw new Unplanned('nested BinXml value');
    if (type & ARRAY_FLAG) {
      const items = subItems(ctx, inst, slot, w);
      for (const item of items) {
        f.values.push(item);
        f.valueLeaf.push(-1);
      }
      const arr = subJson(ctx, inst, slot, w) as JsonValue[];
      if (arr.length === 0) return '';
      if (arr.length === 1) return leafText(arr[0]!);
      return arr.map(leafText);
    }
    // Scalar texts are well-formed (UTF-16 values are decoded so; the rest is ASCII or Latin-1).
    const s = subScalarText(ctx, inst, slot, w);
    f.valueLeaf.push(f.leaves.length);
    f.values.push(s);
    return s;
  }
  for (const c of el.children)
    if (c.k === NodeKind.Sub && slotType(inst, c.slot) === ValueType.BinXml) throw new Unplanned('nested BinXml value');
  const s = partsText(ctx, inst, el.children, w);
  f.valueLeaf.push(f.leaves.length);
  f.values.push(s);
  return wellFormed(s);
}

function leafText(x: JsonValue): string {
  switch (typeof x) {
    case 'string':
      return wellFormed(x);
    case 'number':
      return String(x);
    case 'boolean':
      return x ? 'true' : 'false';
    default:
      if (x === null) return '';
      throw new Unplanned('nested array value');
  }
}

function wellFormed(s: string): string {
  return (s as WellFormed).isWellFormed() ? s : (s as WellFormed).toWellFormed();
}

/** ES2024 String methods (Node 20+), not in this project's ES2022 lib. */
type WellFormed = string & { isWellFormed(): boolean; toWellFormed(): string };
