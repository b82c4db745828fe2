/**
 * Repeated evidence folded into groups for reading ("47 × Schannel 36870 … 09:16–10:37, records
 * 48301–48390"): rows of one host, provider, event id and role whose summaries differ only in
 * plain numbers form one group with its count, first/last time, record id ranges per file and
 * files. The full rows stay in the JSON; this is a view.
 */
import { isoToMs } from './zone-time.js';

/** What grouping needs of an evidence row (the report's Evidence fits). */
export interface EvidenceRow {
  file: string;
  recordId: string | null;
  time: string | null;
  host: string | null;
  role: string;
  summary: string;
  provider?: string | null;
  eventId?: number | null;
}

/** Record ids of a group within one file. */
export interface RecordRange {
  file: string;
  count: number;
  /** Smallest and largest record id (numeric order), null when no row has one. */
  first: string | null;
  last: string | null;
  /** Every id from first to last is present. */
  contiguous: boolean;
  /** Runs `[from, to]` when not contiguous and at most `maxRuns` of them; null otherwise. */
  runs: Array<[string, string]> | null;
}

export interface EvidenceGroup {
  host: string | null;
  provider: string | null;
  eventId: number | null;
  role: string;
  /** The summary of the first row. */
  summary: string;
  /** The summary with plain numbers replaced by `#` (the grouping key). */
  pattern: string;
  /** Distinct summaries in the group. */
  variants: number;
  count: number;
  firstTime: string | null;
  lastTime: string | null;
  files: string[];
  records: RecordRange[];
  /** Positions of the group's rows in the input. */
  rows: number[];
}

export interface GroupOptions {
  /** Runs listed for a non-contiguous record range (default 4). */
  maxRuns?: number;
  /** Rows of one key further apart in time than this start a new group (default: never). */
  splitGapMs?: number;
}

// Plain decimal numbers only: hex codes (0x80092004), thumbprints, endpoints (0.0.0.0:443),
// names with digits (inetmgr6.exe, W3SVC), key paths (LM/W3SVC/1) and dotted versions stay
// part of the key.
const PLAIN_NUMBER = /(?<![\w.:\-{/])\d+(?![\w.:\-}/])/g;

/** A summary with its plain numbers (record ids, pids, counts, seconds) replaced by `#`. */
export function summaryPattern(summary: string): string {
  return summary.replace(PLAIN_NUMBER, '#');
}

function recordBig(id: string | null): bigint | null {
  if (id === null || !/^\d+$/.test(id)) return null;
  return BigInt(id);
}

function ranges(ids: Array<string | null>, file: string, maxRuns: number): RecordRange {
  const nums = [...new Set(ids.map(recordBig).filter((v): v is bigint => v !== null))].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  if (nums.length === 0) return { file, count: ids.length, first: null, last: null, contiguous: false, runs: null };
  const runs: Array<[bigint, bigint]> = [];
  for (const v of nums) {
    const cur = runs[runs.length - 1];
    if (cur && v === cur[1] + 1n) cur[1] = v;
    else runs.push([v, v]);
  }
  const contiguous = runs.length === 1;
  return {
    file,
    count: ids.length,
    first: String(nums[0]),
    last: String(nums[nums.length - 1]),
    contiguous,
    runs: contiguous || runs.length > maxRuns ? null : runs.map(([a, b]) => [String(a), String(b)]),
  };
}

/** Group `rows`; groups in order of their first row, rows of a group in input order. */
export function groupEvidence(rows: readonly EvidenceRow[], options: GroupOptions = {}): EvidenceGroup[] {
  const maxRuns = options.maxRuns ?? 4;
  const byKey = new Map<string, { rows: number[] }>();
  rows.forEach((r, i) => {
    const key = [
      r.host ?? '\u0001',
      r.provider ?? '\u0001',
      r.eventId ?? '\u0001',
      r.role,
      summaryPattern(r.summary),
    ].join('\u0000');
    let g = byKey.get(key);
    if (!g) {
      g = { rows: [] };
      byKey.set(key, g);
    }
    g.rows.push(i);
  });
  const gap = options.splitGapMs ?? Infinity;
  return [...byKey.values()]
    .flatMap((g) => splitByGap(rows, g.rows, gap))
    .sort((a, b) => a[0]! - b[0]!)
    .map((idx) => summarise(rows, idx, maxRuns));
}

