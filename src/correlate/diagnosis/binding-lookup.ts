/**
 * How HTTP.sys chooses the server certificate of a TLS handshake from its SSL bindings, and the
 * stale IP bindings that follow from it.
 *
 * Sources (read with the search tool; no single Microsoft page states the whole order):
 * - Microsoft, "IIS 8.0 Server Name Indication (SNI): SSL Scalability" — SNI (hostname:port)
 *   bindings since Windows Server 2012; clients without SNI cannot use them.
 * - Microsoft docs archive, K. Panday (IIS team), "Server Name Indication (SNI) with IIS 8" and
 *   "SSL Scalability with IIS 8": legacy lookup by IP:port in SslBindingInfo; SNI bindings in
 *   SslSniBindingInfo, CCS in SslCcsBindingInfo (one record per port).
 * - HTTP Server API: HTTP_SERVICE_CONFIG_SSL_SNI_KEY and _CCS_KEY are keyed by the IPv4 wildcard
 *   0.0.0.0 plus port — an SNI or CCS record applies to every address of that port;
 *   HTTP_REQUEST_PROPERTY_SNI: "If an SNI was included in the TLS handshake, but http.sys still
 *   used an IP endpoint for lookup" — the IP lookup is the fallback when no SNI record matches.
 * Modelled order: SNI hostname:port exact → CCS on the port (client sent SNI) → IP:port exact →
 * wildcard 0.0.0.0:port (IPv4) / [::]:port (IPv6) → no certificate (handshake fails).
 * Where sources disagree: Jexus Manager (Lex Li) and a Server Fault answer give "SNI first, then
 * IP" without CCS; some third-party write-ups put a specific IP:port before SNI or CCS after the
 * wildcard. Microsoft's pages do not rank CCS against IP:port: CCS-before-IP and wildcard-per-family
 * are this model's reading, not a documented rule. Wildcard host names (`*.contoso.com:443`,
 * IIS 10) are matched after exact names; unverified for HTTP.sys itself.
 */

export const BINDING_LOOKUP_REFERENCE = {
  url: 'https://learn.microsoft.com/en-us/iis/get-started/whats-new-in-iis-8/iis-80-server-name-indication-sni-ssl-scalability',
  also: [
    'https://docs.microsoft.com/en-us/archive/blogs/kaushal/server-name-indication-sni-with-iis-8-windows-server-2012',
    'https://learn.microsoft.com/en-us/windows/win32/api/http/ns-http-http_service_config_ssl_sni_key',
    'https://learn.microsoft.com/en-us/windows/win32/api/http/ns-http-http_service_config_ssl_ccs_key',
    'https://learn.microsoft.com/en-us/windows/win32/api/http/ns-http-http_request_property_sni',
  ],
  order: ['sni', 'ccs', 'ip', 'wildcard'] as const,
  note: 'SNI before IP:port is documented; the place of CCS relative to IP:port is not stated by Microsoft and is modelled after SNI.',
} as const;

/** A binding as the artefacts give it (structurally an ingest SslBindingRow). */
export interface LookupBinding {
  endpoint: string | null;
  certHash: string | null;
  certStore?: string | null;
  source?: string | null;
}

/** A certificate as certutil gives it (structurally an ingest CertificateRow, plus usages). */
export interface LookupCertificate {
  thumbprint: string;
  subject?: string | null;
  notBefore?: string | null;
  notAfter?: string | null;
  hasPrivateKey?: boolean | null;
  /** Enhanced Key Usage OIDs; null / absent = no EKU extension (every usage allowed). */
  ekus?: string[] | null;
  /** certutil chain verdict, e.g. `untrusted-root`. */
  chainProblems?: string[] | null;
}

export interface TlsClient {
  /** Host name the client sends in SNI, or null (old clients, many probes, `openssl s_client` without -servername). */
  sni: string | null;
  /** Local address the client connected to (`10.0.0.5`, `::1`). */
  address: string;
  port: number;
}

export type LookupStep = 'sni' | 'sni-wildcard' | 'ccs' | 'ip' | 'wildcard' | 'none';

export interface LookupResult {
  step: LookupStep;
  binding: LookupBinding | null;
  /** Certificate hash served (null for CCS: the file `<sni>.pfx` of the store, or for none). */
  certHash: string | null;
  note: string;
}

export interface ParsedEndpoint {
  kind: 'ip' | 'wildcard' | 'sni' | 'ccs';
  family: 'ipv4' | 'ipv6' | null;
  address: string | null;
  host: string | null;
  port: number;
}

