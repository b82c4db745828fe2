/**
 * Time axis of the SVG timeline: the drawn domain and "nice" tick positions (UTC-aligned).
 */
import { DateTime } from 'luxon';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Tick steps tried in order; the first giving at most `maxTicks` ticks wins. */
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

export interface Tick {
  ms: number;
  /** Clock label (`08:15`, `08:15:30`, `08:15:30.250`, `03-12`). */
  label: string;
  /** Date line under the label, set on the first tick and when the day changes. */
  date: string | null;
}

export interface Axis {
  start: number;
  end: number;
  ticks: Tick[];
}

/**
 * Domain covering `times` (ms) with 3 % padding each side (one minute when all times are equal)
 * and ticks every nice step, labelled in `zone` (UTC by default).
 */
export function buildAxis(times: readonly number[], maxTicks = 9, zone = 'utc'): Axis | null {
  if (times.length === 0) return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (const t of times) {
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  if (hi - lo < 1) {
    lo -= 30 * SECOND;
    hi += 30 * SECOND;
  }
  const pad = (hi - lo) * 0.03;
  const start = lo - pad;
  const end = hi + pad;
  const span = end - start;
  const step = STEPS.find((s) => span / s <= maxTicks) ?? STEPS[STEPS.length - 1]!;
  const ticks: Tick[] = [];
  let prevDate = '';
  for (let ms = Math.ceil(start / step) * step; ms <= end && ticks.length < 100; ms += step) {
    const dt = DateTime.fromMillis(ms, { zone });
    const date = dt.toFormat('yyyy-MM-dd');
    const label =
      step >= DAY
        ? dt.toFormat('MM-dd')
        : step >= MINUTE
          ? dt.toFormat('HH:mm')
          : step >= SECOND
            ? dt.toFormat('HH:mm:ss')
            : dt.toFormat('HH:mm:ss.SSS');
    ticks.push({ ms, label, date: step < DAY && date !== prevDate ? date : null });
    prevDate = date;
  }
  return { start, end, ticks };
}
