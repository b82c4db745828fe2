/**
 * `certutil [-v] -store my` output (English). Each certificate follows a
 * `================ Certificate N ================` line; fields read (short and -v layouts):
 *
 *   Serial Number: 3f675d4b64156f9c48ccf30793121147
 *   Issuer: CN=…, O=…            (-v: "Issuer:" then one RDN per indented line)
 *    NotBefore: 6/26/2019 10:40 AM
 *    NotAfter: 6/26/2025 10:50 AM
 *   Subject: CN=…
 *   Cert Hash(sha1): ff2771bd…   (older builds: "ff 27 71 …")
 *     Key Container = …  /  Provider = …  /  KeySpec = 2 -- AT_SIGNATURE (-v)
 *   Missing stored keyset | No key provider information | Private key is NOT exportable |
 *   Encryption test passed | Signature test passed
 *
 * Dates are the host's local time as certutil prints it (en-US `M/D/YYYY h:mm AM`, also
 * `D.M.YYYY H:mm` and ISO); they are stored as written, without a zone shift.
 */
import { configError, emptyRows, normaliseHash, splitLines } from './common.js';
import { parseCertutilUsage } from './certutil-usage.js';
import type { CertificateRow, ConfigRows } from './types.js';

const SEPARATOR = /^=+\s*Certificate\s+\d+\s*=+\s*$/i;

export function parseCertutilStore(text: string, file: string): ConfigRows {
  const rows = emptyRows('certutil-store');
  const lines = splitLines(text);
  const starts: number[] = [];
  lines.forEach((l, i) => SEPARATOR.test(l.trim()) && starts.push(i));
  if (starts.length === 0) {
    if (/CertUtil: -store command completed successfully/i.test(text)) return rows;
    throw configError(
      file,
      null,
      'no "================ Certificate N ================" line: not `certutil -store` output',
    );
  }
  const store = storeName(lines.slice(0, starts[0]!));
  starts.forEach((s, k) => {
    const end = k + 1 < starts.length ? starts[k + 1]! : lines.length;
    const cert = parseBlock(lines, s + 1, end, store, rows.warnings);
    if (cert) rows.certificates.push(cert);
  });
  addUsage(rows, text);
  return rows;
}

/** Enhanced Key Usage, chain verdicts and SAN DNS names (certutil-usage.ts) of each certificate. */
function addUsage(rows: ReturnType<typeof emptyRows>, text: string): void {
  const usage = new Map(parseCertutilUsage(text).rows.map((u) => [u.thumbprint, u]));
  for (const c of rows.certificates) {
    const u = usage.get(c.thumbprint);
    if (!u) continue;
    c.ekus = u.effectiveEkus;
    c.chainProblems = u.chainProblems;
    c.dnsNames = u.dnsNames;
  }
}

/** The store named on the line before the first certificate (`my "Personal"`), uppercased. */
function storeName(head: string[]): string | null {
  for (let i = head.length - 1; i >= 0; i--) {
    const m = /^\s*([A-Za-z][\w.-]*)(\s+"[^"]*")?\s*$/.exec(head[i]!);
    if (m) return m[1]!.toUpperCase();
  }
  return null;
}

