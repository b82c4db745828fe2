/**
 * Time helpers of the diagnosis modules: inputs carry ISO-8601 UTC (7 fractional digits, as the
 * findings do); comparisons are in epoch milliseconds.
 */

/** Epoch milliseconds of an ISO-8601 time (`2024-03-01T10:00:00.1234567Z`); NaN when unreadable. */
export function isoMs(iso: string): number {
  const fast = canonicalMs(iso);
  if (fast !== null) return fast;
  const t = iso.trim().replace(' ', 'T');
  const withZone = /(Z|[+-]\d{2}:?\d{2})$/.test(t) ? t : `${t}Z`;
  return Date.parse(withZone.replace(/\.(\d{1,3})\d*(?=Z|[+-])/, (_m, d: string) => `.${d.padEnd(3, '0')}`));
}

/** Digits of `s` from `from` to `to` (exclusive) as a number; NaN when one is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    n = n * 10 + d;
  }
  return n;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The form every finding carries (`2024-03-01T10:00:00.1234567Z`, isoUtc's output) read without a
 * regular expression: a report ranks hundreds of thousands of candidates. Null for any other form.
 */
function canonicalMs(s: string): number | null {
  if (s.length !== 28 || s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':' || s[16] !== ':') return null;
  if (s[19] !== '.' || s[27] !== 'Z') return null;
  const month = digits(s, 5, 7);
  const day = digits(s, 8, 10);
  const hour = digits(s, 11, 13);
  const minute = digits(s, 14, 16);
  const second = digits(s, 17, 19);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 59)) return null;
  const year = digits(s, 0, 4);
  if (!(year >= 100)) return null;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  // a day the month does not have: Date.parse decides, as for any other form
  if (day > (month === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[month - 1]!)) return null;
  const ms = digits(s, 20, 23);
  if (!(digits(s, 23, 27) >= 0) || Number.isNaN(ms)) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
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
