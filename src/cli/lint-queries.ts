/**
 * `bindtrail queries lint`: every saved query's header is valid (`id` and `title` are required,
 * as README "Saved queries" says; the other keys are optional), the SQL prepares
 * against the schema (an empty in-memory database), and the parameters the SQL uses are exactly
 * those the header declares.
 */
import { openDatabase } from '../store/db.js';
import { loadSavedQueries, type SavedQuery } from '../store/saved-query.js';

export const QUERY_GROUPS = ['ssl', 'services', 'boot', 'general', 'config'] as const;

export interface LintResult {
  queries: SavedQuery[];
  problems: string[];
}

export async function lintQueries(dir: string, options: { bundled?: boolean } = {}): Promise<LintResult> {
  const problems: string[] = [];
  const queries = loadSavedQueries(dir, problems);
  const db = await openDatabase(':memory:');
  try {
    for (const q of queries) {
      const say = (m: string): void => void problems.push(`${q.path}: ${m}`);
      if (options.bundled && !(QUERY_GROUPS as readonly string[]).includes(q.group)) {
        say(`folder "${q.group}" is not one of ${QUERY_GROUPS.join(', ')}`);
      }
      let used: string[];
      try {
        const prepared = await db.conn.prepare(q.sql);
        used = Array.from({ length: prepared.parameterCount }, (_v, i) => prepared.parameterName(i + 1));
      } catch (e) {
        say(`does not prepare: ${(e as Error).message.split('\n')[0]}`);
        continue;
      }
      const declared = q.params.map((p) => p.name);
      for (const n of used) if (!declared.includes(n)) say(`uses $${n}, not declared in "-- params:"`);
      for (const n of declared) if (!used.includes(n)) say(`declares param "${n}" the SQL does not use`);
      if (used.some((n) => /^\d+$/.test(n))) say('uses positional parameters; name them ($since, $host, …)');
    }
  } finally {
    db.close();
  }
  return { queries, problems };
}
