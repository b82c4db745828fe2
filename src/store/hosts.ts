/**
 * Host names as the user types them against those the database holds: `WEB01`, `web01` and
 * `WEB01.contoso.local` all name the host `WEB01.contoso.local`.
 */
import type { Connection } from './db.js';

/** Every host the database knows (events' Computer field and configuration artefacts), sorted. */
export async function knownHosts(conn: Connection): Promise<string[]> {
  const r = await conn.runAndReadAll(
    `SELECT DISTINCT h FROM (SELECT host AS h FROM events UNION SELECT unnest(hosts) FROM files) WHERE h IS NOT NULL ORDER BY h`,
  );
  return r.getRows().map((row) => String(row[0]));
}

const shortName = (h: string): string => h.split('.')[0]!.toLowerCase();

/**
 * The hosts of `known` that `typed` names, ignoring case: the same name; else, for a short name,
 * every host with that short name (the part before the first dot); for an FQDN, a host known only
 * by its short name.
 */
export function matchingHosts(typed: string, known: readonly string[]): string[] {
  const t = typed.trim().toLowerCase();
  const exact = known.filter((k) => k.toLowerCase() === t);
  if (exact.length > 0) return exact;
  if (!t.includes('.')) return known.filter((k) => shortName(k) === t);
  return known.filter((k) => !k.includes('.') && k.toLowerCase() === shortName(t));
}
