/**
 * The report's timeline kept bounded whatever the log size: every row that is evidence of a
 * finding stays, and of the other (context) rows at most `perKind` per host, provider and event
 * id, the earliest first. The rest are only counted (the model's `timelineCounts`); `--all`
 * keeps every row.
 */
import type { TimelineEntry } from '../model/index.js';

/** Context rows kept per host, provider and event id by default. */
export const CONTEXT_ROWS_PER_KIND = 100;

/** `rows` (in time order) with the context rows beyond `perKind` of their kind left out. */
export function boundTimeline(rows: readonly TimelineEntry[], perKind = CONTEXT_ROWS_PER_KIND): TimelineEntry[] {
  const seen = new Map<string, number>();
  return rows.filter((e) => {
    if (e.findingIds.length > 0) return true;
    const key = `${e.host ?? ''}\u0000${e.provider ?? ''}\u0000${e.eventId ?? ''}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n <= perKind;
  });
}
