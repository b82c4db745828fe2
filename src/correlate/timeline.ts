/**
 * The timeline: every finding's evidence plus the notable events around it (queries/general/
 * notable-events.sql), or every event with `all` (queries/general/all-events.sql). Without `all`
 * it stays bounded whatever the log size: routine repeats (more than ROUTINE_PER_HOUR events of a
 * kind on a host in an hour, also among a finding's evidence of one role) are not listed one by
 * one and context rows stop at MAX_CONTEXT;
 * `timelineCounts` counts every notable event per host, hour and kind instead.
 */
import type { Connection } from '../store/db.js';
import type { Finding, NotableCount, TimelineCount, TimelineEntry } from '../model/index.js';
import type { Row } from '../store/run-query.js';
import { runBundled } from './bundled-queries.js';
import { asString } from './evidence.js';
import { epochMs, isoUtc } from './time.js';

export interface TimelineOptions {
  /** Every event instead of the notable ones around the findings. */
  all?: boolean;
  host?: string;
  /** UTC bounds as DuckDB TIMESTAMP text. */
  since?: string;
  until?: string;
  /** Context kept around each finding's span, in milliseconds (default 10 minutes). */
  contextMs?: number;
}

const DEFAULT_CONTEXT_MS = 10 * 60_000;

/** Notable events of one kind on one host in one hour listed one by one; more are counted only. */
export const ROUTINE_PER_HOUR = 5;

/** Context rows listed at most (findings' evidence comes on top). */
export const MAX_CONTEXT = 2000;

/** Timeline entries in time order; with no findings (and no `all`), the notable events of every host. */
export async function buildTimeline(
  conn: Connection,
  findings: Finding[],
  options: TimelineOptions = {},
): Promise<TimelineEntry[]> {
  const windows = contextWindows(findings, options.contextMs ?? DEFAULT_CONTEXT_MS);
  const rows = await contextRows(conn, windows, findings.length > 0, options);
  const byKey = new Map<string, TimelineEntry>();
  // Evidence of one finding, role and kind on a host in an hour beyond ROUTINE_PER_HOUR: counted only.
  const perHour = new Map<string, number>();
  for (const f of findings) {
    for (const e of f.evidence) {
      if (e.time === null || e.role === 'configuration' || !inBounds(e.time, e.host, options)) continue;
      const bucket = `${f.id}|${e.role}|${e.host}|${e.provider}|${e.eventId}|${e.time.slice(0, 13)}`;
      const seen = (perHour.get(bucket) ?? 0) + 1;
      perHour.set(bucket, seen);
      if (!options.all && seen > ROUTINE_PER_HOUR) continue;
      const key = `${e.file}|${e.recordId}`;
      const prev = byKey.get(key);
      if (prev) {
        if (!prev.findingIds.includes(f.id)) prev.findingIds.push(f.id);
        continue;
      }
      byKey.set(key, {
        time: e.time,
        host: e.host,
        role: e.role,
        provider: e.provider ?? null,
        eventId: e.eventId ?? null,
        recordId: e.recordId,
        file: e.file,
        summary: e.summary,
        findingIds: [f.id],
      });
    }
  }
  for (const r of rows) {
    const entry = contextEntry(r);
    if (entry === null || byKey.has(`${entry.file}|${entry.recordId}`)) continue;
    if (!options.all && findings.length > 0 && !inWindows(entry, windows)) continue;
    byKey.set(`${entry.file}|${entry.recordId}`, entry);
  }
  return [...byKey.values()].sort(
    (a, b) =>
      a.time.localeCompare(b.time) ||
      (a.host ?? '').localeCompare(b.host ?? '') ||
      Number(a.recordId ?? 0) - Number(b.recordId ?? 0),
  );
}

/**
 * Rows for context: every event with `all`; else the notable events of each finding's window
 * (every host's when there is no finding), routine repeats left out, MAX_CONTEXT at most.
 */
