/**
 * `netsh http show iplisten`: the IP listen list of HTTP.sys. Empty (the default) = HTTP.sys
 * listens on every address; non-empty = only on the addresses listed, so bindings and clients on
 * any other address get no connection at all.
 *
 *   IP addresses present in the IP listen list:            (German, unverified:
 *   -------------------------------------------             "In der IP-Abhörliste vorhandene IP-Adressen:")
 *
 *       10.0.0.5
 *       ::
 *
 * Labels differ by language, so the header is found by shape (a line ending in `:` followed by a
 * line of dashes) and the entries are IP-shaped lines under it.
 */
import { configError, splitLines } from './common.js';

export interface IpListenRows {
  kind: 'netsh-iplisten';
  host: string | null;
  /** Addresses as listed (lower case); empty = HTTP.sys listens on all addresses. */
  addresses: string[];
  warnings: string[];
}

const KNOWN_HEADERS = [
  /^IP addresses present in the IP listen list:$/i,
  /IP-Abh(?:ö|oe|\S)rliste/i, // CP 850 output read as UTF-8 has U+FFFD for ö
  /liste d'écoute IP/i,
  /lista de escucha IP/i,
];
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const IPV6 = /^[0-9a-f:]*:[0-9a-f:.]*(%\d+)?$/i;

/** True when `text` looks like `netsh http show iplisten` output in any language. */
export function looksLikeNetshIpListen(text: string): boolean {
  const lines = splitLines(text.slice(0, 16 * 1024)).map((l) => l.trim());
  return lines.some(
    (l, i) =>
      l.endsWith(':') &&
      /^-{5,}$/.test(lines[i + 1] ?? '') &&
      (KNOWN_HEADERS.some((h) => h.test(l)) || /\bIP\b/.test(l)) &&
      !/SSL|Zertifikat|certificat|certificado/i.test(l),
  );
}

export function parseNetshIpListen(text: string, file: string): IpListenRows {
  const rows: IpListenRows = { kind: 'netsh-iplisten', host: null, addresses: [], warnings: [] };
  const lines = splitLines(text.replace(/^\uFEFF/, ''));
  const h = lines.findIndex((l, i) => l.trim().endsWith(':') && /^\s*-{5,}\s*$/.test(lines[i + 1] ?? ''));
  if (h < 0 || !/\bIP/i.test(lines[h]!)) {
    throw configError(
      file,
      null,
      'no "IP addresses present in the IP listen list:" header followed by dashes: not `netsh http show iplisten` output',
    );
  }
  if (!KNOWN_HEADERS.some((k) => k.test(lines[h]!.trim())))
    rows.warnings.push(`line ${h + 1}: header "${lines[h]!.trim()}" not in bindtrail's label table; read by shape`);
  for (let i = h + 2; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (t === '') continue;
    const a = t.replace(/^\[|\]$/g, '').toLowerCase();
    if (IPV4.test(a) || IPV6.test(a)) {
      if (!rows.addresses.includes(a)) rows.addresses.push(a);
    } else if (/:$/.test(t) && /^\s*-{5,}\s*$/.test(lines[i + 1] ?? '')) break;
    else rows.warnings.push(`line ${i + 1}: "${t.slice(0, 60)}" is not an IP address; ignored`);
  }
  return rows;
}
