/** Runs the bundled saved queries (queries/) the correlation and the timeline are built on. */
import type { Connection } from '../store/db.js';
import { queriesDir } from '../paths.js';
import { loadSavedQueries, type SavedQuery } from '../store/saved-query.js';
import { runSavedQuery, streamSavedQuery, type Row } from '../store/run-query.js';

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
  return (await runSavedQuery(conn, bundledQuery(id), given(params))).rows;
}

/** The rows of bundled query `id` a chunk at a time (a result too large to hold whole). */
export async function streamBundled(
  conn: Connection,
  id: string,
  params: Record<string, string | null | undefined>,
  onRows: (rows: Row[]) => void,
): Promise<void> {
  await streamSavedQuery(conn, bundledQuery(id), given(params), onRows);
}

function given(params: Record<string, string | null | undefined>): Record<string, string | null> {
  const values: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined) values[k] = v;
  return values;
}
