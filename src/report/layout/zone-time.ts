/**
 * Time helpers of the layout modules: a fast parser for the model's fixed ISO-8601 UTC form
 * (`2024-03-12T06:58:40.1234567Z`, DOMAIN.md §5) and display in an IANA zone beside UTC (luxon).
 */
import { DateTime } from 'luxon';

const D0 = 48; // '0'

function digits(s: string, from: number, n: number): number {
  let v = 0;
  for (let i = from; i < from + n; i++) {
    const d = s.charCodeAt(i) - D0;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Milliseconds since the epoch of an ISO-8601 UTC time, or null. The model's fixed form is read
 * by hand (2 M rows in tens of milliseconds); anything else goes through Date.parse.
 */
export function isoToMs(iso: string | null | undefined): number | null {
  if (!iso) return null;
  if (
    iso.length >= 20 &&
    iso.charCodeAt(4) === 45 &&
    iso.charCodeAt(10) === 84 &&
    iso.charCodeAt(iso.length - 1) === 90
  ) {
    const y = digits(iso, 0, 4);
    const mo = digits(iso, 5, 2);
    const d = digits(iso, 8, 2);
    const h = digits(iso, 11, 2);
    const mi = digits(iso, 14, 2);
    const s = digits(iso, 17, 2);
    let ms = 0;
    if (iso.length > 21 && iso.charCodeAt(19) === 46) {
      const n = Math.min(3, iso.length - 21);
      ms = digits(iso, 20, n);
      if (n < 3 && ms >= 0) ms *= n === 1 ? 100 : 10;
    } else if (iso.length !== 20) {
      ms = -1;
    }
    if (
      y >= 0 &&
      mo >= 1 &&
      mo <= 12 &&
      d >= 1 &&
      d <= 31 &&
      h >= 0 &&
      h < 24 &&
      mi >= 0 &&
      mi < 60 &&
      s >= 0 &&
      s < 61 &&
      ms >= 0
    ) {
      return daysFromCivil(y, mo, d) * 86_400_000 + h * 3_600_000 + mi * 60_000 + s * 1000 + ms;
    }
  }
  const v = Date.parse(iso);
  return Number.isNaN(v) ? null : v;
}

/** True when `zone` shows the same clock as UTC all year (UTC, Etc/UTC, GMT…). */
export function isUtcZone(zone: string | null | undefined): boolean {
  if (!zone) return true;
  const dt = DateTime.fromMillis(0, { zone });
  return !dt.isValid || (dt.zone.isUniversal && dt.offset === 0);
}

/** `ms` formatted with a luxon pattern in `zone` (UTC when null). */
export function formatIn(ms: number, pattern: string, zone: string | null): string {
  return DateTime.fromMillis(ms, { zone: zone ?? 'utc' }).toFormat(pattern);
}

/**
 * `2024-03-12 10:14:05.400 (09:14:05.400 UTC)` in a zone, `2024-03-12 09:14:05.400 UTC` without;
 * with `short` the date is left out.
 */
export function formatZoned(ms: number, zone: string | null, short = false): string {
  const clock = 'HH:mm:ss.SSS';
  const pattern = short ? clock : `yyyy-MM-dd ${clock}`;
  if (isUtcZone(zone)) return `${formatIn(ms, pattern, null)} UTC`;
  return `${formatIn(ms, pattern, zone)} ${zone} (${formatIn(ms, clock, null)} UTC)`;
}

/** A time range `a → b` in the zone with UTC beside; the second date is left out on the same day. */
export function formatZonedRange(a: number, b: number, zone: string | null): string {
  if (a === b) return formatZoned(a, zone);
  const sameDay = formatIn(a, 'yyyy-MM-dd', zone) === formatIn(b, 'yyyy-MM-dd', zone);
  const clock = 'HH:mm:ss.SSS';
  if (isUtcZone(zone)) {
    return `${formatIn(a, `yyyy-MM-dd ${clock}`, null)} → ${formatIn(b, sameDay ? clock : `yyyy-MM-dd ${clock}`, null)} UTC`;
  }
  const local = `${formatIn(a, `yyyy-MM-dd ${clock}`, zone)} → ${formatIn(b, sameDay ? clock : `yyyy-MM-dd ${clock}`, zone)} ${zone}`;
  return `${local} (${formatIn(a, clock, null)} → ${formatIn(b, clock, null)} UTC)`;
}
