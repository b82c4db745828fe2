/**
 * Events described as data, and their compilation into template + substitution values the way
 * Windows lays them out (checked against the corpus with python-evtx's structure view):
 * - classic layout (Service Control Manager, EventLog, HttpEvent, …): Provider attributes, Channel
 *   and Computer are literal text of the template; 20 values; RelatedActivityID = 18, EventData = 19.
 * - manifest layout (Security-Auditing, Kernel-General, Schannel, HttpService, …): Provider Name = 14,
 *   Guid = 15, Channel = 16, RelatedActivityID = 13, EventData = 17; 18 values.
 * Both: Level 0, Opcode 1, Task 2, EventID 3, Qualifiers 4, Keywords 5, TimeCreated 6,
 * ActivityID 7, ProcessID 8, ThreadID 9, EventRecordID 10, Version 11, UserID 12.
 * EventData/UserData is a nested BinXml value (0x21) with its own template instance.
 */
import { createHash } from 'node:crypto';
import { ARRAY_FLAG, ValueType } from '../types.js';
import { t, type TemplateElement } from './template.js';
import { v, type TypedValue } from './values.js';

export interface ProviderSpec {
  name: string;
  /** `{GUID}` as Windows writes it for this provider (classic providers keep their literal case). */
  guid?: string | null;
  eventSourceName?: string | null;
}

/** A named (`<Data Name=…>`) or unnamed (`<Data>`) EventData value. */
export interface DataItem {
  name?: string | null;
  value: TypedValue;
}

/**
 * EventData. `items`: named Data elements in order. `strings`: the classic unnamed insertion
 * strings (one `<Data>` holding a string array, as EventLog 6009 does); null drops it.
 * `binary`: the `<Binary>` element (preceded by its length as a UInt32 value, as Windows writes).
 */
export interface EventDataSpec {
  kind: 'event-data';
  name?: string | null;
  items?: DataItem[];
  strings?: string[] | null;
  binary?: Uint8Array | null;
}

/** UserData: `<UserData><root xmlns=…><field>value</field>…</root></UserData>`. */
export interface UserDataSpec {
  kind: 'user-data';
  root: string;
  xmlns?: string | null;
  fields: { name: string; value: TypedValue }[];
}

export interface EventSpec {
  provider: ProviderSpec;
  /** Default: classic when the event has Qualifiers or an EventSourceName, else manifest. */
  layout?: 'classic' | 'manifest';
  eventId: number;
  qualifiers?: number | null;
  version?: number | null;
  level: number;
  task?: number | null;
  opcode?: number | null;
  keywords: bigint;
  /** TimeCreated as FILETIME ticks. */
  timeCreated: bigint;
  /** EventRecordID (also the record-header number). */
  recordId: bigint;
  /** Record-header written time (defaults to timeCreated). */
  writtenTime?: bigint;
  processId?: number | null;
  threadId?: number | null;
  channel: string;
  computer: string;
  userSid?: string | null;
  activityId?: string | null;
  relatedActivityId?: string | null;
  data?: EventDataSpec | UserDataSpec | null;
}

/** A template with its identity: GUID (first 4 bytes = the instance's template id). */
export interface CompiledTemplate {
  key: string;
  tree: TemplateElement;
  guid: Uint8Array;
  id: number;
}

/** A template instance: the template and its substitution values (BinXml values hold an instance). */
export interface Instance {
  template: CompiledTemplate;
  values: TypedValue[];
}

const cache = new Map<string, CompiledTemplate>();

function compiled(key: string, build: () => TemplateElement): CompiledTemplate {
  let c = cache.get(key);
  if (!c) {
    const guid = new Uint8Array(createHash('md5').update(key).digest());
    c = { key, tree: build(), guid, id: new DataView(guid.buffer).getUint32(0, true) };
    cache.set(key, c);
  }
  return c;
}

export function layoutOf(e: EventSpec): 'classic' | 'manifest' {
  if (e.layout) return e.layout;
  return e.qualifiers != null || e.provider.eventSourceName ? 'classic' : 'manifest';
}

/** Compile an event into the outer (System) template instance. */
export function compileEvent(e: EventSpec): Instance {
  const layout = layoutOf(e);
  const dataIndex = layout === 'classic' ? 19 : 17;
  const p = e.provider;
  const key =
    layout === 'classic'
      ? `S|c|${p.name}|${p.guid ?? ''}|${p.eventSourceName ?? ''}|${e.channel}|${e.computer}`
      : `S|m|${e.computer}`;
  const template = compiled(key, () => systemTree(e, layout, dataIndex));
  const values: TypedValue[] = new Array(dataIndex + 1).fill(v.null());
  values[0] = v.u8(e.level);
  values[1] = e.opcode == null ? v.null() : v.u8(e.opcode);
  values[2] = e.task == null ? v.null() : v.u16(e.task);
  values[3] = v.u16(e.eventId);
  values[4] = e.qualifiers == null ? v.null() : v.u16(e.qualifiers);
  values[5] = v.hex64(e.keywords);
  values[6] = v.filetime(e.timeCreated);
  values[7] = e.activityId ? v.guid(e.activityId) : v.null();
  values[8] = e.processId == null ? v.null() : v.u32(e.processId);
  values[9] = e.threadId == null ? v.null() : v.u32(e.threadId);
  values[10] = v.u64(e.recordId);
  values[11] = e.version == null ? v.null() : v.u8(e.version);
  values[12] = e.userSid ? v.sid(e.userSid) : v.null();
  const related = e.relatedActivityId ? v.guid(e.relatedActivityId) : v.null();
  if (layout === 'classic') values[18] = related;
  else {
    values[13] = related;
    values[14] = v.str(p.name);
    values[15] = p.guid ? v.guid(p.guid) : v.null();
    values[16] = v.str(e.channel);
  }
  if (e.data)
    values[dataIndex] = v.binXml(e.data.kind === 'event-data' ? compileEventData(e.data) : compileUserData(e.data));
  return { template, values };
}

