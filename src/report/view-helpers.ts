/**
 * Format-independent views of a ReportModel shared by the renderers: finding numbers, hosts in
 * display order, timeline rows grouped per host, short event labels.
 */
import type { Finding, ReportModel, TimelineEntry } from '../model/index.js';

/** Label used for rows whose host is unknown (null). */
export const UNKNOWN_HOST = '(unknown host)';

/** Finding id → 1-based number in report order (ids carry log text; numbers are safe anchors). */
export function findingNumbers(findings: readonly Finding[]): Map<string, number> {
  const map = new Map<string, number>();
  findings.forEach((f, i) => {
    if (!map.has(f.id)) map.set(f.id, i + 1);
  });
  return map;
}

/** `Microsoft-Windows-HttpEvent 15300`, `15300`, `System` or `—`. */
export function eventLabel(provider: string | null | undefined, eventId: number | null | undefined): string {
  const parts = [provider ?? '', eventId === null || eventId === undefined ? '' : String(eventId)].filter(
    (p) => p !== '',
  );
  return parts.length > 0 ? parts.join(' ') : '—';
}

/** Hosts in display order: the model's host list first, then hosts seen only in timeline/findings. */
export function hostOrder(model: ReportModel): Array<string | null> {
  const seen = new Set<string | null>();
  const out: Array<string | null> = [];
  const add = (h: string | null): void => {
    if (!seen.has(h)) {
      seen.add(h);
      out.push(h);
    }
  };
  for (const h of model.hosts) add(h.host);
  for (const e of model.timeline) add(e.host);
  for (const f of model.findings) if (f.start !== null) add(f.host);
  return out;
}

/** Compare ISO-8601 UTC strings of the model's fixed format (lexical order = time order). */
export function compareTime(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Timeline rows of one host, in time order (stable for equal times). */
export function timelineForHost(model: ReportModel, host: string | null): TimelineEntry[] {
  return model.timeline.filter((e) => e.host === host).sort((a, b) => compareTime(a.time, b.time));
}

/** Timeline rows grouped by host, hosts in `hostOrder`, hosts without rows left out. */
export function timelineByHost(model: ReportModel): Array<{ host: string | null; entries: TimelineEntry[] }> {
  return hostOrder(model)
    .map((host) => ({ host, entries: timelineForHost(model, host) }))
    .filter((g) => g.entries.length > 0);
}

/** `#1, #3` for the findings a row is evidence of (unknown ids are left out). */
export function findingRefs(ids: readonly string[], numbers: ReadonlyMap<string, number>): number[] {
  const nums = ids.map((id) => numbers.get(id)).filter((n): n is number => n !== undefined);
  return [...new Set(nums)].sort((a, b) => a - b);
}

/** Key matching a timeline row to an evidence row: same file and record id. */
export function sourceKey(file: string, recordId: string | null): string | null {
  return recordId === null ? null : `${file}\u0000${recordId}`;
}
