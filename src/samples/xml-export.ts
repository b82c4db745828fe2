/**
 * Event Viewer "Save All Events As… → XML": `<Events>` holding one `<Event>` per record in the
 * rendering Windows gives (single-quoted attributes, `System` then `EventData`/`UserData`, then
 * `RenderingInfo Culture='…'` with the message and the level/opcode/keyword names in the UI
 * language). Values are written as the event XML renders them: HexInt32/64 lower-case `0x…`,
 * FILETIME as ISO-8601 with 7 decimals, Binary as upper-case hex, GUIDs braced.
 */
import { ValueType, ARRAY_FLAG } from '../evtx/types.js';
import type { EventSpec, TypedValue } from '../evtx/writer/index.js';
import { LEVEL_DE, MESSAGES_DE, keywordsDe } from './localize-de.js';
import { ticksToIso } from './time.js';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;');
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex').toUpperCase();

/** Text of a substitution value as the event XML shows it. */
export function valueText(tv: TypedValue): string {
  const x = tv.value;
  switch (tv.type) {
    case ValueType.Null:
      return '';
    case ValueType.String:
    case ValueType.AnsiString:
    case ValueType.Sid:
      return String(x);
    case ValueType.HexInt32:
      return `0x${(x as number).toString(16)}`;
    case ValueType.HexInt64:
      return `0x${(x as bigint).toString(16)}`;
    case ValueType.Guid:
      return `{${String(x).replace(/[{}]/g, '').toUpperCase()}}`;
    case ValueType.FileTime:
      return ticksToIso(x as bigint);
    case ValueType.Binary:
      return hex(x as Uint8Array);
    case ValueType.Bool:
      return x ? 'true' : 'false';
    case ValueType.String | ARRAY_FLAG:
      return (x as string[]).join(' ');
    default:
      return String(x);
  }
}

interface Rendered {
  xml: string;
  data: Record<string, string>;
  values: string[];
}

function eventData(e: EventSpec): Rendered {
  const data: Record<string, string> = {};
  const values: string[] = [];
  const d = e.data;
  if (!d) return { xml: '', data, values };
  if (d.kind === 'user-data') {
    const fields = d.fields
      .map((f) => {
        const t = valueText(f.value);
        data[f.name] = t;
        values.push(t);
        return `<${f.name}>${esc(t)}</${f.name}>`;
      })
      .join('');
    const ns = d.xmlns ? ` xmlns='${esc(d.xmlns)}'` : '';
    return {
      xml: `<UserData>${fields ? `<${d.root}${ns}>${fields}</${d.root}>` : `<${d.root}${ns}/>`}</UserData>`,
      data,
      values,
    };
  }
  const parts: string[] = [];
  for (const item of d.items ?? []) {
    const t = valueText(item.value);
    if (item.name) data[item.name] = t;
    values.push(t);
    parts.push(`<Data${item.name ? ` Name='${esc(item.name)}'` : ''}>${esc(t)}</Data>`);
  }
  for (const s of d.strings ?? []) {
    values.push(s);
    parts.push(`<Data>${esc(s)}</Data>`);
  }
  if (d.binary) parts.push(`<Binary>${hex(d.binary)}</Binary>`);
  return { xml: `<EventData${d.name ? ` Name='${esc(d.name)}'` : ''}>${parts.join('')}</EventData>`, data, values };
}

function system(e: EventSpec): string {
  const p = e.provider;
  const attrs = [
    `Name='${esc(p.name)}'`,
    ...(p.guid ? [`Guid='${esc(p.guid)}'`] : []),
    ...(p.eventSourceName ? [`EventSourceName='${esc(p.eventSourceName)}'`] : []),
  ];
  const q = e.qualifiers != null ? ` Qualifiers='${e.qualifiers}'` : '';
  const leaf = (name: string, v: number | null | undefined): string =>
    v == null ? `<${name}/>` : `<${name}>${v}</${name}>`;
  return (
    `<System><Provider ${attrs.join(' ')}/><EventID${q}>${e.eventId}</EventID>${leaf('Version', e.version)}${leaf('Level', e.level)}` +
    `${leaf('Task', e.task)}${leaf('Opcode', e.opcode)}<Keywords>0x${e.keywords.toString(16)}</Keywords>` +
    `<TimeCreated SystemTime='${ticksToIso(e.timeCreated)}'/><EventRecordID>${e.recordId}</EventRecordID>` +
    `<Correlation${e.activityId ? ` ActivityID='${e.activityId}'` : ''}/>` +
    `<Execution ProcessID='${e.processId ?? 0}' ThreadID='${e.threadId ?? 0}'/><Channel>${esc(e.channel)}</Channel>` +
    `<Computer>${esc(e.computer)}</Computer><Security${e.userSid ? ` UserID='${e.userSid}'` : ''}/></System>`
  );
}

/** RenderingInfo in German: message (when the catalogue has it), level, opcode, keyword names. */
function renderingDe(e: EventSpec, r: Rendered): string {
  const msg = MESSAGES_DE[`${e.provider.name}/${e.eventId}`]?.(r.data, r.values);
  const keywords = keywordsDe(e.keywords)
    .map((k) => `<Keyword>${k}</Keyword>`)
    .join('');
  return (
    `<RenderingInfo Culture='de-DE'>${msg !== undefined ? `<Message>${esc(msg)}</Message>` : '<Message></Message>'}` +
    `<Level>${LEVEL_DE[e.level] ?? ''}</Level><Task></Task><Opcode>Info</Opcode><Channel>${esc(e.channel)}</Channel>` +
    `<Provider>${esc(e.provider.name)}</Provider><Keywords>${keywords}</Keywords></RenderingInfo>`
  );
}

/** The export file's text (UTF-8). `en-US` writes no RenderingInfo (as `wevtutil qe` without /e). */
export function eventViewerXml(events: EventSpec[], culture: 'de-DE' | 'en-US'): string {
  const L = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', '<Events>'];
  for (const e of events) {
    const r = eventData(e);
    const info = culture === 'de-DE' ? renderingDe(e, r) : '';
    L.push(`<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>${system(e)}${r.xml}${info}</Event>`);
  }
  L.push('</Events>', '');
  return L.join('\r\n');
}
