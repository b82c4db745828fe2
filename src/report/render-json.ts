/**
 * JSON report: the ReportModel with a fixed key order (documented in README.md, "JSON (`--format json`)"),
 * 2-space indent, trailing newline. Optional fields are always present (null when absent) so a
 * consumer sees the same shape for every finding. Keys a future model adds that this list does
 * not name yet follow the known ones in alphabetical order, so output stays deterministic.
 */
import {
  LEVELS,
  REPORT_SCHEMA_VERSION,
  type DamageEntry,
  type Evidence,
  type FileSummary,
  type Finding,
  type HostSummary,
  type NotableCount,
  type RecordGap,
  type ReportModel,
  type TimelineCount,
  type TimelineEntry,
} from '../model/index.js';
import { inReportOrder, reportAnswer } from './report-answer.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Key order of every object in the JSON report (top level first). */
export const JSON_KEY_ORDER = {
  report: [
    'schemaVersion',
    'tool',
    'generatedAt',
    'timeZone',
    'summary',
    'answer',
    'files',
    'hosts',
    'findings',
    'facts',
    'timelineComplete',
    'timeline',
    'damage',
    'notableCounts',
    'timelineCounts',
  ],
  tool: ['name', 'version'],
  summary: ['verdict', 'headline', 'findingsByLevel', 'hosts', 'events', 'files'],
  file: ['path', 'kind', 'sha256', 'hosts', 'records', 'warnings', 'errors', 'firstTime', 'lastTime'],
  host: ['host', 'events', 'firstTime', 'lastTime', 'findings'],
  finding: [
    'id',
    'kind',
    'level',
    'host',
    'confidence',
    'title',
    'start',
    'end',
    'endpoints',
    'errorCode',
    'trigger',
    'symptoms',
    'cause',
    'remedies',
    'references',
    'occurrences',
    'evidence',
  ],
  evidence: ['file', 'recordId', 'time', 'host', 'role', 'provider', 'eventId', 'summary'],
  timeline: ['time', 'host', 'role', 'provider', 'eventId', 'recordId', 'file', 'summary', 'findingIds'],
  damage: [
    'file',
    'status',
    'hosts',
    'summary',
    'from',
    'to',
    'size',
    'expectedSize',
    'chunksUnread',
    'chunksPartlyRead',
    'recordsDamaged',
    'gaps',
  ],
  gap: ['first', 'last', 'after', 'before'],
  notableCount: ['host', 'kind', 'provider', 'eventId', 'bucketStart', 'bucketEnd', 'count'],
  timelineCount: ['host', 'hour', 'count'],
} as const;

/**
 * Render the model as stable JSON (see JSON_KEY_ORDER): findings in report order, with the
 * answer block (layout/answer.ts) built from the model; keys inside `answer` and `facts` sorted.
 */
export function renderJson(input: ReportModel): string {
  const model = { ...inReportOrder(input), answer: reportAnswer(input) };
  const tree = ordered(model as unknown as Record<string, unknown>, JSON_KEY_ORDER.report, {
    schemaVersion: () => REPORT_SCHEMA_VERSION,
    tool: (v) => ordered(v as Record<string, unknown>, JSON_KEY_ORDER.tool),
    summary: (v) => summaryJson(v as ReportModel['summary']),
    files: (v) => (v as FileSummary[]).map((f) => ordered(f as never, JSON_KEY_ORDER.file)),
    hosts: (v) => (v as HostSummary[]).map((h) => ordered(h as never, JSON_KEY_ORDER.host)),
    findings: (v) => (v as Finding[]).map(findingJson),
    timeline: (v) => (v as TimelineEntry[]).map((e) => ordered(e as never, JSON_KEY_ORDER.timeline)),
    damage: (v) => ((v ?? []) as DamageEntry[]).map(damageJson),
    notableCounts: (v) => ((v ?? []) as NotableCount[]).map((c) => ordered(c as never, JSON_KEY_ORDER.notableCount)),
    timelineCounts: (v) => ((v ?? []) as TimelineCount[]).map((c) => ordered(c as never, JSON_KEY_ORDER.timelineCount)),
    timelineComplete: (v) => v === true,
  });
  return JSON.stringify(tree, null, 2) + '\n';
}

function summaryJson(s: ReportModel['summary']): Json {
  return ordered(s as never, JSON_KEY_ORDER.summary, {
    findingsByLevel: (v) => ordered((v ?? {}) as Record<string, unknown>, LEVELS, {}, 0),
  });
}

function damageJson(d: DamageEntry): Json {
  return ordered(d as never, JSON_KEY_ORDER.damage, {
    gaps: (v) => (v as RecordGap[]).map((g) => ordered(g as never, JSON_KEY_ORDER.gap)),
  });
}

function findingJson(f: Finding): Json {
  return ordered(f as never, JSON_KEY_ORDER.finding, {
    evidence: (v) => (v as Evidence[]).map((e) => ordered(e as never, JSON_KEY_ORDER.evidence)),
  });
}

type Convert = (value: unknown) => Json;

/**
 * The object with `keys` first in that order (missing → `fallback`), then any other keys sorted.
 * `convert` maps a key's value; other values are normalised by `plain`.
 */
function ordered(
  obj: Record<string, unknown>,
  keys: readonly string[],
  convert: Readonly<Record<string, Convert>> = {},
  fallback: Json = null,
): Json {
  const out: { [key: string]: Json } = {};
  for (const k of keys) {
    const v = obj[k];
    const fn = convert[k];
    out[k] = fn ? fn(v) : v === undefined ? fallback : plain(v);
  }
  for (const k of Object.keys(obj).sort()) {
    if (!(k in out) && obj[k] !== undefined) out[k] = plain(obj[k]);
  }
  return out;
}

/** Any value as JSON with sorted object keys; bigint as a decimal string. */
function plain(v: unknown): Json {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(plain);
  if (typeof v === 'object') return ordered(v as Record<string, unknown>, []);
  return null;
}
