/** `--host` and the `host` query parameter: the user's name to the one host of the database it names. */
import { UsageError } from '../errors.js';
import { knownHosts, matchingHosts } from '../store/hosts.js';
import type { Connection } from '../store/db.js';
import { didYouMean } from '../util/did-you-mean.js';

/**
 * The database's spelling of the host `typed` names (short name, FQDN, any case). Throws
 * UsageError listing the hosts held when none matches or several do.
 */
export async function resolveHost(conn: Connection, typed: string, option = '--host'): Promise<string> {
  const known = await knownHosts(conn);
  const found = matchingHosts(typed, known);
  if (found.length === 1) return found[0]!;
  if (found.length > 1)
    throw new UsageError(`${option} "${typed}" names several hosts (${found.join(', ')}); give the full name`);
  const held = known.length === 0 ? 'the database holds no host names' : `the database holds: ${known.join(', ')}`;
  const names = [...new Set([...known, ...known.map((k) => k.split('.')[0]!)])];
  throw new UsageError(`${option} "${typed}" matches no host${didYouMean(typed, names)}; ${held}`);
}
