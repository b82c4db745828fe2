/**
 * Time values between DuckDB rows, findings and the command line. Storage is UTC (TIMESTAMP_NS);
 * findings and the report carry ISO-8601 UTC with 7 fractional digits (FILETIME resolution, as
 * `wevtutil` renders SystemTime).
 */
import { UsageError } from '../errors.js';

const DUCK_TS = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(?:Z|\+00(?::?00)?)?$/;

/** `2024-03-01 10:00:00.1234567` (DuckDB JSON text) → `2024-03-01T10:00:00.1234567Z`; null stays null. */
export function isoUtc(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const m = DUCK_TS.exec(String(value).trim());
  if (!m) return null;
  const frac = (m[3] ?? '').padEnd(7, '0').slice(0, 7);
  return `${m[1]}T${m[2]}.${frac}Z`;
}

/** Milliseconds since the epoch of an ISO/DuckDB time (sub-millisecond digits dropped). */
export function epochMs(value: string): number {
  const iso = isoUtc(value) ?? value;
  return Date.parse(iso.replace(/\.(\d{3})\d*Z$/, '.$1Z'));
}

const UNITS: Record<string, string> = {
  s: 'seconds', sec: 'seconds', secs: 'seconds', second: 'seconds', seconds: 'seconds',
  m: 'minutes', min: 'minutes', mins: 'minutes', minute: 'minutes', minutes: 'minutes',
  h: 'hours', hr: 'hours', hour: 'hours', hours: 'hours',
  d: 'days', day: 'days', days: 'days',
};

/**
 * A duration from the command line (`2m`, `90s`, `1h`, `2 minutes`) as DuckDB interval text
 * (`2 minutes`). Throws UsageError naming the option on anything else.
 */
export function parseDuration(text: string, option = '--window'): string {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]+)\s*$/.exec(text);
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined || Number(m[1]) <= 0) {
    throw new UsageError(`${option} "${text}" is not a duration (expected e.g. 90s, 2m, 1h, "2 minutes")`);
  }
  return `${m[1]} ${unit}`;
}

/**
 * A time bound from the command line (`2024-03-01`, `2024-03-01T10:00`, with `Z` or an offset) as
 * DuckDB TIMESTAMP text in UTC. Times without a zone are taken as UTC.
 */
export function parseTimeBound(text: string, option: string): string {
  const t = text.trim();
  const withZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(t) ? t : `${t.replace(' ', 'T')}Z`;
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}Z$/.test(withZone) ? withZone.replace('Z', 'T00:00:00Z') : withZone);
  if (!/^\d{4}-\d{2}-\d{2}/.test(t) || Number.isNaN(ms)) {
    throw new UsageError(`${option} "${text}" is not a time (expected e.g. 2024-03-01 or 2024-03-01T10:00:00Z)`);
  }
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}