function parseBlock(
  lines: string[],
  from: number,
  to: number,
  store: string | null,
  warnings: string[],
): CertificateRow | null {
  const c: CertificateRow = {
    store,
    thumbprint: '',
    subject: null,
    issuer: null,
    serial: null,
    notBefore: null,
    notAfter: null,
    hasPrivateKey: null,
    provider: null,
    keyContainer: null,
    keySpec: null,
    exportable: null,
    ekus: null,
    chainProblems: [],
    dnsNames: [],
  };
  let sha1Prop = false;
  for (let i = from; i < to; i++) {
    const raw = lines[i]!;
    const t = raw.trim();
    const kv = /^([A-Za-z][\w ()-]*?)\s*[:=]\s?(.*)$/.exec(t);
    const key = kv?.[1]?.toLowerCase();
    const val = kv?.[2]?.trim() ?? '';
    if (key === 'serial number' && c.serial === null) c.serial = val.replace(/\s+/g, '').toUpperCase() || null;
    else if ((key === 'issuer' || key === 'subject') && c[key] === null)
      c[key] = val !== '' ? val : rdnLines(lines, i + 1, to, raw);
    else if ((key === 'notbefore' || key === 'notafter') && t.includes(':')) {
      const d = parseCertutilDate(val);
      if (d === null) warnings.push(`line ${i + 1}: ${kv![1]} "${val}" is not a date bindtrail reads`);
      c[key === 'notbefore' ? 'notBefore' : 'notAfter'] ??= d;
    } else if (key === 'cert hash(sha1)') {
      const h = normaliseHash(val);
      if (h && h.length === 40) c.thumbprint = h;
      else warnings.push(`line ${i + 1}: Cert Hash(sha1) "${val}" is not 40 hex digits`);
    } else if (t === 'CERT_SHA1_HASH_PROP_ID(3):') sha1Prop = true;
    else if (sha1Prop) {
      const h = normaliseHash(t);
      if (h && h.length === 40 && c.thumbprint === '') c.thumbprint = h;
      sha1Prop = false;
    } else if (key === 'key container' && t.includes('=')) c.keyContainer ??= val || null;
    else if (key === 'provider' && t.includes('=')) c.provider ??= val || null;
    else if (key === 'keyspec') c.keySpec ??= /^\d+/.test(val) ? parseInt(val, 10) : null;
    else keyState(c, t, i + 1, warnings);
  }
  if (c.thumbprint === '') {
    warnings.push(`line ${from}: certificate without a "Cert Hash(sha1)" line; skipped`);
    return null;
  }
  return c;
}

/** Private-key lines certutil prints after the key provider information. */
function keyState(c: CertificateRow, t: string, line: number, warnings: string[]): void {
  if (
    /^Missing stored keyset/i.test(t) ||
    /^No key provider information/i.test(t) ||
    /^Cannot find the certificate and private key/i.test(t)
  ) {
    c.hasPrivateKey = false;
  } else if (/^(Encryption|Signature) test FAILED/i.test(t)) {
    c.hasPrivateKey = false;
    warnings.push(`line ${line}: "${t}": the private key is present but unusable`);
  } else if (/^(Encryption|Signature) test passed/i.test(t) || /^Private key verifies/i.test(t)) {
    c.hasPrivateKey ??= true;
  } else if (/^Private key is NOT plain text exportable/i.test(t)) {
    c.hasPrivateKey ??= true;
    c.exportable = true;
  } else if (/^Private key is NOT exportable/i.test(t)) {
    c.hasPrivateKey ??= true;
    c.exportable = false;
  }
}

/** -v layout: `Issuer:` followed by more-indented RDN lines, up to a blank or `Name Hash` line. */
function rdnLines(lines: string[], from: number, to: number, labelLine: string): string | null {
  const indent = labelLine.length - labelLine.trimStart().length;
  const parts: string[] = [];
  for (let i = from; i < to; i++) {
    const l = lines[i]!;
    if (l.trim() === '' || /^\s*Name Hash/i.test(l) || l.length - l.trimStart().length <= indent) break;
    parts.push(l.trim());
  }
  return parts.length > 0 ? parts.join(', ') : null;
}

/** certutil's local date → `YYYY-MM-DDTHH:MM:SSZ` (as written, no zone shift), or null. */
export function parseCertutilDate(s: string): string | null {
  const t = s.replace(/\*+.*$/, '').trim();
  let y: number, mo: number, d: number, h: number, mi: number, se: number;
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?$/i.exec(t);
  if (m) {
    [mo, d, y, h, mi, se] = [+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0)];
    if (m[7]) h = (h % 12) + (m[7].toUpperCase() === 'PM' ? 12 : 0);
  } else if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\.?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t))) {
    [d, mo, y, h, mi, se] = [+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0)];
  } else if ((m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(t))) {
    [y, mo, d, h, mi, se] = [+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0)];
  } else return null;
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, se));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || se > 59) return null;
  return date.toISOString().replace('.000Z', 'Z');
}
