/**
 * `netsh http show sslcert` output (cmd redirect: ASCII, CRLF). Labels padded to 29 columns then
 * `: `; the field list grows with the release (Server 2016 adds Reject Connections … Disable HTTP2,
 * 2019 the TLS/QUIC/OCSP switches).
 */
import { IIS_APP_ID } from '../catalogue.js';
import type { HttpsBinding, OsRelease } from '../types.js';

const pad = (label: string): string => (label.length < 29 ? `    ${label.padEnd(29)}: ` : `    ${label} : `);

export function netshShowSslcert(bindings: HttpsBinding[], os: OsRelease): string {
  const L = ['', 'SSL Certificate bindings:', '-------------------------', ''];
  for (const b of bindings) {
    const sni = !/^(\d+\.\d+\.\d+\.\d+|\[[0-9a-f:]+\]):\d+$/i.test(b.endpoint);
    L.push(`${pad(sni ? 'Hostname:port' : 'IP:port')}${b.endpoint}`);
    L.push(`${pad('Certificate Hash')}${b.thumbprint.toLowerCase()}`);
    L.push(`${pad('Application ID')}${b.nullAppId ? '{00000000-0000-0000-0000-000000000000}' : IIS_APP_ID}`);
    L.push(`${pad('Certificate Store Name')}${b.store ?? 'MY'}`);
    L.push(`${pad('Verify Client Certificate Revocation')}Enabled`);
    L.push(`${pad('Verify Revocation Using Cached Client Certificate Only')}Disabled`);
    L.push(`${pad('Usage Check')}Enabled`);
    L.push(`${pad('Revocation Freshness Time')}0`);
    L.push(`${pad('URL Retrieval Timeout')}0`);
    L.push(`${pad('Ctl Identifier')}(null)`);
    L.push(`${pad('Ctl Store Name')}(null)`);
    L.push(`${pad('DS Mapper Usage')}Disabled`);
    L.push(`${pad('Negotiate Client Certificate')}Disabled`);
    if (os === '2016' || os === '2019') {
      L.push(`${pad('Reject Connections')}Disabled`);
      L.push(`${pad('Disable HTTP2')}Not Set`);
    }
    if (os === '2019') {
      for (const f of ['Disable QUIC', 'Disable TLS1.2', 'Disable TLS1.3', 'Disable OCSP Stapling', 'Enable Token Binding',
        'Log Extended Events', 'Disable Legacy TLS Versions', 'Enable Session Ticket']) L.push(`${pad(f)}Not Set`);
    }
    L.push('');
  }
  L.push('');
  return L.join('\r\n');
}
