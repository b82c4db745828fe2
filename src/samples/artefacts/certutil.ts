/**
 * `certutil -v -store my` output (cmd redirect: ASCII, CRLF) for the LocalMachine Personal store.
 * Layout after Windows Server: X509 section, extensions, hashes (`Cert Hash(sha1)`: spaced hex
 * bytes up to 2012 R2, one lowercase run from 2016), CERT_KEY_PROV_INFO_PROP_ID with Key
 * Container / Provider / KeySpec (seed 003), then the key check: `Missing stored keyset`,
 * `Private key is NOT exportable`, `Encryption test passed`.
 */
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Certificate, OsRelease } from '../types.js';

const digest = (alg: string, seed: string, bytes?: number): string => {
  const h = createHash(alg).update(seed).digest('hex');
  return bytes ? h.slice(0, bytes * 2) : h;
};

function hashText(hex: string, os: OsRelease): string {
  return os === '2008R2' || os === '2012R2' ? hex.toLowerCase().match(/../g)!.join(' ') : hex.toLowerCase();
}

/** `0000  30 82 01 0a …` hex dump lines of pseudo key bytes (deterministic per certificate). */
function dump(seed: string, length: number): string[] {
  const bytes = Buffer.alloc(length);
  for (let i = 0, n = 0; i < length; n++) {
    const block = createHash('sha256').update(`${seed}/${n}`).digest();
    block.copy(bytes, i, 0, Math.min(32, length - i));
    i += 32;
  }
  const lines: string[] = [];
  for (let off = 0; off < length; off += 16) {
    const row = Array.from(bytes.subarray(off, off + 16), (b) => b.toString(16).padStart(2, '0'));
    lines.push(
      `    ${off.toString(16).padStart(4, '0')}  ${row.slice(0, 8).join(' ')}${row.length > 8 ? '  ' + row.slice(8).join(' ') : ''}`,
    );
  }
  return lines;
}

const rdn = (dn: string): string[] => dn.split(/,\s*/).map((p) => `    ${p}`);
const usDate = (wall: string, zone: string): string =>
  DateTime.fromFormat(wall, 'yyyy-MM-dd HH:mm', { zone }).toFormat('M/d/yyyy h:mm a');

