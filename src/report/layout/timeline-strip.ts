/**
 * One timeline strip laid out as data: per-lane histogram bins of the routine events, marks for
 * the notable ones (events of one kind on one lane closer than `burstGapPx` become one mark with
 * a count), finding spans and ticks. At most lanes × bins bins and `maxMarks` marks whatever the
 * input size.
 */
import { axisTicks, type AxisTick } from './time-ticks.js';
import type { TimelineIndex } from './timeline-index.js';
import { formatZoned, formatZonedRange, isoToMs } from './zone-time.js';

/** What the layout needs of a finding (the report's Finding fits). */
export interface LayoutFinding {
  id: string;
  host: string | null;
  level: string;
  title?: string;
  start: string | null;
  end: string | null;
  /** Times of the finding's evidence rows; splits a finding into episodes for zoom strips. */
  evidence?: ReadonlyArray<{ time: string | null }>;
}

export interface StripGeometry {
  /** Drawing width in px (default 1000). */
  width?: number;
  /** Left column for lane labels (default 170). */
  labelWidth?: number;
  right?: number;
  /** Histogram bins over the plot (default 200). */
  bins?: number;
  /** Marks of one kind on one lane closer than this become one burst (default 8 px). */
  burstGapPx?: number;
  /** Upper bound on marks per strip; the burst gap widens until it holds (default 400). */
  maxMarks?: number;
  /** Display zone (IANA); null or UTC for UTC only. */
  zone?: string | null;
  maxTicks?: number;
}

export interface HistogramBin {
  x: number;
  width: number;
  count: number;
  startMs: number;
  endMs: number;
}

export interface TimelineMark {
  /** Lane position within the strip. */
  lane: number;
  role: string;
  kind: string;
  /** x of the first event, width to the last (0 for a single event). */
  x: number;
  width: number;
  count: number;
  /** Drawn text: the count of a burst, empty for a single event. */
  label: string;
  /** Tooltip text: time(s) in the zone with UTC, host, role, kind, summary. */
  title: string;
  startMs: number;
  endMs: number;
  firstRecordId: string | null;
  lastRecordId: string | null;
  /** Findings the mark's events are evidence of (first 10). */
  findingIds: string[];
}

export interface FindingSpan {
  lane: number;
  findingId: string;
  level: string;
  x: number;
  width: number;
  title: string;
}

export interface StripLane {
  host: string | null;
  label: string;
  bins: HistogramBin[];
  /** Largest bin count of the lane (0 when none). */
  maxBin: number;
  routine: number;
}

export interface TimelineStrip {
  id: string;
  title: string;
  /** The finding a zoom strip belongs to, null for the overview. */
  findingId: string | null;
  startMs: number;
  endMs: number;
  width: number;
  plotLeft: number;
  plotRight: number;
  zone: string | null;
  lanes: StripLane[];
  marks: TimelineMark[];
  spans: FindingSpan[];
  ticks: AxisTick[];
  /** Burst gap actually used (wider than asked when `maxMarks` forced it). */
  burstGapPx: number;
  /** Marks merge events of different kinds of one role (`maxMarks` forced it). */
  mergedKinds: boolean;
  notable: number;
  routine: number;
}

/** What a strip shows: its id and title, time range, lanes and finding spans. */
export interface StripSpec {
  id: string;
  title: string;
  findingId: string | null;
  startMs: number;
  endMs: number;
  /** Index lanes to draw, in order; all when undefined. */
  lanes?: number[];
  findings: readonly LayoutFinding[];
}

const MAX_FINDING_IDS = 10;

