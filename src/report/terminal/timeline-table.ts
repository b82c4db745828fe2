/**
 * Terminal table of timeline rows for `bindtrail timeline` (cli-table3, no colours). Log text is
 * passed through plainText: escape sequences and controls from an event cannot reach the terminal.
 */
import Table from 'cli-table3';
import type { TimelineEntry } from '../../model/index.js';
import { formatLocal, formatUtc, resolveDisplayZone } from '../format-time.js';
import { plainText } from '../text-safety.js';
import { UNKNOWN_HOST, compareTime, eventLabel } from '../view-helpers.js';

export interface TimelineTableOptions {
  /** Display zone already resolved (the CLI's `--tz`); null = UTC only. When given, `timeZone` is not read. */
  zone?: string | null;
  /** IANA zone: adds a local-time column beside UTC (`UTC` or unset: UTC only). */
  timeZone?: string;
  /** Wrap the summary column at this many characters (default 60; 0 = no wrap). */
  summaryWidth?: number;
  /** Keep the rows' order instead of sorting by time then host. */
  keepOrder?: boolean;
}

/** The finding kinds of a row (`abo-binding-deleted`), from ids shaped `<kind>:<host>:<key>`. */
function findingKinds(ids: readonly string[]): string {
  const kinds = [...new Set(ids.map((id) => id.split(':', 1)[0] ?? id))];
  return kinds.length > 0 ? kinds.join(', ') : '';
}

/**
 * Render timeline rows as a text table: time (UTC, and local when a zone is given), host, role,
 * event, record id, summary, findings. An empty list gives a one-line message.
 * Throws UsageError for an unknown `timeZone`.
 */
export function renderTimelineTable(entries: readonly TimelineEntry[], options: TimelineTableOptions = {}): string {
  const zone = options.zone !== undefined ? options.zone : resolveDisplayZone(options.timeZone);
  if (entries.length === 0) return 'No event on the timeline.\n';
  const rows = options.keepOrder
    ? [...entries]
    : [...entries].sort((a, b) => compareTime(a.time, b.time) || (a.host ?? '').localeCompare(b.host ?? ''));
  const width = options.summaryWidth ?? 60;
  const head = ['Time (UTC)'];
  if (zone) head.push(`Local (${zone})`);
  head.push('Host', 'Role', 'Event', 'Record', 'Summary', 'Findings');
  const summaryCol = head.indexOf('Summary');
  const colWidths: Array<number | null> = head.map((_h, i) => (i === summaryCol && width > 0 ? width + 2 : null));
  const table = new Table({
    head,
    style: { head: [], border: [], compact: true },
    wordWrap: true,
    wrapOnWordBoundary: true,
    colWidths,
  });
  for (const e of rows) {
    const row = [formatUtc(e.time)];
    if (zone) row.push(formatLocal(e.time, zone));
    row.push(
      plainText(e.host ?? UNKNOWN_HOST),
      e.role,
      plainText(eventLabel(e.provider, e.eventId)),
      e.recordId === null ? '—' : plainText(e.recordId),
      plainText(e.summary),
      plainText(findingKinds(e.findingIds)),
    );
    table.push(row);
  }
  return `${table.toString()}\n`;
}
