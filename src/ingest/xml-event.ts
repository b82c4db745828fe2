/**
 * `<Event>` elements of an XML export (Event Viewer "Save as XML", `wevtutil qe LOG /f:xml`) →
 * the same normalised EvtxEvent the .evtx reader builds (src/evtx/render/event.ts): System fields
 * typed, EventData flattened by Name (unnamed Data as "#1", "#2"…, Binary as hex), UserData and
 * other sections as trees (repeated names as arrays, attributes under "#attributes"), `values` =
 * every EventData/UserData leaf text in document order. `RenderingInfo` (Windows' rendered text)
 * is not event data: its Message is returned beside the event.
 */
import {
  emptyEvent,
  parseBigInt as big,
  parseNumber as num,
  ticksFromIso,
  type EvtxEvent,
  type JsonValue,
} from '../evtx/index.js';
import { childElements, localName, type XmlElement } from '../xml/index.js';

type Obj = { [key: string]: JsonValue };

export interface XmlEventResult {
  event: EvtxEvent;
  /** RenderingInfo/Message, when the export carries it. */
  message: string | null;
}

export function eventFromXml(el: XmlElement): XmlEventResult {
  const ev: EvtxEvent = emptyEvent();
  let message: string | null = null;
  for (const section of childElements(el)) {
    const name = localName(section.name);
    if (name === 'System') system(ev, section);
    else if (name === 'EventData') eventData(ev, section);
    else if (name === 'UserData') for (const c of childElements(section)) setData(ev, localName(c.name), tree(ev, c));
    else if (name === 'RenderingInfo') message = renderedMessage(section);
    else setData(ev, name, tree(ev, section));
  }
  return { event: ev, message };
}

function setData(ev: EvtxEvent, key: string, value: JsonValue): void {
  (ev.data ??= {})[key] = value;
}

function renderedMessage(ri: XmlElement): string | null {
  const m = childElements(ri, 'Message')[0];
  if (m === undefined) return null;
  const s = leafText(m);
  return s === null || s === '' ? null : s;
}

/** Text of an element without child elements; null when it has none (empty element). */
function leafText(el: XmlElement): string | null {
  if (el.children.length === 0) return null;
  let s = '';
  for (const c of el.children) if (typeof c === 'string') s += c;
  return s;
}

function hasElements(el: XmlElement): boolean {
  return el.children.some((c) => typeof c !== 'string');
}

function attr(el: XmlElement, name: string): string | null {
  return Object.hasOwn(el.attrs, name) ? el.attrs[name]! : null;
}

function system(ev: EvtxEvent, sys: XmlElement): void {
  for (const el of childElements(sys)) {
    switch (localName(el.name)) {
      case 'Provider': {
        ev.provider = attr(el, 'Name');
        const g = attr(el, 'Guid');
        ev.providerGuid = g === null ? null : g.toUpperCase();
        ev.eventSourceName = attr(el, 'EventSourceName');
        break;
      }
      case 'EventID':
        ev.eventId = num(leafText(el));
        ev.qualifiers = num(attr(el, 'Qualifiers'));
        break;
      case 'Version':
        ev.version = num(leafText(el));
        break;
      case 'Level':
        ev.level = num(leafText(el));
        break;
      case 'Task':
        ev.task = num(leafText(el));
        break;
      case 'Opcode':
        ev.opcode = num(leafText(el));
        break;
      case 'Keywords':
        ev.keywords = leafText(el);
        break;
      case 'TimeCreated': {
        const t = attr(el, 'SystemTime');
        ev.timeCreated = t === null ? null : ticksFromIso(t);
        break;
      }
      case 'EventRecordID':
        ev.eventRecordId = big(leafText(el));
        break;
      case 'Correlation':
        ev.activityId = attr(el, 'ActivityID');
        ev.relatedActivityId = attr(el, 'RelatedActivityID');
        break;
      case 'Execution':
        ev.processId = num(attr(el, 'ProcessID'));
        ev.threadId = num(attr(el, 'ThreadID'));
        break;
      case 'Channel':
        ev.channel = leafText(el);
        break;
      case 'Computer':
        ev.computer = leafText(el);
        break;
      case 'Security':
        ev.userSid = attr(el, 'UserID');
        break;
    }
  }
}

function eventData(ev: EvtxEvent, ed: XmlElement): void {
  const data = (ev.data ??= {});
  let position = 0;
  for (const el of childElements(ed)) {
    const name = localName(el.name);
    if (name !== 'Data') {
      data[name] = name === 'Binary' ? leafValue(ev, el) : tree(ev, el);
      continue;
    }
    position++;
    // A repeated Name keeps the last value, as the .evtx reader does (Security_with_size_t.evtx
    // 4648 has two LogonGuid Data elements).
    data[attr(el, 'Name') ?? `#${position}`] = leafValue(ev, el);
  }
}

/** Content of a leaf: its text (pushed to `values`), null when empty; a tree when it has elements. */
function leafValue(ev: EvtxEvent, el: XmlElement): JsonValue {
  if (hasElements(el)) return treeOf(ev, el, null);
  const s = leafText(el);
  ev.values.push(s ?? '');
  return s;
}

function tree(ev: EvtxEvent, el: XmlElement): JsonValue {
  const names = Object.keys(el.attrs);
  const attrs: Obj | null = names.length > 0 ? Object.fromEntries(names.map((n) => [n, el.attrs[n]!])) : null;
  if (!hasElements(el)) {
    const value = leafValue(ev, el);
    return attrs !== null ? { '#attributes': attrs, '#text': value } : value;
  }
  return treeOf(ev, el, attrs);
}

function treeOf(ev: EvtxEvent, el: XmlElement, attrs: Obj | null): JsonValue {
  const obj: Obj = {};
  if (attrs !== null) obj['#attributes'] = attrs;
  const repeated = new Set<string>();
  for (const c of childElements(el)) {
    const key = localName(c.name);
    const value = tree(ev, c);
    if (!Object.hasOwn(obj, key)) obj[key] = value;
    else if (repeated.has(key)) (obj[key] as JsonValue[]).push(value);
    else {
      obj[key] = [obj[key]!, value];
      repeated.add(key);
    }
  }
  return obj;
}
