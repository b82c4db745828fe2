/**
 * Terminal table of timeline rows for `bindtrail timeline` (no colours), fitted to the terminal
 * width (./fit.ts): framed on a TTY, plain in a pipe. Log text is passed through plainText:
 * escape sequences and controls from an event cannot reach the terminal.
 */
import type { TimelineEntry } from '../../model/index.js';
import { formatLocal, formatUtc, resolveDisplayZone } from '../format-time.js';
import { plainText } from '../text-safety.js';
import { UNKNOWN_HOST, compareTime, eventLabel } from '../view-helpers.js';
import { renderFittedTable, type ColumnSpec, type FitOptions } from './fit.js';

export interface TimelineTableOptions {
  /** Display zone already resolved (the CLI's `--tz`); null = UTC only. When given, `timeZone` is not read. */
  zone?: string | null;
  /** IANA zone: adds a local-time column beside UTC (`UTC` or unset: UTC only). */
  timeZone?: string;
  /** Wrap the summary column at this many characters (default 60, none in a pipe of no width; 0 = no wrap). */
  summaryWidth?: number;
  /** Keep the rows' order instead of sorting by time then host. */
  keepOrder?: boolean;
  /** Width and framing (the CLI's terminal); default: framed, as wide as the rows need. */
  fit?: FitOptions;
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
  const fit = options.fit ?? { width: Infinity, isTTY: true };
  // In a pipe without a width, one line per event (for grep).
  const width = options.summaryWidth ?? (fit.isTTY || Number.isFinite(fit.width) ? 60 : 0);
  const specs = columns(zone, width);
  const body = rows.map((e) => {
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
    return row;
  });
  return `${renderFittedTable(specs, body, fit)}\n`;
}

/**
 * The columns; every one but Role wraps (times at the space between date and time), so at 80
 * columns the minimums and the frame still fit.
 */
function columns(zone: string | null, summaryWidth: number): ColumnSpec[] {
  const out: ColumnSpec[] = [{ header: 'Time (UTC)', min: 16, wrap: true }];
  if (zone) out.push({ header: `Local (${zone})`, min: 13, wrap: true });
  out.push(
    { header: 'Host', min: 5, wrap: true },
    { header: 'Role', min: 8 },
    { header: 'Event', min: 6, wrap: true },
    { header: 'Record', min: 5, wrap: true },
    { header: 'Summary', min: 10, wrap: true, ...(summaryWidth > 0 ? { max: summaryWidth } : {}) },
    { header: 'Findings', min: 5, wrap: true },
  );
  return out;
}
