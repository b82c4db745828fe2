/**
 * Time values between DuckDB rows and findings. Storage is UTC (TIMESTAMP_NS);
 * findings and the report carry ISO-8601 UTC with 7 fractional digits (FILETIME resolution, as
 * `wevtutil` renders SystemTime).
 */
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