function systemTree(e: EventSpec, layout: 'classic' | 'manifest', dataIndex: number): TemplateElement {
  const T = ValueType;
  const p = e.provider;
  const classic = layout === 'classic';
  const providerAttrs = classic
    ? [
        t.attr('Name', t.text(p.name)),
        ...(p.guid ? [t.attr('Guid', t.text(p.guid))] : []),
        ...(p.eventSourceName ? [t.attr('EventSourceName', t.text(p.eventSourceName))] : []),
      ]
    : [t.attr('Name', t.opt(14, T.String)), t.attr('Guid', t.opt(15, T.Guid))];
  const leaf = (name: string, index: number, type: number) => t.el(name, [], [t.opt(index, type)]);
  const system = t.el(
    'System',
    [],
    [
      t.el('Provider', providerAttrs),
      t.el('EventID', [t.attr('Qualifiers', t.opt(4, T.UInt16))], [t.opt(3, T.UInt16)]),
      leaf('Version', 11, T.UInt8),
      leaf('Level', 0, T.UInt8),
      leaf('Task', 2, T.UInt16),
      leaf('Opcode', 1, T.UInt8),
      leaf('Keywords', 5, T.HexInt64),
      t.el('TimeCreated', [t.attr('SystemTime', t.opt(6, T.FileTime))]),
      leaf('EventRecordID', 10, T.UInt64),
      t.el('Correlation', [
        t.attr('ActivityID', t.opt(7, T.Guid)),
        t.attr('RelatedActivityID', t.opt(classic ? 18 : 13, T.Guid)),
      ]),
      t.el('Execution', [t.attr('ProcessID', t.opt(8, T.UInt32)), t.attr('ThreadID', t.opt(9, T.UInt32))]),
      t.el('Channel', [], [classic ? t.text(e.channel) : t.opt(16, T.String)]),
      t.el('Computer', [], [t.text(e.computer)]),
      t.el('Security', [t.attr('UserID', t.opt(12, T.Sid))]),
    ],
  );
  return t.el(
    'Event',
    [t.attr('xmlns', t.text('http://schemas.microsoft.com/win/2004/08/events/event'))],
    [system, t.opt(dataIndex, T.BinXml)],
  );
}

/** EventData as its own template instance (the nested BinXml value). */
export function compileEventData(d: EventDataSpec): Instance {
  const items = d.items ?? [];
  const hasStrings = d.strings !== undefined;
  const hasBinary = d.binary !== undefined;
  const key = `D|${d.name ?? ''}|${items.map((i) => `${i.name ?? ''}:${i.value.type}`).join(',')}|${hasStrings ? 's' : ''}|${hasBinary ? 'b' : ''}`;
  const values: TypedValue[] = items.map((i) => i.value);
  let stringsIndex = -1;
  if (hasStrings) {
    stringsIndex = values.length;
    values.push(d.strings ? v.strArray(d.strings) : v.null());
  }
  let binaryIndex = -1;
  if (hasBinary) {
    values.push(v.u32(d.binary ? d.binary.length : 0));
    binaryIndex = values.length;
    values.push(d.binary ? v.bin(d.binary) : v.null());
  }
  const template = compiled(key, () => {
    const children = items.map((i, n) =>
      t.el('Data', i.name != null ? [t.attr('Name', t.text(i.name))] : [], [t.sub(n, i.value.type)]),
    );
    // Classic insertion strings and Binary are optional substitutions (EventLog 6005/6009 shape).
    if (hasStrings) children.push(t.el('Data', [], [t.opt(stringsIndex, ValueType.String | ARRAY_FLAG)]));
    if (hasBinary) children.push(t.el('Binary', [], [t.opt(binaryIndex, ValueType.Binary)]));
    return t.el('EventData', d.name ? [t.attr('Name', t.text(d.name))] : [], children);
  });
  return { template, values };
}

/** UserData as its own template instance. */
export function compileUserData(d: UserDataSpec): Instance {
  const key = `X|${d.root}|${d.xmlns ?? ''}|${d.fields.map((f) => `${f.name}:${f.value.type}`).join(',')}`;
  const template = compiled(key, () =>
    t.el(
      'UserData',
      [],
      [
        t.el(
          d.root,
          d.xmlns ? [t.attr('xmlns', t.text(d.xmlns))] : [],
          d.fields.map((f, n) => t.el(f.name, [], [t.sub(n, f.value.type)])),
        ),
      ],
    ),
  );
  return { template, values: d.fields.map((f) => f.value) };
}
