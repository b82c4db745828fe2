/** The report's damage list from the `damaged-files` query: files read in part or not at all. */
import type { DamageEntry, RecordGap } from '../model/index.js';
import { asString, asStrings } from './evidence.js';

/** One entry per row; `from`/`to` span the gaps' times (null when a side is open or unknown). */
export function damageEntries(rows: readonly Record<string, unknown>[]): DamageEntry[] {
  return rows.map((r) => {
    const gaps = parseGaps(r.gaps);
    const afters = gaps.map((g) => g.after);
    const befores = gaps.map((g) => g.before);
    return {
      file: asString(r.path) ?? '',
      status: r.status === 'unreadable' ? 'unreadable' : 'damaged',
      hosts: asStrings(r.hosts),
      size: Number(r.size ?? 0),
      expectedSize: r.expected_size === null || r.expected_size === undefined ? null : Number(r.expected_size),
      chunksUnread: Number(r.chunks_unread ?? 0),
      chunksPartlyRead: Number(r.chunks_partly_read ?? 0),
      recordsDamaged: Number(r.records_damaged ?? 0),
      gaps,
      summary: asString(r.summary) ?? '',
      from: afters.includes(null) ? null : (afters.sort()[0] ?? null),
      to: befores.includes(null) ? null : (befores.sort().at(-1) ?? null),
    };
  });
}

function parseGaps(v: unknown): RecordGap[] {
  const list: unknown = typeof v === 'string' ? JSON.parse(v) : v;
  if (!Array.isArray(list)) return [];
  const text = (x: unknown): string | null => (typeof x === 'string' ? x : null);
  return list.map((g: Record<string, unknown>) => ({
    first: text(g.first),
    last: text(g.last),
    after: text(g.after),
    before: text(g.before),
  }));
}