async function contextRows(
  conn: Connection,
  windows: Window[],
  hasFindings: boolean,
  o: TimelineOptions,
): Promise<Row[]> {
  const filters = { host: o.host, since: o.since, until: o.until };
  if (o.all) return runBundled(conn, 'all-events', filters);
  const bounded = { per_hour: String(ROUTINE_PER_HOUR), max_rows: String(MAX_CONTEXT) };
  if (!hasFindings) return runBundled(conn, 'notable-events', { ...filters, ...bounded });
  const out: Row[] = [];
  for (const w of mergeWindows(windows)) {
    if (out.length >= MAX_CONTEXT) break;
    const since = latest(w.from, o.since);
    const until = earliest(w.to, o.until);
    if (since > until) continue;
    const host = w.host ?? o.host;
    if (o.host !== undefined && host !== o.host) continue;
    const slice = { host, since: duckTime(since), until: duckTime(until) };
    out.push(
      ...(await runBundled(conn, 'notable-events', {
        ...slice,
        ...bounded,
        max_rows: String(MAX_CONTEXT - out.length),
      })),
    );
  }
  return out;
}

/** Notable events counted per host, hour and kind, in the host/time slice of the options. */
export async function notableCounts(conn: Connection, options: TimelineOptions = {}): Promise<NotableCount[]> {
  const rows = await runBundled(conn, 'notable-event-counts', {
    host: options.host,
    since: options.since,
    until: options.until,
  });
  return rows.map((r) => ({
    host: asString(r.host),
    kind: asString(r.category) ?? '',
    provider: asString(r.provider),
    eventId: r.event_id === null || r.event_id === undefined ? null : Number(r.event_id),
    bucketStart: isoUtc(r.bucket_start) ?? '',
    bucketEnd: isoUtc(r.bucket_end) ?? '',
    count: Number(r.count ?? 0),
  }));
}

/** Windows of the same host that overlap, merged; in time order. */
function mergeWindows(windows: readonly Window[]): Window[] {
  const sorted = [...windows].sort((a, b) => (a.host ?? '').localeCompare(b.host ?? '') || a.from - b.from);
  const out: Window[] = [];
  for (const w of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && last.host === w.host && w.from <= last.to) last.to = Math.max(last.to, w.to);
    else out.push({ ...w });
  }
  return out.sort((a, b) => a.from - b.from);
}

const latest = (ms: number, bound: string | undefined): number =>
  bound === undefined ? ms : Math.max(ms, epochMs(bound));
const earliest = (ms: number, bound: string | undefined): number =>
  bound === undefined ? ms : Math.min(ms, epochMs(bound));

/** DuckDB TIMESTAMP text (UTC) of epoch milliseconds. */
function duckTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

function contextEntry(r: Row): TimelineEntry | null {
  const time = isoUtc(r.ts);
  if (time === null) return null;
  return {
    time,
    host: asString(r.host),
    role: 'context',
    provider: asString(r.provider),
    eventId: r.event_id === null || r.event_id === undefined ? null : Number(r.event_id),
    recordId: asString(r.record_id),
    file: asString(r.file) ?? '',
    summary: asString(r.summary) ?? '',
    findingIds: [],
  };
}

interface Window {
  host: string | null;
  from: number;
  to: number;
}

function contextWindows(findings: Finding[], contextMs: number): Window[] {
  return findings
    .filter((f) => f.start !== null && f.end !== null)
    .map((f) => ({ host: f.host, from: epochMs(f.start!) - contextMs, to: epochMs(f.end!) + contextMs }));
}

function inWindows(e: TimelineEntry, windows: Window[]): boolean {
  const t = epochMs(e.time);
  return windows.some((w) => (w.host === null || w.host === e.host) && t >= w.from && t <= w.to);
}

function inBounds(time: string, host: string | null, o: TimelineOptions): boolean {
  if (o.host !== undefined && host !== o.host) return false;
  const t = epochMs(time);
  if (o.since !== undefined && t < epochMs(o.since)) return false;
  if (o.until !== undefined && t > epochMs(o.until)) return false;
  return true;
}

/** Every event of the logs counted per host and UTC hour (queries/general/timeline-counts.sql). */
export async function timelineCounts(
  conn: Connection,
  filters: Pick<TimelineOptions, 'host' | 'since' | 'until'> = {},
): Promise<TimelineCount[]> {
  const rows = await runBundled(conn, 'timeline-counts', filters);
  const out: TimelineCount[] = [];
  for (const r of rows) {
    const hour = isoUtc(r.hour);
    if (hour === null) continue;
    out.push({
      host: asString(r.host),
      hour,
      count: Number(r.events ?? 0),
    });
  }
  return out;
}
