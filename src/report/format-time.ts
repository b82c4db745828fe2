/**
 * Time display for the renderers. The model keeps ISO-8601 UTC strings (7 fractional digits,
 * `Z`, DOMAIN.md §5); renderers show UTC and, when a display zone is set, local time (luxon).
 */
import { DateTime } from 'luxon';
import { UsageError } from '../errors.js';

/**
 * The display zone to use for local times, or null when only UTC is shown. An explicit option
 * wins over the model's zone; `UTC`/`Etc/UTC`/empty mean "UTC only". Throws UsageError for a
 * zone luxon does not know.
 */
export function resolveDisplayZone(option: string | undefined, modelZone?: string | null): string | null {
  const zone = (option ?? modelZone ?? '').trim();
  if (zone === '') return null;
  const probe = DateTime.fromMillis(0, { zone: 'utc' }).setZone(zone);
  if (!probe.isValid) {
    throw new UsageError(`unknown time zone "${zone}" (use an IANA name such as Europe/Berlin, or UTC)`);
  }
  return probe.zone.isUniversal && probe.offset === 0 ? null : zone;
}

/** Milliseconds since the epoch of an ISO-8601 time, or null when it does not parse. */
export function parseIsoMs(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const dt = DateTime.fromISO(iso, { zone: 'utc' });
  return dt.isValid ? dt.toMillis() : null;
}

// The fraction kept as written (up to 7 digits): events often share a millisecond.
const ISO_PARTS = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?(?:Z|[+-]00:?00)$/;

/**
 * `2024-03-12 08:15:02.1234567` for a UTC ISO string (fraction kept as stored); `—` for null;
 * anything else that parses is shown through luxon, anything unparsable as given.
 */
export function formatUtc(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = ISO_PARTS.exec(iso);
  if (m) return `${m[1]} ${m[2]}${m[3] ?? ''}`;
  const dt = DateTime.fromISO(iso, { setZone: true });
  return dt.isValid ? dt.toUTC().toFormat('yyyy-MM-dd HH:mm:ss.SSS') : iso;
}

/** `2024-03-12 09:15:02.123 +01:00` in `zone`; `—` for null or unparsable input. */
export function formatLocal(iso: string | null | undefined, zone: string): string {
  const ms = parseIsoMs(iso);
  if (ms === null) return '—';
  return DateTime.fromMillis(ms, { zone }).toFormat('yyyy-MM-dd HH:mm:ss.SSS ZZ');
}

/** UTC, with the local time in parentheses when a zone is set. */
export function formatBoth(iso: string | null | undefined, zone: string | null): string {
  const utc = formatUtc(iso);
  if (!zone || !iso) return utc;
  return `${utc} UTC (${formatLocal(iso, zone)} ${zone})`;
}

/** Human duration between two ISO times: `2 min 5 s`, `3 h 10 min`, `0.45 s`; null if unknown. */
export function formatDuration(startIso: string | null, endIso: string | null): string | null {
  const a = parseIsoMs(startIso);
  const b = parseIsoMs(endIso);
  if (a === null || b === null) return null;
  const ms = Math.max(0, b - a);
  if (ms < 1000) return `${(ms / 1000).toFixed(2)} s`;
  const s = Math.round(ms / 1000);
  const parts: Array<[number, string]> = [
    [Math.floor(s / 86400), 'd'],
    [Math.floor((s % 86400) / 3600), 'h'],
    [Math.floor((s % 3600) / 60), 'min'],
    [s % 60, 's'],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  return parts
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n} ${unit}`)
    .join(' ');
}
