/**
 * One JSON object per record for `dump --format jsonl`: record location fields followed by
 * the normalised event. bigint fields become numbers when exact, decimal strings otherwise.
 */
import type { EvtxEvent, JsonValue } from '../event.js';
import type { EvtxRecord } from '../items.js';
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
  const ms = Number((ticks - FILETIME_UNIX_EPOCH) / 10000n) - (ticks < FILETIME_UNIX_EPOCH && ticks % 10000n !== 0n ? 1 : 0);
  const d = new Date(Math.floor(Number(ticks - FILETIME_UNIX_EPOCH) / 1e7) * 1000);
  if (Number.isNaN(d.getTime()) || Number.isNaN(ms)) return null;
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
