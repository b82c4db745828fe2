/**
 * A configuration artefact (applicationHost.config, netsh sslcert / iplisten output, SslBindingInfo
 * and SCHANNEL\Protocols .reg, certutil store dump; parsers in ./config/) into config_metadata /
 * ssl_bindings / certificates / http_iplisten / schannel_protocols,
 * with the file id and the host decided by ingest (see `HostChoice`).
 */
import { insertConfigRows } from '../store/config-rows.js';
import type { Database } from '../store/db.js';
import { parseConfigArtefact, type ConfigKind, type ConfigRows } from './config/index.js';

export interface ConfigLoadResult {
  rows: number;
  warnings: string[];
  host: string | null;
}

/** The artefact's host: `--host`, else the host named in it, else the caller's fallback. */
export interface HostChoice {
  explicit: string | null;
  fallback: string | null;
}

/** Parse `text` and store its rows. Throws InputError for a broken artefact. */
export async function loadConfigArtefact(
  db: Database,
  fileId: number,
  host: HostChoice,
  kind: ConfigKind,
  text: string,
  path: string,
): Promise<ConfigLoadResult> {
  const rows = parseConfigArtefact(kind, text, path);
  const h = host.explicit ?? rows.host ?? host.fallback;
  await insertConfigRows(db, fileId, h, rows);
  return { rows: count(rows), warnings: rows.warnings, host: h };
}

function count(r: ConfigRows): number {
  return r.metadata.length + r.bindings.length + r.certificates.length + r.ipListen.length + r.protocols.length;
}
