/**
 * One JSON object per record for `dump --format jsonl`: record location fields followed by
 * the normalised event. bigint fields become numbers when exact, decimal strings otherwise.
 */
import type { EvtxEvent, JsonValue } from '../event.js';
import type { EvtxRecord } from '../items.js';
import { filetimePrefix } from '../binxml/values.js';
import { FILETIME_UNIX_EPOCH } from '../types.js';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** bigint → number when exactly representable, else its decimal text. */
export function bigJson(v: bigint | null): number | string | null {
  if (v === null) return null;
  return v <= MAX_SAFE && v >= -MAX_SAFE ? Number(v) : v.toString();
}

/** FILETIME ticks → `YYYY-MM-DDThh:mm:ss.fffffffZ` (null when out of range). */
export function filetimeIso(ticks: bigint | null): string | null {
  if (ticks === null) return null;
  if (ticks < 0n || ticks > MAX_U64) return dateIso(ticks);
  // Same exact split and day-cached formatting as XML output (values.ts), no Date per record.
  const hi = Number(ticks >> 32n);
  const lo = Number(ticks & 0xffffffffn);
  const rem = hi * 4967296 + lo;
  const frac = rem % 1e7;
  return (
    filetimePrefix(null, hi * 429 + Math.floor(rem / 1e7)) +
    '.' +
    (frac < 1e6 ? String(frac).padStart(7, '0') : String(frac)) +
    'Z'
  );
}

const MAX_U64 = (1n << 64n) - 1n;

/** Ticks outside u64 (not produced by the reader): through Date. */
function dateIso(ticks: bigint): string | null {
  const d = new Date(Math.floor(Number(ticks - FILETIME_UNIX_EPOCH) / 1e7) * 1000);
  if (Number.isNaN(d.getTime())) return null;
  const frac = ((ticks % 10000000n) + 10000000n) % 10000000n;
  return d.toISOString().slice(0, 19) + '.' + frac.toString().padStart(7, '0') + 'Z';
}

/** The JSON object of one record (plain JSON values only). */
export function recordJson(rec: EvtxRecord, ev: EvtxEvent = rec.event()): { [key: string]: JsonValue } {
  return {
    recordId: bigJson(rec.recordId),
    eventRecordId: bigJson(ev.eventRecordId),
    timestamp: filetimeIso(ev.timeCreated),
    writtenTime: filetimeIso(rec.writtenTicks),
    chunk: rec.chunkIndex,
    offset: rec.offset,
    carved: rec.carved,
    provider: ev.provider,
    providerGuid: ev.providerGuid,
    eventSourceName: ev.eventSourceName,
    eventId: ev.eventId,
    qualifiers: ev.qualifiers,
    version: ev.version,
    level: ev.level,
    task: ev.task,
    opcode: ev.opcode,
    keywords: ev.keywords,
    timeCreated: ev.timeCreated === null ? null : ev.timeCreated.toString(),
    activityId: ev.activityId,
    relatedActivityId: ev.relatedActivityId,
    processId: ev.processId,
    threadId: ev.threadId,
    channel: ev.channel,
    computer: ev.computer,
    userSid: ev.userSid,
    data: ev.data,
    values: ev.values,
    ...(rec.warnings.length > 0 ? { warnings: rec.warnings } : {}),
  };
}
