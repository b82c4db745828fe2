/**
 * `reg export HKLM\SYSTEM\CurrentControlSet\Services\HTTP\Parameters\SslBindingInfo` output:
 * UTF-16LE with BOM, CRLF, `Windows Registry Editor Version 5.00`, REG_BINARY as `hex:` byte
 * lists (continued with `,\` past 80 columns), REG_DWORD as `dword:`.
 */
import { guidBytes } from '../../evtx/writer/values.js';
import { IIS_APP_ID } from '../catalogue.js';
import type { HttpsBinding } from '../types.js';
import { isSniEndpoint } from './netsh.js';

const PARAMETERS = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\HTTP\\Parameters';

/** `"Name"=hex:aa,bb,…` wrapped as regedit does (lines ≤ 80 columns, continuation indent 2). */
export function hexValue(name: string, bytes: Uint8Array): string {
  const head = `"${name}"=hex:`;
  const parts = Array.from(bytes, (b) => b.toString(16).padStart(2, '0'));
  const lines: string[] = [];
  let line = head;
  parts.forEach((p, i) => {
    const piece = p + (i < parts.length - 1 ? ',' : '');
    if (line.length + piece.length > 79 && i < parts.length) {
      lines.push(line + '\\');
      line = '  ';
    }
    line += piece;
  });
  lines.push(line);
  return lines.join('\r\n');
}

const dword = (name: string, n: number): string => `"${name}"=dword:${n.toString(16).padStart(8, '0')}`;

/** `reg export` of SslBindingInfo (IP:port bindings) or SslSniBindingInfo (hostname:port, SNI). */
export function sslBindingInfoReg(bindings: HttpsBinding[], which: 'ip' | 'sni' = 'ip'): Uint8Array {
  const KEY = `${PARAMETERS}\\${which === 'sni' ? 'SslSniBindingInfo' : 'SslBindingInfo'}`;
  const L = ['Windows Registry Editor Version 5.00', '', `[${KEY}]`, ''];
  const mine = bindings.filter((b) => isSniEndpoint(b.endpoint) === (which === 'sni'));
  for (const b of [...mine].sort((x, y) => x.endpoint.localeCompare(y.endpoint))) {
    L.push(`[${KEY}\\${b.endpoint}]`);
    L.push(hexValue('AppId', b.nullAppId ? new Uint8Array(16) : guidBytes(IIS_APP_ID)));
    L.push(dword('DefaultCertCheckMode', 0));
    L.push(dword('DefaultFlags', 0));
    L.push(dword('DefaultRevocationFreshnessTime', 0));
    L.push(dword('DefaultRevocationUrlRetrievalTimeout', 0));
    L.push(hexValue('SslCertHash', Buffer.from(b.thumbprint, 'hex')));
    L.push(`"SslCertStoreName"="${b.store ?? 'MY'}"`);
    L.push('');
  }
  L.push('');
  const text = L.join('\r\n');
  return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
}
