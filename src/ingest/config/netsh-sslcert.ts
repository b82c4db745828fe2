/**
 * `netsh http show sslcert` output (English layout, Windows Server 2008 and later):
 *
 *   SSL Certificate bindings:
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
 * = port); the other labels are read by name, so extra lines of newer Windows (Extended
 * Properties, Disable HTTP2…) are skipped. Values `(null)` are empty.
 */
import { configError, emptyRows, isZeroHash, normaliseGuid, normaliseHash, splitLines, ZERO_GUID } from './common.js';
import type { ConfigRows, SslBindingRow } from './types.js';

/** `label   : value` — the label ends at the first colon preceded by white space. */
const FIELD = /^\s*(\S.*?)\s+:(?:\s(.*))?$/;
const HEADER = /^\s*SSL Certificate bindings:\s*$/i;

export function parseNetshSslCert(text: string, file: string): ConfigRows {
  const rows = emptyRows('netsh-sslcert');
  const lines = splitLines(text);
  let header = false;
  let cur: { row: SslBindingRow; line: number; appIdSeen: boolean; hashSeen: boolean } | null = null;
  const finish = (): void => {
    if (cur) rows.bindings.push(checkEntry(cur.row, cur.hashSeen, cur.appIdSeen));
    cur = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (HEADER.test(line)) {
      header = true;
      continue;
    }
    const m = FIELD.exec(line);
    if (!m) continue;
    const label = m[1]!.toLowerCase();
    const value = (m[2] ?? '').trim();
    const start = entryEndpoint(label, value);
    if (start !== undefined) {
      finish();
      cur = { row: newRow(start), line: i + 1, appIdSeen: false, hashSeen: false };
      if (start === null) rows.warnings.push(`line ${i + 1}: endpoint "${value}" is not IP:port or hostname:port`);
      continue;
    }
    if (!cur) {
      if (header && KNOWN.has(label))
        rows.warnings.push(`line ${i + 1}: "${m[1]}" before any IP:port / Hostname:port line; ignored`);
      continue;
    }
    const c: { row: SslBindingRow; appIdSeen: boolean; hashSeen: boolean } = cur;
    if (label === 'certificate hash') {
      c.hashSeen = true;
      const h = normaliseHash(value);
      if (h === undefined) {
        c.row.problems.push('bad-hash');
        rows.warnings.push(`line ${i + 1}: certificate hash "${value}" is not hexadecimal`);
      } else c.row.certHash = h;
    } else if (label === 'application id') {
      c.appIdSeen = true;
      c.row.appId = normaliseGuid(value);
      if (c.row.appId === null && value !== '' && value !== '(null)')
        rows.warnings.push(`line ${i + 1}: application ID "${value}" is not a GUID`);
    } else if (label === 'certificate store name') {
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

const KNOWN = new Set(['certificate hash', 'application id', 'certificate store name']);

/** The endpoint an entry line starts (null: malformed endpoint), or undefined for other labels. */
function entryEndpoint(label: string, value: string): string | null | undefined {
  if (label === 'ip:port') return /^(\[[0-9A-Fa-f:.%]*\]|[0-9.]+):\d{1,5}$/.test(value) ? value : null;
  if (label === 'hostname:port') return /^[^\s:]+:\d{1,5}$/.test(value) ? value.toLowerCase() : null;
  if (label === 'central certificate store') return /^\d{1,5}$/.test(value) ? `ccs:${value}` : null;
  return undefined;
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
