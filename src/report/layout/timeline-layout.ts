/**
 * Timeline layout: an overview strip over the whole case (a lane for every host) and a zoomed
 * strip per finding episode, as data (lanes, histogram bins, marks with x/width/count/label,
 * finding spans, ticks in the display zone with UTC beside) for a renderer (svg-timeline.ts).
 * The output is bounded by lanes × bins + marks whatever the input size.
 */
import { indexTimeline, type IndexOptions, type TimelineIndex, type TimelinePoint } from './timeline-index.js';
import { layoutStrip, type LayoutFinding, type StripGeometry, type TimelineStrip } from './timeline-strip.js';
import { formatZonedRange, isoToMs } from './zone-time.js';

export type {
  FindingSpan,
  HistogramBin,
  LayoutFinding,
  StripGeometry,
  StripLane,
  StripSpec,
  TimelineMark,
  TimelineStrip,
} from './timeline-strip.js';
export { layoutStrip } from './timeline-strip.js';

export interface TimelineLayout {
  overview: TimelineStrip | null;
  zooms: TimelineStrip[];
  /** Zoom strips not laid out because of `maxStrips`. */
  omittedZooms: number;
  /** Number of lanes of the overview (= every host). */
  lanes: number;
}

export interface OverviewOptions extends StripGeometry {
  /** Drawn domain (ms); default all entries and finding spans with 3 % padding. */
  domain?: { startMs: number; endMs: number };
}

/** The overview strip: every lane over the whole case, or null when nothing has a time. */
export function layoutOverview(
  index: TimelineIndex,
  findings: readonly LayoutFinding[],
  options: OverviewOptions = {},
): TimelineStrip | null {
  let lo = index.minMs;
  let hi = index.maxMs;
  for (const f of findings) {
    for (const t of [isoToMs(f.start), isoToMs(f.end)]) {
      if (t === null) continue;
      lo = Number.isNaN(lo) ? t : Math.min(lo, t);
      hi = Number.isNaN(hi) ? t : Math.max(hi, t);
    }
  }
  const domain = options.domain ?? padded(lo, hi, 0.03, 30_000);
  if (domain === null) return null;
  const title = `Timeline: ${index.lanes.length} host(s), ${formatZonedRange(domain.startMs, domain.endMs, options.zone ?? null)}`;
  return layoutStrip(index, { id: 'overview', title, findingId: null, ...domain, findings }, options);
}

function padded(lo: number, hi: number, share: number, minHalf: number): { startMs: number; endMs: number } | null {
  if (Number.isNaN(lo) || Number.isNaN(hi)) return null;
  if (hi - lo < 1) return { startMs: lo - minHalf, endMs: hi + minHalf };
  const pad = (hi - lo) * share;
  return { startMs: lo - pad, endMs: hi + pad };
}

export interface ZoomOptions extends StripGeometry {
  /** Time shown before and after each episode (default 20 s). */
  marginMs?: number;
  /** An episode longer than this is cut to its beginning, where the chain starts (default 5 min). */
  maxSpanMs?: number;
  /** Evidence times further apart than this start a new episode (default 30 min). */
  episodeGapMs?: number;
  /** Upper bound on zoom strips over all findings (default 24). */
  maxStrips?: number;
}

/** Episodes of a finding: runs of evidence times no more than `gapMs` apart, or its start–end. */
export function episodes(f: LayoutFinding, gapMs: number): Array<[number, number]> {
  const times = (f.evidence ?? [])
    .map((e) => isoToMs(e.time))
    .filter((t): t is number => t !== null)
    .sort((a, b) => a - b);
  if (times.length === 0) {
    const a = isoToMs(f.start);
    const b = isoToMs(f.end) ?? a;
    return a === null || b === null ? [] : [[a, b]];
  }
  const out: Array<[number, number]> = [[times[0]!, times[0]!]];
  for (const t of times.slice(1)) {
    const cur = out[out.length - 1]!;
    if (t - cur[1] > gapMs) out.push([t, t]);
    else cur[1] = t;
  }
  return out;
}

/**
 * One zoomed strip per finding episode (finding window ± margin), on the finding's host lane
 * (every lane with events in the window for a finding of no host).
 */
export function zoomStrips(
  index: TimelineIndex,
  findings: readonly LayoutFinding[],
  options: ZoomOptions = {},
): { strips: TimelineStrip[]; omitted: number } {
  const margin = options.marginMs ?? 20_000;
  const maxSpan = options.maxSpanMs ?? 5 * 60_000;
  const maxStrips = options.maxStrips ?? 24;
  const strips: TimelineStrip[] = [];
  let omitted = 0;
  findings.forEach((f, fi) => {
    episodes(f, options.episodeGapMs ?? 30 * 60_000).forEach(([a, b], ei) => {
      if (strips.length >= maxStrips) {
        omitted += 1;
        return;
      }
      const startMs = a - margin;
      const endMs = Math.min(b, a + maxSpan) + margin;
      const lanes = laneSet(index, f.host, startMs, endMs);
      const title = `${f.title ?? f.id}: ${formatZonedRange(startMs, endMs, options.zone ?? null)}`;
      strips.push(
        layoutStrip(
          index,
          { id: `zoom-${fi + 1}-${ei + 1}`, title, findingId: f.id, startMs, endMs, lanes, findings: [f] },
          options,
        ),
      );
    });
  });
  return { strips, omitted };
}

function laneSet(index: TimelineIndex, host: string | null, start: number, end: number): number[] {
  const own = index.lanes.find((l) => l.host === host);
  if (own && host !== null) return [own.index];
  const used = new Set<number>();
  for (const n of index.notable) if (n.ms >= start && n.ms <= end) used.add(n.lane);
  return [...used].sort((x, y) => x - y);
}

export interface TimelineLayoutOptions extends OverviewOptions, IndexOptions {
  zoom?: ZoomOptions | false;
}

/**
 * Index the entries and lay out the overview (a lane for every one of `hosts` and every host in
 * the entries) and the zoom strips of `findings`.
 */
export function layoutTimeline(
  entries: Iterable<TimelinePoint>,
  hosts: Iterable<string | null>,
  findings: readonly LayoutFinding[],
  options: TimelineLayoutOptions = {},
): TimelineLayout {
  const findingHosts = findings.filter((f) => f.host !== null).map((f) => f.host);
  const index = indexTimeline(entries, [...hosts, ...findingHosts], options);
  const overview = layoutOverview(index, findings, options);
  const { strips, omitted } =
    options.zoom === false
      ? { strips: [], omitted: 0 }
      : zoomStrips(index, findings, {
          width: options.width,
          labelWidth: options.labelWidth,
          right: options.right,
          zone: options.zone ?? null,
          ...options.zoom,
        });
  return { overview, zooms: strips, omittedZooms: omitted, lanes: index.lanes.length };
}
