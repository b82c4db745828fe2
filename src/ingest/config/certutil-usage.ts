/**
 * Usage and chain lines of `certutil -v -store my` / `certutil -verifystore my` output (English),
 * beside what certutil-store.ts reads (which skips them): per certificate, the Enhanced Key Usage
 * OIDs and the chain errors certutil prints.
 *
 *       2.5.29.37: Flags = 0, Length = 16
 *       Enhanced Key Usage
 *           Server Authentication (1.3.6.1.5.5.7.3.1)
 *           Client Authentication (1.3.6.1.5.5.7.3.2)
 *
 *     CERT_ENHKEY_USAGE_PROP_ID(9):        (a usage restriction set on the store copy)
 *         Client Authentication (1.3.6.1.5.5.7.3.2)
 *
 *       2.5.29.17: Flags = 0, Length = 2b
 *       Subject Alternative Name
 *           DNS Name=www.contoso.com
 *           IP Address=10.0.0.5
 *
 *   A certificate chain processed, but terminated in a root certificate which is not trusted by the
 *   trust provider. 0x800b0109 (-2146762487 CERT_E_UNTRUSTEDROOT)
 *
 * No EKU extension means every usage is allowed (RFC 5280 §4.2.1.12), so `ekus` is null then.
 */
import { normaliseHash, splitLines } from './common.js';

export const CHAIN_ERRORS: Readonly<Record<string, { code: string; problem: string }>> = {
  CERT_E_UNTRUSTEDROOT: { code: '0x800B0109', problem: 'untrusted-root' },
  CERT_E_WRONG_USAGE: { code: '0x800B0110', problem: 'wrong-usage' },
  CERT_E_EXPIRED: { code: '0x800B0101', problem: 'expired' },
  CERT_E_CHAINING: { code: '0x800B010A', problem: 'chain-incomplete' },
  CRYPT_E_REVOKED: { code: '0x80092010', problem: 'revoked' },
  CRYPT_E_REVOCATION_OFFLINE: { code: '0x80092013', problem: 'revocation-offline' },
};

export interface CertificateUsageRow {
  thumbprint: string;
  /** OIDs of the Enhanced Key Usage extension; null when the certificate has none. */
  ekus: string[] | null;
  /** OIDs of CERT_ENHKEY_USAGE_PROP_ID (a restriction set on the store copy); null when absent. */
  propertyEkus: string[] | null;
  /** Usages in force: the extension, narrowed by the property. Null = unrestricted. */
  effectiveEkus: string[] | null;
  /** `untrusted-root`, `wrong-usage`, … from the chain lines certutil printed for this certificate. */
  chainProblems: string[];
  /** winerror codes of those lines (`0x800B0109`). */
  chainCodes: string[];
  /** `DNS Name=` entries of the Subject Alternative Name extension, lower case. */
  dnsNames: string[];
}

const SEPARATOR = /^=+\s*Certificate\s+\d+\s*=+\s*$/i;
const OID_LINE = /\((\d+(?:\.\d+){2,})\)\s*$/;

/** Usage rows of every certificate of the listing that has a `Cert Hash(sha1)` line. */
export function parseCertutilUsage(text: string): { rows: CertificateUsageRow[]; warnings: string[] } {
  const lines = splitLines(text);
  const starts: number[] = [];
  lines.forEach((l, i) => SEPARATOR.test(l.trim()) && starts.push(i));
  const rows: CertificateUsageRow[] = [];
  const warnings: string[] = [];
  starts.forEach((s, k) => {
    const end = k + 1 < starts.length ? starts[k + 1]! : lines.length;
    const row = block(lines, s + 1, end);
    if (row) rows.push(row);
    else warnings.push(`line ${s + 1}: certificate without a "Cert Hash(sha1)" line; usage not read`);
  });
  return { rows, warnings };
}

function block(lines: string[], from: number, to: number): CertificateUsageRow | null {
  let thumbprint = '';
  let ekus: string[] | null = null;
  let propertyEkus: string[] | null = null;
  const chainProblems: string[] = [];
  const chainCodes: string[] = [];
  let dnsNames: string[] = [];
  for (let i = from; i < to; i++) {
    const t = lines[i]!.trim();
    const hash = /^Cert Hash\(sha1\):\s*(.*)$/i.exec(t);
    if (hash) {
      const h = normaliseHash(hash[1]);
      if (h && h.length === 40) thumbprint = h;
    } else if (/^Enhanced Key Usage$/i.test(t)) {
      ekus = oids(lines, i + 1, to);
    } else if (/^Subject Alternative Name$/i.test(t)) {
      dnsNames = sanDnsNames(lines, i + 1, to);
    } else if (/^CERT_ENHKEY_USAGE_PROP_ID\(9\):?$/i.test(t)) {
      propertyEkus = oids(lines, i + 1, to);
    } else {
      for (const [name, e] of Object.entries(CHAIN_ERRORS)) {
        if (t.includes(name) || t.toLowerCase().includes(e.code.toLowerCase())) {
          if (!chainProblems.includes(e.problem)) chainProblems.push(e.problem);
          if (!chainCodes.includes(e.code)) chainCodes.push(e.code);
        }
      }
      if (
        /terminated in a root certificate which is not trusted/i.test(t) &&
        !chainProblems.includes('untrusted-root')
      ) {
        chainProblems.push('untrusted-root');
        chainCodes.push('0x800B0109');
      }
    }
  }
  if (thumbprint === '') return null;
  const effectiveEkus =
    propertyEkus === null ? ekus : ekus === null ? propertyEkus : ekus.filter((o) => propertyEkus!.includes(o));
  return { thumbprint, ekus, propertyEkus, effectiveEkus, chainProblems, chainCodes, dnsNames };
}

/** `DNS Name=…` lines of a Subject Alternative Name block, up to the first line that is no `Type=value`. */
function sanDnsNames(lines: string[], from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = from; i < to && out.length < 256; i++) {
    const t = lines[i]!.trim();
    if (!/^[A-Za-z][\w .]{0,40}=/.test(t)) break;
    const m = /^DNS Name=(\S{1,253})$/i.exec(t);
    if (m && !out.includes(m[1]!.toLowerCase())) out.push(m[1]!.toLowerCase());
  }
  return out;
}

/** OIDs in `Name (1.2.3)` lines after a heading, up to a blank line or a line without an OID. */
function oids(lines: string[], from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = from; i < to && out.length < 64; i++) {
    const m = OID_LINE.exec(lines[i]!.trim());
    if (!m) break;
    out.push(m[1]!);
  }
  return out;
}