/** `0.0.0.0:443`, `[::]:443`, `10.0.0.5:443`, `www.contoso.com:443`, `ccs:443` → parts; null when unreadable. */
export function parseEndpoint(endpoint: string | null): ParsedEndpoint | null {
  const e = (endpoint ?? '').trim().toLowerCase();
  let m = /^ccs:(\d{1,5})$/.exec(e);
  if (m) return { kind: 'ccs', family: null, address: null, host: null, port: +m[1]! };
  m = /^\[([0-9a-f:.%]*)\]:(\d{1,5})$/.exec(e);
  if (m)
    return {
      kind: /^[0:]*$/.test(m[1]!) ? 'wildcard' : 'ip',
      family: 'ipv6',
      address: m[1]!,
      host: null,
      port: +m[2]!,
    };
  m = /^(\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})$/.exec(e);
  if (m)
    return { kind: m[1] === '0.0.0.0' ? 'wildcard' : 'ip', family: 'ipv4', address: m[1]!, host: null, port: +m[2]! };
  m = /^([^\s:[\]]{1,253}):(\d{1,5})$/.exec(e);
  if (m) return { kind: 'sni', family: null, address: null, host: m[1]!, port: +m[2]! };
  return null;
}

const family = (address: string): 'ipv4' | 'ipv6' => (address.includes(':') ? 'ipv6' : 'ipv4');
const normAddr = (a: string): string =>
  a
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');

/** The binding HTTP.sys uses for `client` (see the order above). */
export function selectCertificate(bindings: LookupBinding[], client: TlsClient): LookupResult {
  const parsed = bindings
    .map((b) => ({ b, p: parseEndpoint(b.endpoint) }))
    .filter((x) => x.p !== null && x.p.port === client.port) as { b: LookupBinding; p: ParsedEndpoint }[];
  const sni = client.sni?.trim().toLowerCase().replace(/\.$/, '') || null;
  if (sni) {
    const exact = parsed.find((x) => x.p.kind === 'sni' && x.p.host === sni);
    if (exact)
      return {
        step: 'sni',
        binding: exact.b,
        certHash: exact.b.certHash,
        note: `SNI ${sni} matches the hostname:port binding ${exact.b.endpoint}`,
      };
    const wild = parsed.find(
      (x) =>
        x.p.kind === 'sni' &&
        x.p.host!.startsWith('*.') &&
        sni.endsWith(x.p.host!.slice(1)) &&
        !sni.slice(0, -(x.p.host!.length - 1)).includes('.'),
    );
    if (wild)
      return {
        step: 'sni-wildcard',
        binding: wild.b,
        certHash: wild.b.certHash,
        note: `SNI ${sni} matches the wildcard hostname binding ${wild.b.endpoint}`,
      };
    const ccs = parsed.find((x) => x.p.kind === 'ccs');
    if (ccs)
      return {
        step: 'ccs',
        binding: ccs.b,
        certHash: null,
        note: `no hostname binding for ${sni}; the Central Certificate Store binding of port ${client.port} serves the file ${sni}.pfx`,
      };
  }
  const addr = normAddr(client.address);
  const ip = parsed.find((x) => x.p.kind === 'ip' && x.p.address === addr);
  const why = sni ? `no SNI binding for ${sni} on port ${client.port}` : 'the client sends no SNI';
  if (ip)
    return {
      step: 'ip',
      binding: ip.b,
      certHash: ip.b.certHash,
      note: `${why}; the IP:port binding ${ip.b.endpoint} matches the address`,
    };
  const wildcard = parsed.find((x) => x.p.kind === 'wildcard' && x.p.family === family(addr));
  if (wildcard)
    return {
      step: 'wildcard',
      binding: wildcard.b,
      certHash: wildcard.b.certHash,
      note: `${why}; the wildcard binding ${wildcard.b.endpoint} serves every ${family(addr)} address of the port`,
    };
  return {
    step: 'none',
    binding: null,
    certHash: null,
    note: `${why} and no IP binding covers ${client.address}:${client.port}: the handshake fails`,
  };
}

export type CertificateDefect =
  | 'not-in-store'
  | 'expired'
  | 'not-yet-valid'
  | 'no-private-key'
  | 'wrong-eku'
  | 'untrusted-root'
  | 'empty-hash';

export const SERVER_AUTH_EKU = '1.3.6.1.5.5.7.3.1';
const ANY_EKU = '2.5.29.37.0';

/** What is wrong with the certificate behind a hash (at an ISO reference time, e.g. the last event of the host). */
export function certificateDefects(
  hash: string | null,
  certificates: LookupCertificate[],
  at?: string | null,
): CertificateDefect[] {
  if (hash === null) return ['empty-hash'];
  const c = certificates.find((x) => x.thumbprint.toUpperCase() === hash.toUpperCase());
  if (!c) return certificates.length > 0 ? ['not-in-store'] : [];
  const out: CertificateDefect[] = [];
  const t = at ? Date.parse(at) : NaN;
  if (Number.isFinite(t) && c.notAfter && Date.parse(c.notAfter) < t) out.push('expired');
  if (Number.isFinite(t) && c.notBefore && Date.parse(c.notBefore) > t) out.push('not-yet-valid');
  if (c.hasPrivateKey === false) out.push('no-private-key');
  if (c.ekus && c.ekus.length > 0 && !c.ekus.includes(SERVER_AUTH_EKU) && !c.ekus.includes(ANY_EKU))
    out.push('wrong-eku');
  if (c.chainProblems?.includes('untrusted-root')) out.push('untrusted-root');
  return out;
}

export { staleIpBindings } from './stale-ip-bindings.js';
export type { ClientOutcome, StaleIpBinding } from './stale-ip-bindings.js';
