/**
 * Command-line text to typed values: durations (`--window`, interval `--param`s), time bounds
 * (`--from`, `--to`), the display zone (`--tz`), `--param name=value` pairs and `--format`.
 * Each parser throws UsageError naming the option, the expected form and what was given.
 */
import { UsageError } from '../errors.js';
import { resolveDisplayZone } from '../report/format-time.js';
import { ROW_FORMATS, type RowFormat } from '../report/terminal/format-rows.js';
import type { ParamType, SavedQuery } from '../store/saved-query.js';
import { didYouMean } from '../util/did-you-mean.js';
import { warnOnStderr } from './warn.js';

const UNITS: Record<string, string> = {
  s: 'seconds',
  sec: 'seconds',
  secs: 'seconds',
  second: 'seconds',
  seconds: 'seconds',
  m: 'minutes',
  min: 'minutes',
  mins: 'minutes',
  minute: 'minutes',
  minutes: 'minutes',
  h: 'hours',
  hr: 'hours',
  hour: 'hours',
  hours: 'hours',
  d: 'days',
  day: 'days',
  days: 'days',
};

const UNIT_SECONDS: Record<string, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

/** Longest duration taken without a warning. */
const DAY_SECONDS = 86400;

/**
 * A duration from the command line (`2m`, `90s`, `1h`, `2 minutes`) as DuckDB interval text
 * (`2 minutes`): the one parser of `--window` and of interval `--param`s. Throws UsageError naming
 * the option on anything else (a bare number too: its unit would be a guess); a duration longer
 * than a day is taken with a warning through `warn` (default: a line on stderr).
 */
export function parseDuration(text: string, option = '--window', warn: (m: string) => void = warnOnStderr): string {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]+)\s*$/.exec(text);
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined || Number(m[1]) <= 0) {
    throw new UsageError(`${option} "${text}" is not a duration (expected e.g. 90s, 2m, 1h, "2 minutes")`);
  }
  if (Number(m[1]) * UNIT_SECONDS[unit]! > DAY_SECONDS) {
    warn(`${option} ${text.trim()} is longer than a day: events that far apart are rarely one chain`);
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

/** An optional time bound: undefined stays undefined. */
export function parseOptionalTimeBound(text: string | undefined, option: string): string | undefined {
  return text === undefined ? undefined : parseTimeBound(text, option);
}

/** `--tz` once resolved: the zone as named (kept in the report model) and the zone renderers show. */
export interface TimeZoneChoice {
  /** The zone as given, `UTC` without `--tz`. */
  name: string;
  /** IANA zone for local times beside UTC; null when only UTC is shown (`UTC`, `Etc/UTC`, none). */
  display: string | null;
}

/** `--tz ZONE`; throws UsageError for a zone luxon does not know. */
export function parseTimeZone(text: string | undefined): TimeZoneChoice {
  return { name: text ?? 'UTC', display: resolveDisplayZone(text) };
}

/** `--format` of `bindtrail query`: table | csv | json | md. */
export function parseRowFormat(text: string): RowFormat {
  if (!(ROW_FORMATS as readonly string[]).includes(text)) {
    throw new UsageError(`--format "${text}" is not one of ${ROW_FORMATS.join('|')}`);
  }
  return text as RowFormat;
}

/**
 * `k=v` pairs checked against the types the saved query declares: timestamps as `--from` takes
 * them, intervals as `--window`, integers, numbers and booleans by their form. Throws UsageError
 * naming the parameter and the expected form.
 */
export function parseParams(pairs: readonly string[], query: SavedQuery): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--param "${pair}" is not name=value`);
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1);
    const param = query.params.find((p) => p.name === name);
    if (param === undefined) {
      const names = query.params.map((p) => p.name);
      throw new UsageError(
        `query "${query.id}" has no parameter "${name}"${didYouMean(name, names)} (it takes: ${names.join(', ') || 'none'})`,
      );
    }
    out[name] = paramValue(value, param.type, `--param ${name}`);
  }
  return out;
}

/** `value` checked (and for times and durations normalised) as a parameter of `type`. */
export function paramValue(value: string, type: ParamType, option: string): string {
  const bad = (expected: string): UsageError => new UsageError(`${option}: "${value}" is not ${expected}`);
  switch (type) {
    case 'timestamp':
      return parseTimeBound(value, option);
    case 'interval':
      return parseDuration(value, option);
    case 'integer':
      if (!/^\s*[+-]?\d+\s*$/.test(value)) throw bad('a whole number');
      return value.trim();
    case 'double':
      if (value.trim() === '' || !Number.isFinite(Number(value))) throw bad('a number');
      return value.trim();
    case 'boolean': {
      const v = value.trim().toLowerCase();
      if (['true', 'yes', '1'].includes(v)) return 'true';
      if (['false', 'no', '0'].includes(v)) return 'false';
      throw bad('true or false');
    }
    default:
      return value;
  }
}