/** Lay out one strip of the index over [spec.startMs, spec.endMs]. */
export function layoutStrip(index: TimelineIndex, spec: StripSpec, geometry: StripGeometry = {}): TimelineStrip {
  const width = geometry.width ?? 1000;
  const plotLeft = geometry.labelWidth ?? 170;
  const plotRight = width - (geometry.right ?? 24);
  const plot = plotRight - plotLeft;
  const zone = geometry.zone ?? null;
  const bins = Math.max(1, Math.min(geometry.bins ?? 200, Math.floor(plot)));
  const start = spec.startMs;
  const end = spec.endMs > start ? spec.endMs : start + 1;
  const span = end - start;
  const toX = (ms: number): number => round1(plotLeft + ((ms - start) / span) * plot);
  const laneIds = spec.lanes ?? index.lanes.map((l) => l.index);
  const pos = new Int32Array(index.lanes.length).fill(-1);
  laneIds.forEach((l, i) => (pos[l] = i));

  const counts = new Uint32Array(laneIds.length * bins);
  const routineByLane = new Uint32Array(laneIds.length);
  for (let i = 0; i < index.routineCount; i++) {
    const t = index.routineMs[i]!;
    if (t < start || t > end) continue;
    const p = pos[index.routineLane[i]!]!;
    if (p < 0) continue;
    const b = Math.min(bins - 1, Math.floor(((t - start) / span) * bins));
    counts[p * bins + b]! += 1;
    routineByLane[p]! += 1;
  }
  const binW = plot / bins;
  const lanes: StripLane[] = laneIds.map((l, p) => {
    const out: HistogramBin[] = [];
    let maxBin = 0;
    for (let b = 0; b < bins; b++) {
      const c = counts[p * bins + b]!;
      if (c === 0) continue;
      out.push({
        x: round1(plotLeft + b * binW),
        width: round1(binW),
        count: c,
        startMs: Math.round(start + (b * span) / bins),
        endMs: Math.round(start + ((b + 1) * span) / bins),
      });
      if (c > maxBin) maxBin = c;
    }
    const lane = index.lanes[l]!;
    return { host: lane.host, label: lane.label, bins: out, maxBin, routine: routineByLane[p]! };
  });

  const inRange = index.notable.filter((n) => n.ms >= start && n.ms <= end && pos[n.lane]! >= 0);
  const pxPerMs = plot / span;
  let gap = geometry.burstGapPx ?? 8;
  const maxMarks = Math.max(1, geometry.maxMarks ?? 400);
  let coarse = false;
  let clusters = cluster(inRange, gap / pxPerMs, coarse);
  // Widen the gap until the marks fit; past the whole span, kinds of one role merge too.
  for (let i = 0; clusters.length > maxMarks && i < 80; i++) {
    gap *= 2;
    if (!coarse && gap > plot) {
      coarse = true;
      gap = geometry.burstGapPx ?? 8;
    }
    clusters = cluster(inRange, gap / pxPerMs, coarse);
  }
  const marks = clusters.map((c) => toMark(c, pos[c[0]!.lane]!, index, toX, zone));
  marks.sort((a, b) => a.lane - b.lane || a.x - b.x);

  return {
    id: spec.id,
    title: spec.title,
    findingId: spec.findingId,
    startMs: start,
    endMs: end,
    width,
    plotLeft,
    plotRight,
    zone,
    lanes,
    marks,
    spans: spans(spec.findings, index, pos, start, end, toX, zone),
    ticks: axisTicks(start, end, toX, zone, geometry.maxTicks ?? 9),
    burstGapPx: gap,
    mergedKinds: coarse,
    notable: inRange.length,
    routine: lanes.reduce((n, l) => n + l.routine, 0),
  };
}

type Notable = TimelineIndex['notable'][number];

/**
 * Groups (lane, role + kind; lane, role when `coarse`) in time order, split where consecutive
 * events are more than `gapMs` apart.
 */
function cluster(points: readonly Notable[], gapMs: number, coarse: boolean): Notable[][] {
  const open = new Map<string, Notable[]>();
  const out: Notable[][] = [];
  for (const p of points) {
    const key = coarse ? `${p.lane}\u0000${p.role}` : `${p.lane}\u0000${p.group}`;
    const cur = open.get(key);
    if (cur && p.ms - cur[cur.length - 1]!.ms < gapMs) {
      cur.push(p);
      continue;
    }
    const next = [p];
    open.set(key, next);
    out.push(next);
  }
  return out;
}

function toMark(
  c: Notable[],
  lane: number,
  index: TimelineIndex,
  toX: (ms: number) => number,
  zone: string | null,
): TimelineMark {
  const first = c[0]!;
  const last = c[c.length - 1]!;
  const host = index.lanes[first.lane]!.label;
  const ids = new Set<string>();
  for (const p of c) for (const id of p.findingIds) if (ids.size < MAX_FINDING_IDS) ids.add(id);
  const x = toX(first.ms);
  const kinds = [...new Set(c.map((p) => p.kindLabel))];
  const kind =
    kinds.length === 1
      ? kinds[0]!
      : `${kinds.length} kinds (${kinds.slice(0, 3).join(', ')}${kinds.length > 3 ? ', …' : ''})`;
  const title =
    c.length === 1
      ? [
          formatZoned(first.ms, zone),
          host,
          first.role,
          first.kindLabel,
          first.recordId === null ? null : `record ${first.recordId}`,
          first.summary || null,
        ]
          .filter((s): s is string => s !== null)
          .join(' — ')
      : `${c.length} × ${kind} (${first.role}) on ${host}, ${formatZonedRange(first.ms, last.ms, zone)}` +
        `${first.recordId !== null && last.recordId !== null ? `, records ${first.recordId}–${last.recordId}` : ''}` +
        `${first.summary ? ` — ${first.summary}` : ''}`;
  return {
    lane,
    role: first.role,
    kind,
    x,
    width: round1(toX(last.ms) - x),
    count: c.length,
    label: c.length > 1 ? String(c.length) : '',
    title,
    startMs: first.ms,
    endMs: last.ms,
    firstRecordId: first.recordId,
    lastRecordId: last.recordId,
    findingIds: [...ids],
  };
}

function spans(
  findings: readonly LayoutFinding[],
  index: TimelineIndex,
  pos: Int32Array,
  start: number,
  end: number,
  toX: (ms: number) => number,
  zone: string | null,
): FindingSpan[] {
  const out: FindingSpan[] = [];
  for (const f of findings) {
    const a = isoToMs(f.start);
    const b = isoToMs(f.end) ?? a;
    if (a === null || b === null || b < start || a > end) continue;
    const l = index.lanes.findIndex((x) => x.host === f.host);
    if (l < 0 || pos[l]! < 0) continue;
    const x0 = toX(Math.max(a, start));
    out.push({
      lane: pos[l]!,
      findingId: f.id,
      level: f.level,
      x: x0,
      width: round1(toX(Math.min(b, end)) - x0),
      title: `${f.title ?? f.id} (${f.level}): ${formatZonedRange(a, b, zone)}`,
    });
  }
  return out;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