function certificateBlock(c: Certificate, index: number, os: OsRelease, zone: string): string[] {
  const L: string[] = [];
  const cn = /CN=([^,]+)/.exec(c.subject)?.[1] ?? c.subject;
  L.push(`================ Certificate ${index} ================`);
  L.push('X509 Certificate:', 'Version: 3', `Serial Number: ${c.serial}`);
  L.push(
    'Signature Algorithm:',
    '    Algorithm ObjectId: 1.2.840.113549.1.1.11 sha256RSA',
    '    Algorithm Parameters:',
    '    05 00',
  );
  L.push(
    'Issuer:',
    ...rdn(c.issuer),
    `  Name Hash(sha1): ${digest('sha1', c.issuer)}`,
    `  Name Hash(md5): ${digest('md5', c.issuer)}`,
    '',
  );
  L.push(` NotBefore: ${usDate(c.notBefore, zone)}`, ` NotAfter: ${usDate(c.notAfter, zone)}`, '');
  L.push(
    'Subject:',
    ...rdn(c.subject),
    `  Name Hash(sha1): ${digest('sha1', c.subject)}`,
    `  Name Hash(md5): ${digest('md5', c.subject)}`,
    '',
  );
  L.push(
    'Public Key Algorithm:',
    '    Algorithm ObjectId: 1.2.840.113549.1.1.1 RSA (RSA_SIGN)',
    '    Algorithm Parameters:',
    '    05 00',
  );
  L.push('Public Key Length: 2048 bits', 'Public Key: UnusedBits = 0', ...dump(`${c.thumbprint}/pub`, 270));
  L.push('Certificate Extensions: 4');
  L.push(
    '    2.5.29.37: Flags = 0, Length = c',
    '    Enhanced Key Usage',
    '        Server Authentication (1.3.6.1.5.5.7.3.1)',
    '',
  );
  L.push(
    '    2.5.29.15: Flags = 1(Critical), Length = 4',
    '    Key Usage',
    `        ${c.keySpec === 2 ? 'Digital Signature (80)' : 'Digital Signature, Key Encipherment (a0)'}`,
    '',
  );
  L.push('    2.5.29.17: Flags = 0, Length = 1e', '    Subject Alternative Name', `        DNS Name=${cn}`, '');
  L.push(
    '    2.5.29.14: Flags = 0, Length = 16',
    '    Subject Key Identifier',
    `        ${digest('sha1', `${c.thumbprint}/ski`)}`,
    '',
  );
  L.push(
    'Signature Algorithm:',
    '    Algorithm ObjectId: 1.2.840.113549.1.1.11 sha256RSA',
    '    Algorithm Parameters:',
    '    05 00',
  );
  L.push('Signature: UnusedBits=0', ...dump(`${c.thumbprint}/sig`, 256));
  L.push(c.selfSigned ? 'Root Certificate: Subject matches Issuer' : 'Non-root Certificate');
  L.push(
    `Key Id Hash(rfc-sha1): ${digest('sha1', `${c.thumbprint}/ski`)}`,
    `Key Id Hash(sha1): ${digest('sha1', `${c.thumbprint}/kid`)}`,
  );
  L.push(`Cert Hash(md5): ${hashText(digest('md5', c.thumbprint), os)}`);
  L.push(`Cert Hash(sha1): ${hashText(c.thumbprint, os)}`);
  L.push(`Cert Hash(sha256): ${hashText(digest('sha256', c.thumbprint), os)}`);
  L.push(`Signature Hash: ${hashText(digest('sha256', `${c.thumbprint}/sighash`), os)}`, '');
  if (c.key !== 'none') {
    L.push('  CERT_KEY_PROV_INFO_PROP_ID(2):');
    L.push(`    Key Container = ${c.container ?? '{00000000-0000-0000-0000-000000000000}'}`);
    L.push(
      `  Unique container name: ${digest('md5', `${c.thumbprint}/ucn`)}_${digest('md5', c.issuer).slice(0, 8)}-f050-41f3-b0db-f2b69957a1d7`,
    );
    L.push(`    Provider = ${c.provider ?? 'Microsoft RSA SChannel Cryptographic Provider'}`);
    L.push(`    ProviderType = ${c.provider?.includes('Strong') ? '1' : 'c'}`);
    // Drag-and-drop from the user store keeps the user keyset flag (0): the machine cannot open it.
    L.push(c.key === 'missing' ? '    Flags = 0' : '    Flags = 20 (32)');
    if (c.key !== 'missing') L.push('      CRYPT_MACHINE_KEYSET -- 20 (32)');
    L.push(`    KeySpec = ${c.keySpec ?? 1} -- ${c.keySpec === 2 ? 'AT_SIGNATURE' : 'AT_KEYEXCHANGE'}`, '');
  }
  L.push('  CERT_SHA1_HASH_PROP_ID(3):', `    ${hashText(c.thumbprint, os)}`, '');
  if (c.friendlyName) L.push('  CERT_FRIENDLY_NAME_PROP_ID(11):', `    ${c.friendlyName}`, '');
  if (c.key === 'none')
    L.push('No key provider information', 'Cannot find the certificate and private key for decryption.');
  else if (c.key === 'missing') L.push('Missing stored keyset');
  else {
    if (c.exportable === false) L.push('Private key is NOT exportable');
    L.push('Encryption test passed');
  }
  L.push('');
  return L;
}

export function certutilStoreMy(certs: Certificate[], os: OsRelease, zone: string): string {
  const L = ['my "Personal"'];
  certs.forEach((c, i) => L.push(...certificateBlock(c, i, os, zone)));
  L.push('CertUtil: -store command completed successfully.', '');
  return L.join('\r\n');
}
