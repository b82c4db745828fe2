/**
 * Axis ticks of a timeline strip in the display zone, with the UTC clock beside each label.
 * Steps are "nice" in local time: a 6-hour step in Europe/Berlin falls on 00:00, 06:00… local.
 */
import { DateTime } from 'luxon';
import { formatIn, isUtcZone } from './zone-time.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const STEPS = [
  1,
  2,
  5,
  10,
  20,
  50,
  100,
  200,
  500,
  SECOND,
  2 * SECOND,
  5 * SECOND,
  10 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  14 * DAY,
  30 * DAY,
  91 * DAY,
  182 * DAY,
  365 * DAY,
];

/** One tick of a strip's axis. */
export interface AxisTick {
  ms: number;
  /** Horizontal position in the strip (px). */
  x: number;
  /** Clock in the display zone (`10:15`, `10:15:30`, `03-12`). */
  local: string;
  /** The same instant's UTC clock, null when the display zone is UTC. */
  utc: string | null;
  /** Local date, on the first tick and where the local day changes; null otherwise. */
  date: string | null;
}

function clockPattern(step: number): string {
  if (step >= DAY) return 'MM-dd';
  if (step >= MINUTE) return 'HH:mm';
  if (step >= SECOND) return 'HH:mm:ss';
  return 'HH:mm:ss.SSS';
}

/** First tick at or after `start` on a local multiple of `step` (< 1 day). */
function firstLocalTick(start: number, step: number, zone: string): number {
  const offset = DateTime.fromMillis(start, { zone }).offset * MINUTE;
  return Math.ceil((start + offset) / step) * step - offset;
}

/**
 * Ticks for [start, end] mapped to x by `toX`, at most `maxTicks`, labelled in `zone` (IANA name;
 * null or UTC for UTC only).
 */
export function axisTicks(
  start: number,
  end: number,
  toX: (ms: number) => number,
  zone: string | null,
  maxTicks = 9,
): AxisTick[] {
  const z = isUtcZone(zone) ? null : zone;
  const span = Math.max(1, end - start);
  const step = STEPS.find((s) => span / s <= maxTicks) ?? STEPS[STEPS.length - 1]!;
  const pattern = clockPattern(step);
  const out: AxisTick[] = [];
  let prevDate = '';
  const push = (ms: number): void => {
    const date = formatIn(ms, 'yyyy-MM-dd', z);
    out.push({
      ms,
      x: toX(ms),
      local: formatIn(ms, pattern, z),
      utc: z === null ? null : formatIn(ms, pattern, null),
      date: date !== prevDate ? date : null,
    });
    prevDate = date;
  };
  if (step < DAY) {
    let ms = firstLocalTick(start, step, z ?? 'utc');
    // Re-aligned after a DST change so ticks stay on local multiples of the step.
    while (ms <= end && out.length < 100) {
      push(ms);
      const next = ms + step;
      ms = step >= HOUR ? firstLocalTick(next, step, z ?? 'utc') : next;
    }
  } else {
    const days = Math.round(step / DAY);
    let dt = DateTime.fromMillis(start, { zone: z ?? 'utc' }).startOf('day');
    if (dt.toMillis() < start) dt = dt.plus({ days: 1 });
    while (dt.toMillis() <= end && out.length < 100) {
      push(dt.toMillis());
      dt = dt.plus({ days });
    }
  }
  return out;
}
