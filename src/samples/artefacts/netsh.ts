/**
 * `netsh http show sslcert` output (cmd redirect: ASCII, CRLF). Labels padded to 29 columns then
 * `: `; the field list grows with the release (Server 2016 adds Reject Connections … Disable HTTP2,
 * 2019 the TLS/QUIC/OCSP switches). German Windows prints German labels in the OEM code page
 * (cmd redirect: CP 850), see netsh-de.ts.
 */
import { IIS_APP_ID } from '../catalogue.js';
import type { HttpsBinding, OsRelease } from '../types.js';
import { germanNetsh } from './netsh-de.js';

const pad = (label: string): string => (label.length < 29 ? `    ${label.padEnd(29)}: ` : `    ${label} : `);

/** `hostname:port` (SNI) rather than `IP:port` / `[IPv6]:port`. */
export const isSniEndpoint = (endpoint: string): boolean =>
  !/^(\d+\.\d+\.\d+\.\d+|\[[0-9a-f:]+\]):\d+$/i.test(endpoint);

/** One binding's fields as `[English label, value]` in netsh's order for the release. */
export function netshFields(b: HttpsBinding, os: OsRelease): [string, string][] {
  const F: [string, string][] = [
    [isSniEndpoint(b.endpoint) ? 'Hostname:port' : 'IP:port', b.endpoint],
    ['Certificate Hash', b.thumbprint.toLowerCase()],
    ['Application ID', b.nullAppId ? '{00000000-0000-0000-0000-000000000000}' : IIS_APP_ID],
    ['Certificate Store Name', b.store ?? 'MY'],
    ['Verify Client Certificate Revocation', 'Enabled'],
    ['Verify Revocation Using Cached Client Certificate Only', 'Disabled'],
    ['Usage Check', 'Enabled'],
    ['Revocation Freshness Time', '0'],
    ['URL Retrieval Timeout', '0'],
    ['Ctl Identifier', '(null)'],
    ['Ctl Store Name', '(null)'],
    ['DS Mapper Usage', 'Disabled'],
    ['Negotiate Client Certificate', 'Disabled'],
  ];
  if (os !== '2008R2' && os !== '2012R2') F.push(['Reject Connections', 'Disabled'], ['Disable HTTP2', 'Not Set']);
  if (os === '2019' || os === '2022' || os === 'win11') {
    for (const f of [
      'Disable QUIC',
      'Disable TLS1.2',
      'Disable TLS1.3',
      'Disable OCSP Stapling',
      'Enable Token Binding',
      'Log Extended Events',
      'Disable Legacy TLS Versions',
      'Enable Session Ticket',
    ])
      F.push([f, 'Not Set']);
  }
  return F;
}

export function netshShowSslcert(bindings: HttpsBinding[], os: OsRelease, language?: 'de-DE'): string | Uint8Array {
  if (language === 'de-DE') return germanNetsh(bindings.map((b) => netshFields(b, os)));
  const L = ['', 'SSL Certificate bindings:', '-------------------------', ''];
  for (const b of bindings) {
    for (const [label, value] of netshFields(b, os)) L.push(`${pad(label)}${value}`);
    L.push('');
  }
  L.push('');
  return L.join('\r\n');
}
