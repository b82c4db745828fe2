/**
 * `netsh http show sslcert` output in any language (Windows Server 2008 and later):
 *
 *   SSL Certificate bindings:                 (German: SSL-Zertifikatbindungen:)
 *   -------------------------
 *
 *       IP:port                      : 0.0.0.0:443
 *       Certificate Hash             : a178873b314030e17463122e23bb285af0c51338
 *       Application ID               : {4dc3e181-e14b-4a21-b022-59fc669b0914}
 *       Certificate Store Name       : My
 *       Verify Client Certificate Revocation : Enabled
 *       …
 *
 * An entry starts at `IP:port`, `Hostname:port` (SNI) or `Central Certificate Store` (CCS, value
 * = port); extra lines of newer Windows (Extended Properties, Disable HTTP2…) are skipped and
 * values `(null)` are empty. Labels come from netsh-sslcert-labels.ts; a label the table
 * does not know is read by the shape of its value — 40 hex digits is the certificate hash, a {GUID}
 * the application ID, `IP:port` / `[IPv6]:port` / `host:port` starts an entry — with a warning
 * naming the label, instead of dropping the entry. The header is the table's, or any line ending in
 * `:` that names SSL and is followed by a line of dashes.
 */
import { configError, emptyRows, isZeroHash, normaliseGuid, normaliseHash, splitLines, ZERO_GUID } from './common.js';
import { fieldOfLabel, NETSH_HEADERS, type NetshField } from './netsh-sslcert-labels.js';
import type { ConfigRows, SslBindingRow } from './types.js';

/** `label   : value` — the label ends at the first colon preceded by white space. */
const FIELD = /^\s*(\S.*?)\s+:(?:\s(.*))?$/;
/** Dotted quad or bounded IPv6: a 100 kB digit run is no endpoint. */
const IP_ENDPOINT = /^(\[[0-9A-Fa-f:.%]{0,64}\]|\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/;
const HOST_ENDPOINT = /^[^\s:]+:\d{1,5}$/;
const HEX40 = /^[0-9A-Fa-f]{40}$/;
const GUID = /^\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}$/;

interface Entry {
  row: SslBindingRow;
  appIdSeen: boolean;
  hashSeen: boolean;
  storeSeen: boolean;
}

/** True for a header line of the listing in a known language, or one shaped like it. */
function isHeader(lines: string[], i: number): boolean {
  const t = lines[i]!.trim();
  if (!t.endsWith(':')) return false;
  const name = t.replace(/\s*:$/, '').toLowerCase();
  if (NETSH_HEADERS.includes(name)) return true;
  return /\bssl\b/i.test(name) && /^\s*-{5,}\s*$/.test(lines[i + 1] ?? '');
}

/** True when `text` looks like `netsh http show sslcert` output in any language bindtrail reads. */
export function looksLikeNetshSslCert(text: string): boolean {
  const lines = splitLines(text.slice(0, 64 * 1024));
  return (
    lines.some((_, i) => isHeader(lines, i)) ||
    lines.some((l) => {
      const m = FIELD.exec(l);
      const f = m ? fieldOfLabel(m[1]!) : undefined;
      return f !== undefined && (f.field === 'ip' || f.field === 'host' || f.field === 'ccs');
    })
  );
}

