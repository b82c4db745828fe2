/**
 * The one writer of configuration rows: config_metadata, ssl_bindings, certificates,
 * http_iplisten and schannel_protocols (src/store/schema.ts), appended inside the caller's transaction. camelCase here, snake_case
 * in the tables.
 */
import { DuckDBTimestampValue, LIST, VARCHAR, listValue, type DuckDBAppender } from '@duckdb/node-api';
import type { Database } from './db.js';

/** A `<customMetadata>` property of applicationHost.config. */
export interface ConfigMetadataRow {
  keyPath: string;
  propertyId: number;
  dataType: string | null;
  userType: string | null;
  attributes: string | null;
  value: string | null;
  /** 5506: 40-hex-digit thumbprint (uppercase) decoded from base64; 5511: store name; else null. */
  decoded: string | null;
}

export interface SslBindingRow {
  source: 'config' | 'netsh' | 'registry';
  endpoint: string | null;
  site: string | null;
  bindingInformation: string | null;
  sslFlags: number | null;
  certHash: string | null;
  certStore: string | null;
  appId: string | null;
  /** Parser-flagged problems: `empty-hash`, `null-appid`, `zero-hash`, … */
  problems: string[];
}

export interface CertificateRow {
  store: string | null;
  thumbprint: string;
  subject: string | null;
  issuer: string | null;
  serial: string | null;
  /** ISO-8601 UTC */
  notBefore: string | null;
  notAfter: string | null;
  hasPrivateKey: boolean | null;
  provider: string | null;
  keyContainer: string | null;
  keySpec: number | null;
  exportable: boolean | null;
  /** Enhanced Key Usage OIDs in force (extension narrowed by the store property); null = unrestricted. */
  ekus: string[] | null;
  /** Chain verdicts certutil printed: `untrusted-root`, `wrong-usage`, … */
  chainProblems: string[];
  /** DNS names of the Subject Alternative Name extension (certutil -v). */
  dnsNames: string[];
}

/** One protocol side of SCHANNEL\Protocols (`TLS 1.2` / `Server`): the DWORDs, null when absent. */
export interface SchannelProtocolTableRow {
  protocol: string;
  side: 'Server' | 'Client';
  enabled: number | null;
  disabledByDefault: number | null;
}

/** The rows of one artefact, one list per table. */
export interface ConfigTableRows {
  metadata: readonly ConfigMetadataRow[];
  bindings: readonly SslBindingRow[];
  certificates: readonly CertificateRow[];
  ipListen: readonly string[];
  protocols: readonly SchannelProtocolTableRow[];
}

/** Append every row of `rows` for the file `fileId`, all with `host`. */
export async function insertConfigRows(
  db: Database,
  fileId: number,
  host: string | null,
  rows: ConfigTableRows,
): Promise<void> {
  await appendRows(db, 'config_metadata', rows.metadata, (a, m) => {
    a.appendInteger(fileId);
    str(a, host);
    a.appendVarchar(m.keyPath);
    a.appendInteger(m.propertyId);
    str(a, m.dataType);
    str(a, m.userType);
    str(a, m.attributes);
    str(a, m.value);
    str(a, m.decoded);
  });
  await appendRows(db, 'ssl_bindings', rows.bindings, (a, b) => {
    a.appendInteger(fileId);
    str(a, host);
    a.appendVarchar(b.source);
    str(a, b.endpoint);
    str(a, b.site);
    str(a, b.bindingInformation);
    int(a, b.sslFlags);
    str(a, b.certHash);
    str(a, b.certStore);
    str(a, b.appId);
    strList(a, b.problems);
  });
  await appendRows(db, 'certificates', rows.certificates, (a, c) => {
    a.appendInteger(fileId);
    str(a, host);
    str(a, c.store);
    a.appendVarchar(c.thumbprint);
    str(a, c.subject);
    str(a, c.issuer);
    str(a, c.serial);
    time(a, c.notBefore);
    time(a, c.notAfter);
    bool(a, c.hasPrivateKey);
    str(a, c.provider);
    str(a, c.keyContainer);
    int(a, c.keySpec);
    bool(a, c.exportable);
    strList(a, c.ekus);
    strList(a, c.chainProblems);
    strList(a, c.dnsNames);
  });
  await appendRows(db, 'http_iplisten', rows.ipListen, (a, address) => {
    a.appendInteger(fileId);
    str(a, host);
    a.appendVarchar(address);
  });
  await appendRows(db, 'schannel_protocols', rows.protocols, (a, p) => {
    a.appendInteger(fileId);
    str(a, host);
    a.appendVarchar(p.protocol);
    a.appendVarchar(p.side);
    big(a, p.enabled);
    big(a, p.disabledByDefault);
  });
}

async function appendRows<T>(
  db: Database,
  table: string,
  rows: readonly T[],
  put: (a: DuckDBAppender, row: T) => void,
): Promise<void> {
  if (rows.length === 0) return;
  const a = await db.conn.createAppender(table);
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

function big(a: DuckDBAppender, v: number | null): void {
  if (v === null || !Number.isSafeInteger(v)) a.appendNull();
  else a.appendBigInt(BigInt(v));
}

function strList(a: DuckDBAppender, v: readonly string[] | null): void {
  if (v === null) a.appendNull();
  else a.appendList(listValue([...v]), LIST(VARCHAR));
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
