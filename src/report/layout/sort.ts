/**
 * Report order of findings — level (critical first), then time (configuration-only findings,
 * which have none, after the timed ones of their level), then host — and the table of contents
 * built from it.
 */

/** Levels from most to least severe (the model's LEVELS). */
export const LEVEL_ORDER = ['critical', 'high', 'medium', 'low', 'info'] as const;

/** What sorting needs of a finding (the report's Finding fits). */
export interface SortableFinding {
  id: string;
  level: string;
  host: string | null;
  title: string;
  start: string | null;
  kind?: string;
}

function levelRank(level: string): number {
  const i = (LEVEL_ORDER as readonly string[]).indexOf(level);
  return i < 0 ? LEVEL_ORDER.length : i;
}

/** Comparator of the report order; ties fall back to the id so the order is total. */
export function compareFindings(a: SortableFinding, b: SortableFinding): number {
  const l = levelRank(a.level) - levelRank(b.level);
  if (l !== 0) return l;
  if (a.start !== b.start) {
    if (a.start === null) return 1;
    if (b.start === null) return -1;
    // ISO-8601 UTC of one fixed form: lexical order is time order.
    return a.start < b.start ? -1 : 1;
  }
  const ha = a.host ?? '\uffff';
  const hb = b.host ?? '\uffff';
  if (ha !== hb) return ha.localeCompare(hb);
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A sorted copy of `findings`. */
export function sortFindingsForReport<F extends SortableFinding>(findings: readonly F[]): F[] {
  return [...findings].sort(compareFindings);
}

export interface TocEntry {
  /** 1-based number in report order (anchor `finding-<number>`). */
  number: number;
  anchor: string;
  findingId: string;
  title: string;
  level: string;
  host: string | null;
  start: string | null;
}

export interface TocLevelGroup {
  level: string;
  entries: TocEntry[];
}

/** TOC entries in report order, with the same numbering the findings section uses. */
export function tocEntries(findings: readonly SortableFinding[]): TocEntry[] {
  return sortFindingsForReport(findings).map((f, i) => ({
    number: i + 1,
    anchor: `finding-${i + 1}`,
    findingId: f.id,
    title: f.title,
    level: f.level,
    host: f.host,
    start: f.start,
  }));
}

/** TOC entries grouped by level, levels in severity order, empty levels left out. */
export function tocByLevel(findings: readonly SortableFinding[]): TocLevelGroup[] {
  const entries = tocEntries(findings);
  const levels = [
    ...LEVEL_ORDER,
    ...new Set(entries.map((e) => e.level).filter((l) => levelRank(l) === LEVEL_ORDER.length)),
  ];
  return levels
    .map((level) => ({ level, entries: entries.filter((e) => e.level === level) }))
    .filter((g) => g.entries.length > 0);
}
