/**
 * The timeline: every finding's evidence plus the notable events around it (queries/general/
 * notable-events.sql), or every event with `all` (queries/general/all-events.sql).
 */
import type { Connection } from '../store/db.js';
import type { Finding, TimelineCount, TimelineEntry } from '../model/index.js';
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

/** Timeline entries in time order; with no findings (and no `all`), the notable events of every host. */
export async function buildTimeline(
  conn: Connection,
  findings: Finding[],
  options: TimelineOptions = {},
): Promise<TimelineEntry[]> {
  const filters = { host: options.host, since: options.since, until: options.until };
  const rows = await runBundled(conn, options.all ? 'all-events' : 'notable-events', filters);
  const byKey = new Map<string, TimelineEntry>();
  for (const f of findings) {
    for (const e of f.evidence) {
      if (e.time === null || e.role === 'configuration' || !inBounds(e.time, e.host, options)) continue;
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
  const windows = contextWindows(findings, options.contextMs ?? DEFAULT_CONTEXT_MS);
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
