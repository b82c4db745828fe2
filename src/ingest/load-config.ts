/**
 * A configuration artefact (applicationHost.config, netsh sslcert output, SslBindingInfo .reg,
 * certutil store dump; parsers in ./config/) into config_metadata / ssl_bindings / certificates,
 * with the file id and the host decided by ingest (see `artefactHost`).
 */
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { DuckDBTimestampValue, LIST, VARCHAR, listValue } from '@duckdb/node-api';
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

/** Parse `text` and append its rows. Throws InputError for a broken artefact. */
export async function loadConfigArtefact(conn: DuckDBConnection, fileId: number, host: HostChoice, kind: ConfigKind, text: string, path: string): Promise<ConfigLoadResult> {
  const rows = parseConfigArtefact(kind, text, path);
  const h = host.explicit ?? rows.host ?? host.fallback;
  await appendRows(conn, 'config_metadata', rows.metadata, (a, m) => {
    a.appendInteger(fileId); str(a, h); a.appendVarchar(m.keyPath); a.appendInteger(m.propertyId);
    str(a, m.dataType); str(a, m.userType); str(a, m.attributes); str(a, m.value); str(a, m.decoded);
  });
  await appendRows(conn, 'ssl_bindings', rows.bindings, (a, b) => {
    a.appendInteger(fileId); str(a, h); a.appendVarchar(b.source); str(a, b.endpoint); str(a, b.site);
    str(a, b.bindingInformation); int(a, b.sslFlags); str(a, b.certHash); str(a, b.certStore); str(a, b.appId);
    a.appendList(listValue([...b.problems]), LIST(VARCHAR));
  });
  await appendRows(conn, 'certificates', rows.certificates, (a, c) => {
    a.appendInteger(fileId); str(a, h); str(a, c.store); a.appendVarchar(c.thumbprint); str(a, c.subject);
    str(a, c.issuer); str(a, c.serial); time(a, c.notBefore); time(a, c.notAfter); bool(a, c.hasPrivateKey);
    str(a, c.provider); str(a, c.keyContainer); int(a, c.keySpec); bool(a, c.exportable);
  });
  return { rows: count(rows), warnings: rows.warnings, host: h };
}

function count(r: ConfigRows): number {
  return r.metadata.length + r.bindings.length + r.certificates.length;
}

async function appendRows<T>(conn: DuckDBConnection, table: string, rows: readonly T[], put: (a: DuckDBAppender, row: T) => void): Promise<void> {
  if (rows.length === 0) return;
  const a = await conn.createAppender(table);
  for (const r of rows) {
    put(a, r);
    a.endRow();
  }
  a.flushSync();
  a.closeSync();
}

function str(a: DuckDBAppender, v: string | null): void {
  if (v === null) a.appendNull();
  else a.appendVarchar(v);
}

function int(a: DuckDBAppender, v: number | null): void {
  if (v === null || !Number.isInteger(v)) a.appendNull();
  else a.appendInteger(v);
}

function bool(a: DuckDBAppender, v: boolean | null): void {
  if (v === null) a.appendNull();
  else a.appendBoolean(v);
}

/** ISO-8601 UTC text → TIMESTAMP (µs); unparseable → NULL. */
function time(a: DuckDBAppender, iso: string | null): void {
  const ms = iso === null ? Number.NaN : Date.parse(iso);
  if (Number.isNaN(ms)) a.appendNull();
  else a.appendTimestamp(new DuckDBTimestampValue(BigInt(ms) * 1000n));
}
