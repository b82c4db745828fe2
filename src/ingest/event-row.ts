/**
 * One normalised event (src/evtx/event.ts) → one `events` row in a RowBatchBuilder. Shared by the
 * .evtx workers and the XML-export reader, so both sources give identical rows.
 *
 * `data` is stored as JSON whose leaves are the values' display text (as the XML rendering shows
 * them): an XML export carries no value types, so text is the only form both sources agree on.
 * Numbers compare fine after a cast: `(data->>'ErrorStatus')::BIGINT`; an empty value is "".
 */
import type { EvtxEvent, JsonValue } from '../evtx/event.js';
import { COL, type RowBatchBuilder } from '../store/row-batch.js';
import { renderMessage } from './messages/render.js';

/** Where the row came from in its file. */
export interface RowOrigin {
  headerRecordId: bigint | null;
  writtenTicks: bigint | null;
  recovered: boolean;
  chunk: number | null;
  offset: number | null;
  /** Message text carried by the source (XML RenderingInfo); else the catalogue's. */
  message?: string | null;
}

/** Append the event as a new row of `b`. */
export function addEventRow(b: RowBatchBuilder, ev: EvtxEvent, origin: RowOrigin): void {
  b.begin();
  b.setStr(COL.host, ev.computer);
  b.setStr(COL.channel, ev.channel);
  b.setStr(COL.provider, ev.provider);
  b.setStr(COL.provider_guid, ev.providerGuid);
  b.setStr(COL.event_source, ev.eventSourceName);
  b.setInt(COL.event_id, ev.eventId);
  b.setInt(COL.qualifiers, ev.qualifiers);
  b.setInt(COL.version, ev.version);
  b.setInt(COL.level, ev.level);
  b.setInt(COL.task, ev.task);
  b.setInt(COL.opcode, ev.opcode);
  b.setStr(COL.keywords, ev.keywords);
  b.setBigInt(COL.record_id, ev.eventRecordId);
  b.setBigInt(COL.header_record_id, origin.headerRecordId);
  b.setTicks(COL.ts, ev.timeCreated);
  b.setTicks(COL.written_ts, origin.writtenTicks);
  b.setBigInt(COL.process_id, ev.processId === null ? null : BigInt(ev.processId));
  b.setBigInt(COL.thread_id, ev.threadId === null ? null : BigInt(ev.threadId));
  b.setStr(COL.user_sid, ev.userSid);
  b.setStr(COL.activity_id, ev.activityId);
  b.setStr(COL.data, ev.data === null ? null : dataJson(ev.data));
  b.setList(COL.params, ev.values);
  const message = origin.message ?? renderMessage(ev.provider, ev.eventSourceName, ev.eventId, ev.values, ev.data);
  b.setStr(COL.message, message);
  b.setBool(COL.recovered, origin.recovered);
  b.setInt(COL.chunk, origin.chunk);
  b.setBigInt(COL.file_offset, origin.offset === null ? null : BigInt(origin.offset));
  b.setStr(COL.related_activity_id, ev.relatedActivityId);
}

/** JSON text of EventData/UserData with every leaf as its display text. */
export function dataJson(v: { [key: string]: JsonValue }): string {
  return json(v);
}

function json(v: JsonValue): string {
  switch (typeof v) {
    case 'string': return JSON.stringify(v);
    case 'number': return JSON.stringify(String(v));
    case 'boolean': return v ? '"true"' : '"false"';
    default:
      // An empty element (null) and an empty string render alike in XML: both are "".
      if (v === null) return '""';
      if (Array.isArray(v)) return `[${v.map(json).join(',')}]`;
      return `{${Object.keys(v).map((k) => `${JSON.stringify(k)}:${json(v[k]!)}`).join(',')}}`;
  }
}
