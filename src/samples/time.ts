/** Time helpers: wall-clock strings in a zone → FILETIME ticks, and back for display. */
import { DateTime } from 'luxon';
import { FILETIME_UNIX_EPOCH } from '../evtx/types.js';

/** `YYYY-MM-DD HH:mm:ss[.fff]` in `zone` → FILETIME ticks (100 ns since 1601, UTC). */
export function wallToTicks(wall: string, zone: string): bigint {
  const dt = DateTime.fromFormat(wall, wall.includes('.') ? 'yyyy-MM-dd HH:mm:ss.SSS' : 'yyyy-MM-dd HH:mm:ss', {
    zone,
  });
  if (!dt.isValid) throw new RangeError(`bad wall-clock time ${wall} (${zone}): ${dt.invalidExplanation ?? ''}`);
  return BigInt(dt.toMillis()) * 10000n + FILETIME_UNIX_EPOCH;
}

export const SECOND = 10_000_000n;

/** FILETIME ticks → `2026-03-12T09:14:03.1234567Z`. */
export function ticksToIso(ticks: bigint): string {
  const rel = ticks - FILETIME_UNIX_EPOCH;
  const ms = rel / 10000n;
  const frac = (rel % SECOND).toString().padStart(7, '0');
  const base = new Date(Number(ms)).toISOString().slice(0, 19);
  return `${base}.${frac}Z`;
}

/** FILETIME ticks → local wall-clock text in `zone` (`2026-03-12 10:14:03 CET`). */
export function ticksToLocal(ticks: bigint, zone: string, format = 'yyyy-MM-dd HH:mm:ss ZZZZ'): string {
  const ms = Number((ticks - FILETIME_UNIX_EPOCH) / 10000n);
  return DateTime.fromMillis(ms, { zone }).toFormat(format);
}

/** FILETIME ticks → a luxon DateTime in `zone`. */
export function ticksToDateTime(ticks: bigint, zone: string): DateTime {
  return DateTime.fromMillis(Number((ticks - FILETIME_UNIX_EPOCH) / 10000n), { zone });
}
