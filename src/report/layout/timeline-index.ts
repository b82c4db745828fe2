/**
 * The timeline's input, read once into a compact index: one lane per host (every host given, and
 * every host met in the entries), routine events as typed arrays (time, lane) and the few notable
 * events as small objects. 2 M entries cost 12 bytes each; nothing else is kept of them.
 */
import { isoToMs } from './zone-time.js';

/** Label of the lane of events whose host is unknown. */
export const UNKNOWN_HOST_LANE = '(unknown host)';

/** What the layout needs of a timeline row (the report's TimelineEntry fits). */
export interface TimelinePoint {
  /** ISO-8601 UTC. */
  time: string;
  /** Milliseconds since the epoch, when the caller has them (saves parsing `time`). */
  timeMs?: number;
  host: string | null;
  /** trigger | symptom | recovery | context */
  role: string;
  provider?: string | null;
  eventId?: number | null;
  /** Grouping key of bursts; default `provider eventId`. */
  kind?: string;
  summary?: string;
  recordId?: string | null;
  /** Findings the row is evidence of; a row with none and role `context` is routine. */
  findingIds?: readonly string[];
}

export interface Lane {
  /** Position in the index (and in the overview strip). */
  index: number;
  host: string | null;
  label: string;
}

export interface NotablePoint {
  ms: number;
  lane: number;
  role: string;
  /** Grouping key: role + kind. */
  group: string;
  /** `Schannel 36870`, or the caller's kind. */
  kindLabel: string;
  summary: string;
  recordId: string | null;
  findingIds: readonly string[];
}

export interface TimelineIndex {
  lanes: Lane[];
  /** Routine events: time (ms) and lane of the first `routineCount` slots. */
  routineMs: Float64Array;
  routineLane: Uint32Array;
  routineCount: number;
  /** Notable events in time order. */
  notable: NotablePoint[];
  /** Earliest and latest time over all entries (NaN when there is none). */
  minMs: number;
  maxMs: number;
  /** Entries left out because their time did not parse. */
  unparsable: number;
}

export interface IndexOptions {
  /** Which rows are routine (aggregated into bins); default role `context` with no finding. */
  isRoutine?: (p: TimelinePoint) => boolean;
}

const defaultRoutine = (p: TimelinePoint): boolean =>
  p.role === 'context' && (p.findingIds === undefined || p.findingIds.length === 0);

export function kindLabelOf(p: Pick<TimelinePoint, 'kind' | 'provider' | 'eventId'>): string {
  if (p.kind !== undefined && p.kind !== '') return p.kind;
  const parts = [p.provider ?? '', p.eventId === null || p.eventId === undefined ? '' : String(p.eventId)].filter(
    (s) => s !== '',
  );
  return parts.length > 0 ? parts.join(' ') : 'event';
}

/**
 * Builds a TimelineIndex row by row (rows from a query can be streamed in without materialising
 * them): `add` for a timeline row, `addRoutine` for a routine event known only by time and host.
 */
export class TimelineIndexBuilder {
  private readonly lanes: Lane[] = [];
  private readonly laneOf = new Map<string | null, number>();
  private ms = new Float64Array(1024);
  private ln = new Uint32Array(1024);
  private n = 0;
  private readonly notable: NotablePoint[] = [];
  private min = Infinity;
  private max = -Infinity;
  private unparsable = 0;
  private sorted = true;
  private readonly isRoutine: (p: TimelinePoint) => boolean;

  /** Lanes for `hosts` first, in the given order. */
  constructor(hosts: Iterable<string | null> = [], options: IndexOptions = {}) {
    this.isRoutine = options.isRoutine ?? defaultRoutine;
    for (const h of hosts) this.lane(h);
  }

  /** The lane of `host`, created on first use. */
  lane(host: string | null): number {
    let i = this.laneOf.get(host);
    if (i === undefined) {
      i = this.lanes.length;
      this.laneOf.set(host, i);
      this.lanes.push({ index: i, host, label: host ?? UNKNOWN_HOST_LANE });
    }
    return i;
  }

  /** A routine event: only its time (ms) and lane are kept. */
  addRoutine(timeMs: number, lane: number): void {
    if (!Number.isFinite(timeMs)) {
      this.unparsable += 1;
      return;
    }
    if (timeMs < this.min) this.min = timeMs;
    if (timeMs > this.max) this.max = timeMs;
    if (this.n === this.ms.length) {
      const grownMs = new Float64Array(this.ms.length * 2);
      grownMs.set(this.ms);
      this.ms = grownMs;
      const grownLn = new Uint32Array(this.ln.length * 2);
      grownLn.set(this.ln);
      this.ln = grownLn;
    }
    this.ms[this.n] = timeMs;
    this.ln[this.n] = lane;
    this.n += 1;
  }

  /** A timeline row: routine or notable as the options decide. */
  add(p: TimelinePoint): void {
    const t = p.timeMs ?? isoToMs(p.time);
    if (t === null || !Number.isFinite(t)) {
      this.unparsable += 1;
      return;
    }
    const l = this.lane(p.host);
    if (this.isRoutine(p)) {
      this.addRoutine(t, l);
      return;
    }
    if (t < this.min) this.min = t;
    if (t > this.max) this.max = t;
    const kindLabel = kindLabelOf(p);
    const last = this.notable[this.notable.length - 1];
    if (last !== undefined && last.ms > t) this.sorted = false;
    this.notable.push({
      ms: t,
      lane: l,
      role: p.role,
      group: `${p.role}\u0000${kindLabel}`,
      kindLabel,
      summary: p.summary ?? '',
      recordId: p.recordId ?? null,
      findingIds: p.findingIds ?? [],
    });
  }

  build(): TimelineIndex {
    if (!this.sorted) this.notable.sort((a, b) => a.ms - b.ms);
    const any = this.n + this.notable.length > 0;
    return {
      lanes: this.lanes,
      routineMs: this.ms,
      routineLane: this.ln,
      routineCount: this.n,
      notable: this.notable,
      minMs: any ? this.min : NaN,
      maxMs: any ? this.max : NaN,
      unparsable: this.unparsable,
    };
  }
}

/**
 * Index `entries` (any iterable, read once) with a lane for each of `hosts` in the given order,
 * then for each further host met in the entries in order of appearance.
 */
export function indexTimeline(
  entries: Iterable<TimelinePoint>,
  hosts: Iterable<string | null> = [],
  options: IndexOptions = {},
): TimelineIndex {
  const b = new TimelineIndexBuilder(hosts, options);
  for (const p of entries) b.add(p);
  return b.build();
}