/** Row positions split where consecutive timed rows (in time order) are more than `gap` apart. */
function splitByGap(rows: readonly EvidenceRow[], idx: number[], gap: number): number[][] {
  if (gap === Infinity) return [idx];
  const timed = idx.map((i) => ({ i, ms: isoToMs(rows[i]!.time) }));
  const untimed = timed.filter((t) => t.ms === null).map((t) => t.i);
  const sorted = timed.filter((t) => t.ms !== null).sort((a, b) => a.ms! - b.ms! || a.i - b.i);
  const out: number[][] = [];
  let prev = -Infinity;
  for (const t of sorted) {
    if (out.length === 0 || t.ms! - prev > gap) out.push([]);
    out[out.length - 1]!.push(t.i);
    prev = t.ms!;
  }
  if (untimed.length > 0) out.push(untimed);
  return out.map((g) => g.sort((a, b) => a - b));
}

function summarise(rows: readonly EvidenceRow[], idx: number[], maxRuns: number): EvidenceGroup {
  const members = idx.map((i) => rows[i]!);
  const summaries = new Set(members.map((m) => m.summary));
  const first = members[0]!;
  let lo: { ms: number; iso: string } | null = null;
  let hi: { ms: number; iso: string } | null = null;
  for (const m of members) {
    const ms = isoToMs(m.time);
    if (ms === null) continue;
    if (lo === null || ms < lo.ms) lo = { ms, iso: m.time! };
    if (hi === null || ms > hi.ms) hi = { ms, iso: m.time! };
  }
  const files = [...new Set(members.map((m) => m.file))];
  return {
    host: first.host,
    provider: first.provider ?? null,
    eventId: first.eventId ?? null,
    role: first.role,
    summary: first.summary,
    pattern: summaryPattern(first.summary),
    variants: summaries.size,
    count: members.length,
    firstTime: lo?.iso ?? null,
    lastTime: hi?.iso ?? null,
    files,
    records: files.map((f) =>
      ranges(
        members.filter((m) => m.file === f).map((m) => m.recordId),
        f,
        maxRuns,
      ),
    ),
    rows: idx,
  };
}

function recordText(r: RecordRange): string | null {
  if (r.first === null) return null;
  if (r.first === r.last) return `record ${r.first}`;
  if (r.contiguous) return `records ${r.first}–${r.last}`;
  if (r.runs !== null) return `records ${r.runs.map(([a, b]) => (a === b ? a : `${a}–${b}`)).join(', ')}`;
  return `records ${r.first}–${r.last} (with gaps)`;
}

/**
 * One line for a group: `47 × Schannel 36870 private key error 0x80092004, 09:16–10:37,
 * records 48301–48390` (the summary's leading event id is not repeated). `formatTime` turns an
 * ISO time into display text; with `withFiles` the file names follow the records.
 */
export function formatEvidenceGroup(g: EvidenceGroup, formatTime: (iso: string) => string, withFiles = false): string {
  const event = [g.provider ?? '', g.eventId === null ? '' : String(g.eventId)].filter((s) => s !== '').join(' ');
  const summary =
    g.eventId !== null && g.summary.startsWith(`${g.eventId} `)
      ? g.summary.slice(String(g.eventId).length + 1)
      : g.summary;
  const what = [event, summary].filter((s) => s !== '').join(' ') + (g.variants > 1 ? ' (and similar)' : '');
  const head = g.count > 1 ? `${g.count} × ${what}` : what;
  const when =
    g.firstTime === null
      ? null
      : g.lastTime === null || g.lastTime === g.firstTime
        ? formatTime(g.firstTime)
        : `${formatTime(g.firstTime)}–${formatTime(g.lastTime)}`;
  const recs = g.records.map((r) => {
    const t = recordText(r);
    return t === null ? null : withFiles || g.records.length > 1 ? `${t} in ${r.file}` : t;
  });
  return [head, when, ...recs].filter((s): s is string => s !== null).join(', ');
}
