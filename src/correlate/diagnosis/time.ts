/**
 * Time helpers of the diagnosis modules: inputs carry ISO-8601 UTC (7 fractional digits, as the
 * findings do); comparisons are in epoch milliseconds.
 */

/** Epoch milliseconds of an ISO-8601 time (`2024-03-01T10:00:00.1234567Z`); NaN when unreadable. */
export function isoMs(iso: string): number {
  const t = iso.trim().replace(' ', 'T');
  const withZone = /(Z|[+-]\d{2}:?\d{2})$/.test(t) ? t : `${t}Z`;
  return Date.parse(withZone.replace(/\.(\d{1,3})\d*(?=Z|[+-])/, (_m, d: string) => `.${d.padEnd(3, '0')}`));
}

/** `45 s`, `2 min`, `1 h 5 min` — for the sentences of a diagnosis. */
export function formatSpan(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 120) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 120) return `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 === 0 ? `${h} h` : `${h} h ${m % 60} min`;
}
