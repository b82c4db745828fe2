/** Runs the bundled saved queries (queries/) the correlation and the timeline are built on. */
import type { Connection } from '../store/db.js';
import { queriesDir } from '../paths.js';
import { loadSavedQueries, type SavedQuery } from '../store/saved-query.js';
import { runSavedQuery, type Row } from '../store/run-query.js';

let cache: Map<string, SavedQuery> | undefined;

/** A bundled query by id; throws if the package is missing it (a packaging error, not user input). */
export function bundledQuery(id: string): SavedQuery {
  cache ??= new Map(loadSavedQueries(queriesDir()).map((q) => [q.id, q]));
  const q = cache.get(id);
  if (!q) throw new Error(`bundled query "${id}" is missing from ${queriesDir()}`);
  return q;
}

/** Rows of bundled query `id`; parameters left undefined take the header default (or NULL). */
export async function runBundled(
  conn: Connection,
  id: string,
  params: Record<string, string | null | undefined> = {},
): Promise<Row[]> {
  const values: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined) values[k] = v;
  return (await runSavedQuery(conn, bundledQuery(id), values)).rows;
}
