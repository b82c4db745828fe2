/**
 * One normalised event (src/evtx/event.ts) → one `events` row in a RowBatchBuilder. Shared by the
 * .evtx workers and the XML-export reader, so both sources give identical rows.
 *
 * `data` is stored as JSON whose leaves are the values' display text (as the XML rendering shows
 * them): an XML export carries no value types, so text is the only form both sources agree on.
 * Numbers compare fine after a cast: `(data->>'ErrorStatus')::BIGINT`; an empty value is "".
 */
import type { EvtxEvent, FlatEvent, JsonValue } from '../evtx/index.js';
import { COL, type RowBatchBuilder } from '../store/row-batch.js';
import { renderMessage } from './messages/render.js';
import { writeFlatMessage } from './messages/write-message.js';

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
  beginRow(b, ev, origin);
  b.setStr(COL.data, ev.data === null ? null : dataJson(ev.data));
  b.setList(COL.params, ev.values);
  const message = origin.message ?? renderMessage(ev.provider, ev.eventSourceName, ev.eventId, ev.values, ev.data);
  b.setStr(COL.message, message);
  endRow(b, ev, origin);
}

/** JSON text of EventData/UserData with every leaf as its display text (`v` is converted in place). */
export function dataJson(v: { [key: string]: JsonValue }): string {
  textLeaves(v);
  return JSON.stringify(v);
}

/**
 * Numbers and booleans → their text; null (an empty element) → "" as XML renders both alike.
 * An array value of one item is that item and an empty one is "": XML shows an array as one
 * element per item, so a single item cannot be told from a plain value.
 */
function leafText(x: JsonValue): JsonValue {
  switch (typeof x) {
    case 'number':
      return String(x);
    case 'boolean':
      return x ? 'true' : 'false';
    case 'object':
      if (x === null) return '';
      if (Array.isArray(x) && x.length <= 1)
        return x.length === 0 ? '' : typeof x[0] === 'string' ? wellFormed(x[0]) : leafText(x[0]!);
      textLeaves(x);
      return x;
    default:
      return x;
  }
}

/** Strings are made well-formed: a lone UTF-16 surrogate becomes U+FFFD, as in every text column. */
function textLeaves(v: JsonValue[] | { [key: string]: JsonValue }): void {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x = v[i]!;
      v[i] = typeof x === 'string' ? wellFormed(x) : leafText(x);
    }
    return;
  }
  for (const k in v) {
    const x = v[k]!;
    v[k] = typeof x === 'string' ? wellFormed(x) : leafText(x);
  }
}

function wellFormed(s: string): string {
  return (s as WellFormed).isWellFormed() ? s : (s as WellFormed).toWellFormed();
}

/** ES2024 String methods (Node 20+), not in this project's ES2022 lib. */
type WellFormed = string & { isWellFormed(): boolean; toWellFormed(): string };

/** Append a record extracted by a row plan (src/evtx/render/row-plan.ts): the same row `addEventRow` gives. */
export function addFlatRow(b: RowBatchBuilder, f: FlatEvent, origin: RowOrigin): void {
  beginRow(b, f, origin);
  if (f.hasData) b.setJsonObject(COL.data, f.keyBytes, f.leaves);
  else b.setNull(COL.data);
  if (f.hasData) b.setListOfLeaves(COL.params, f.values, f.valueLeaf);
  else b.setList(COL.params, f.values);
  writeFlatMessage(b, COL.message, COL.params, f);
  endRow(b, f, origin);
}

/** System fields shared by both row sources (a full event, or a row plan's flat record). */
type SystemFields = Omit<EvtxEvent, 'data' | 'values'>;

/** Start a row: the System columns and the record-header columns. */
function beginRow(b: RowBatchBuilder, sys: SystemFields, origin: RowOrigin): void {
  b.begin();
  b.setStr(COL.host, sys.computer);
  b.setStr(COL.channel, sys.channel);
  b.setStr(COL.provider, sys.provider);
  b.setStr(COL.provider_guid, sys.providerGuid);
  b.setStr(COL.event_source, sys.eventSourceName);
  b.setInt(COL.event_id, sys.eventId);
  b.setInt(COL.qualifiers, sys.qualifiers);
  b.setInt(COL.version, sys.version);
  b.setInt(COL.level, sys.level);
  b.setInt(COL.task, sys.task);
  b.setInt(COL.opcode, sys.opcode);
  b.setStr(COL.keywords, sys.keywords);
  b.setBigInt(COL.record_id, sys.eventRecordId);
  b.setBigInt(COL.header_record_id, origin.headerRecordId);
  b.setTicks(COL.ts, sys.timeCreated);
  b.setTicks(COL.written_ts, origin.writtenTicks);
  b.setU64(COL.process_id, sys.processId);
  b.setU64(COL.thread_id, sys.threadId);
  b.setStr(COL.user_sid, sys.userSid);
  b.setStr(COL.activity_id, sys.activityId);
}

/** Finish a row: where the record came from. */
function endRow(b: RowBatchBuilder, sys: SystemFields, origin: RowOrigin): void {
  b.setBool(COL.recovered, origin.recovered);
  b.setInt(COL.chunk, origin.chunk);
  b.setU64(COL.file_offset, origin.offset);
  b.setStr(COL.related_activity_id, sys.relatedActivityId);
}