export function parseNetshSslCert(text: string, file: string): ConfigRows {
  const rows = emptyRows('netsh-sslcert');
  const lines = splitLines(text.replace(/^\uFEFF/, ''));
  const warned = new Set<string>();
  const unknown = (line: number, label: string, as: string): void => {
    const key = `${label.toLowerCase()}|${as}`;
    if (warned.has(key)) return;
    warned.add(key);
    rows.warnings.push(`line ${line}: unknown label "${label}": value read as ${as} by its shape`);
  };
  let header = false;
  let cur: Entry | null = null;
  const finish = (): void => {
    if (cur) rows.bindings.push(checkEntry(cur.row, cur.hashSeen, cur.appIdSeen));
    cur = null;
  };
  for (let i = 0; i < lines.length; i++) {
    if (isHeader(lines, i)) {
      header = true;
      continue;
    }
    const m = FIELD.exec(lines[i]!);
    if (!m) continue;
    const label = m[1]!;
    const value = (m[2] ?? '').trim();
    let field: NetshField | undefined = fieldOfLabel(label)?.field;
    if (field === undefined) field = byShape(value, cur, header);
    if (field !== undefined && fieldOfLabel(label) === undefined) unknown(i + 1, label, SHAPE_TEXT[field]);
    if (field === 'ip' || field === 'host' || field === 'ccs') {
      finish();
      const endpoint = entryEndpoint(field, value);
      cur = { row: newRow(endpoint), appIdSeen: false, hashSeen: false, storeSeen: false };
      if (endpoint === null) rows.warnings.push(`line ${i + 1}: endpoint "${value}" is not IP:port or hostname:port`);
      continue;
    }
    if (!cur) {
      if (header && field !== undefined)
        rows.warnings.push(`line ${i + 1}: "${label}" before any IP:port / Hostname:port line; ignored`);
      continue;
    }
    const c: Entry = cur;
    if (field === 'hash') {
      c.hashSeen = true;
      const h = normaliseHash(value);
      if (h === undefined) {
        c.row.problems.push('bad-hash');
        rows.warnings.push(`line ${i + 1}: certificate hash "${value}" is not hexadecimal`);
      } else c.row.certHash = h;
    } else if (field === 'appid') {
      c.appIdSeen = true;
      c.row.appId = normaliseGuid(value);
      if (c.row.appId === null && value !== '' && value !== '(null)')
        rows.warnings.push(`line ${i + 1}: application ID "${value}" is not a GUID`);
    } else if (field === 'store') {
      c.storeSeen = true;
      c.row.certStore = value === '' || value === '(null)' ? null : value;
    }
  }
  finish();
  if (!header && rows.bindings.length === 0) {
    throw configError(
      file,
      null,
      'no "SSL Certificate bindings:" header and no IP:port entries: not `netsh http show sslcert` output',
    );
  }
  return rows;
}

const SHAPE_TEXT: Record<NetshField, string> = {
  ip: 'an IP:port endpoint (a new entry)',
  host: 'a hostname:port endpoint (a new entry)',
  ccs: 'a Central Certificate Store port',
  hash: 'the certificate hash',
  appid: 'the application ID',
  store: 'the certificate store name',
};

/**
 * The field an unknown label's value stands for: an endpoint starts an entry (only after the header
 * or between entries), a 40-hex value is the hash and a {GUID} the AppId when the entry has none yet.
 */
function byShape(value: string, cur: Entry | null, header: boolean): NetshField | undefined {
  if (IP_ENDPOINT.test(value) && (header || cur !== null)) return 'ip';
  if (cur === null) return undefined;
  if (HEX40.test(value) && !cur.hashSeen) return 'hash';
  if (GUID.test(value) && !cur.appIdSeen) return 'appid';
  if (HOST_ENDPOINT.test(value) && !/^\d+:\d+$/.test(value) && (cur.hashSeen || cur.appIdSeen)) return 'host';
  return undefined;
}

function entryEndpoint(field: NetshField, value: string): string | null {
  if (field === 'ip') return IP_ENDPOINT.test(value) ? value : null;
  if (field === 'host') return HOST_ENDPOINT.test(value) ? value.toLowerCase() : null;
  return /^\d{1,5}$/.test(value) ? `ccs:${value}` : null;
}

function newRow(endpoint: string | null): SslBindingRow {
  return {
    source: 'netsh',
    endpoint,
    site: null,
    bindingInformation: null,
    sslFlags: null,
    certHash: null,
    certStore: null,
    appId: null,
    problems: endpoint === null ? ['bad-endpoint'] : [],
  };
}

/** Problems HTTP.sys would trip on (seed 002: all-zero AppId, empty hash). */
function checkEntry(row: SslBindingRow, hashSeen: boolean, appIdSeen: boolean): SslBindingRow {
  const ccs = row.endpoint?.startsWith('ccs:') ?? false;
  if (row.certHash === null && !ccs && !row.problems.includes('bad-hash'))
    row.problems.push(hashSeen ? 'empty-hash' : 'missing-hash');
  else if (row.certHash !== null && isZeroHash(row.certHash)) row.problems.push('zero-hash');
  else if (row.certHash !== null && row.certHash.length !== 40) row.problems.push('bad-hash-length');
  if (row.appId === null || row.appId === ZERO_GUID) row.problems.push(appIdSeen ? 'null-appid' : 'missing-appid');
  return row;
}
