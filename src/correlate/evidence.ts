/** Evidence rows built from query rows (pure data, shared by the chain rules). */
import type { Evidence } from '../model/index.js';
import { isoUtc } from './time.js';

export interface EventRef {
  ts: unknown;
  file: unknown;
  record_id: unknown;
  event_id?: unknown;
  provider?: unknown;
}

/** One evidence row for an event reference; `file` falls back to '' when the files row is gone. */
export function eventEvidence(ref: EventRef, host: string | null, role: Evidence['role'], summary: string): Evidence {
  return {
    file: ref.file === null || ref.file === undefined ? '' : String(ref.file),
    recordId: ref.record_id === null || ref.record_id === undefined ? null : String(ref.record_id),
    time: isoUtc(ref.ts),
    host,
    role,
    summary,
    provider: ref.provider === null || ref.provider === undefined ? null : String(ref.provider),
    eventId: ref.event_id === null || ref.event_id === undefined ? null : Number(ref.event_id),
  };
}

/** Evidence in time order (configuration rows, which have no time, last), each event once. */
export function sortEvidence(rows: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const e of rows) {
    const key = e.recordId === null ? `${e.file}|${e.summary}` : `${e.file}|${e.recordId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out.sort(compareEvidence);
}

/** Time order; equal times (a 15300 and its 119 twin) by file, then record number, so reports are stable. */
function compareEvidence(a: Evidence, b: Evidence): number {
  const byTime = (a.time ?? '\uffff').localeCompare(b.time ?? '\uffff');
  if (byTime !== 0) return byTime;
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const ra = a.recordId ?? '';
  const rb = b.recordId ?? '';
  return ra.length !== rb.length ? ra.length - rb.length : ra < rb ? -1 : ra > rb ? 1 : 0;
}

/** First and last event time of the evidence. */
export function evidenceSpan(rows: Evidence[]): { start: string | null; end: string | null } {
  const times = rows
    .map((e) => e.time)
    .filter((t): t is string => t !== null)
    .sort();
  return { start: times[0] ?? null, end: times[times.length - 1] ?? null };
}

export function asString(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

export function asStrings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x) => x !== null && x !== undefined).map(String) : [];
}
