/**
 * Configuration checks of issue 10 over parsed artefacts, pure: certificate usage and chain
 * (0x800B0110 / 0x800B0109 when certutil shows it), TLS protocols switched off in a SCHANNEL\Protocols
 * .reg export, and a restricted HTTP.sys IP listen list. Empty hashes and null / all-zero
 * Application IDs are already flagged by the netsh and .reg parsers (`empty-hash`, `null-appid`,
 * `zero-hash`, `missing-appid`) and reported by config-findings.ts: not repeated here.
 * Inputs are structural copies of the ingest rows (src/ingest/config/certutil-usage.ts,
 * reg-schannel-protocols.ts, netsh-iplisten.ts).
 */
import { parseEndpoint, SERVER_AUTH_EKU, type LookupBinding } from './binding-lookup.js';

export interface UsageInput {
  thumbprint: string;
  /** Usages in force (certutil-usage `effectiveEkus`); null = unrestricted. */
  effectiveEkus: string[] | null;
  chainProblems: string[];
}

export interface UsageProblem {
  code: '0x800B0110' | '0x800B0109';
  name: 'CERT_E_WRONG_USAGE' | 'CERT_E_UNTRUSTEDROOT';
  problem: 'wrong-eku' | 'untrusted-root';
  text: string;
  remedy: string;
}

const ANY_EKU = '2.5.29.37.0';

/** Usage and chain problems of one certificate. */
export function certificateUsageProblems(c: UsageInput): UsageProblem[] {
  const out: UsageProblem[] = [];
  const ekus = c.effectiveEkus;
  if (ekus !== null && !ekus.includes(SERVER_AUTH_EKU) && !ekus.includes(ANY_EKU)) {
    out.push({
      code: '0x800B0110',
      name: 'CERT_E_WRONG_USAGE',
      problem: 'wrong-eku',
      text: `the certificate's Enhanced Key Usage (${ekus.length ? ekus.join(', ') : 'empty'}) lacks Server Authentication (${SERVER_AUTH_EKU}): TLS clients reject it for a server`,
      remedy:
        'Re-issue the certificate with Server Authentication (1.3.6.1.5.5.7.3.1) in its Enhanced Key Usage (web server template), or, if only the store copy is restricted, enable "Server Authentication" under the certificate\'s Properties → General → "Enable only the following purposes".',
    });
  }
  if (c.chainProblems.includes('untrusted-root')) {
    out.push({
      code: '0x800B0109',
      name: 'CERT_E_UNTRUSTEDROOT',
      problem: 'untrusted-root',
      text: 'certutil reports that the certificate chain ends in a root that is not trusted (CERT_E_UNTRUSTEDROOT)',
      remedy:
        "Import the issuing CA's root certificate into Local Computer → Trusted Root Certification Authorities (and the intermediates into Intermediate Certification Authorities), then check with certutil -verifystore my " +
        c.thumbprint +
        '.',
    });
  }
  return out;
}

/** Usage problems of the certificates SSL bindings use, with the endpoints using each. */
export function boundCertificateProblems(
  bindings: LookupBinding[],
  usage: UsageInput[],
): { thumbprint: string; endpoints: string[]; problems: UsageProblem[] }[] {
  const out: { thumbprint: string; endpoints: string[]; problems: UsageProblem[] }[] = [];
  for (const u of usage) {
    const problems = certificateUsageProblems(u);
    if (problems.length === 0) continue;
    const endpoints = [
      ...new Set(
        bindings
          .filter((b) => b.certHash?.toUpperCase() === u.thumbprint.toUpperCase() && b.endpoint)
          .map((b) => b.endpoint!),
      ),
    ];
    out.push({ thumbprint: u.thumbprint.toUpperCase(), endpoints, problems });
  }
  return out;
}

export interface ProtocolInput {
  protocol: string;
  side: 'Server' | 'Client';
  enabled: number | null;
  disabledByDefault: number | null;
}

export type ProtocolState = 'enabled' | 'disabled' | 'off-by-default' | 'os-default';

export interface TlsProtocolVerdict {
  /** State of each protocol of the Server side named in the export. */
  server: Record<string, ProtocolState>;
  client: Record<string, ProtocolState>;
  /** `no-modern-tls`: TLS 1.2 off and TLS 1.3 not switched on; `tls13-only`: TLS 1.2 off, 1.3 on; `ok` otherwise. */
  verdict: 'no-modern-tls' | 'tls13-only' | 'ok';
  /** One sentence for the finding, or null when `ok`. */
  text: string | null;
  /** Which clients fail. */
  affected: string | null;
  /** TLS 1.2 switched off for the Client side (this host's own outbound TLS). */
  clientTls12Off: boolean;
}

/** State of one protocol side from its two DWORDs (Enabled 0 = off; DisabledByDefault ≠ 0 = only on request). */
export function protocolState(p: Pick<ProtocolInput, 'enabled' | 'disabledByDefault'> | undefined): ProtocolState {
  if (!p || (p.enabled === null && p.disabledByDefault === null)) return 'os-default';
  if (p.enabled === 0) return 'disabled';
  if (p.disabledByDefault !== null && p.disabledByDefault !== 0) return 'off-by-default';
  return p.enabled === null ? 'os-default' : 'enabled';
}

/**
 * The TLS verdict of a SCHANNEL\Protocols export. Absent keys are the build's default: TLS 1.2 is on
 * by default from Windows Server 2012 (on 2008 R2 it needs the keys), TLS 1.3 server-side from
 * Windows Server 2022. HTTP.sys asks for no protocol explicitly, so `off-by-default` counts as off.
 */
export function tlsProtocolProblems(rows: ProtocolInput[]): TlsProtocolVerdict {
  const side = (s: 'Server' | 'Client'): Record<string, ProtocolState> =>
    Object.fromEntries(rows.filter((r) => r.side === s).map((r) => [r.protocol.toUpperCase(), protocolState(r)]));
  const server = side('Server');
  const client = side('Client');
  const off = (s: ProtocolState | undefined): boolean => s === 'disabled' || s === 'off-by-default';
  const tls12 = server['TLS 1.2'];
  const tls13 = server['TLS 1.3'];
  const clientTls12Off = off(client['TLS 1.2']);
  if (!off(tls12)) return { server, client, verdict: 'ok', text: null, affected: null, clientTls12Off };
  const how = tls12 === 'disabled' ? 'Enabled = 0' : 'DisabledByDefault = 1';
  if (tls13 === 'enabled') {
    return {
      server,
      client,
      verdict: 'tls13-only',
      clientTls12Off,
      text: `SCHANNEL\\Protocols\\TLS 1.2\\Server has ${how}; only TLS 1.3 is left for HTTPS.`,
      affected:
        'clients without TLS 1.3 (Windows before 11 / Server 2022, older .NET and Java, many appliances and monitoring probes) fail the handshake',
    };
  }
  const left = Object.entries(server)
    .filter(([, s]) => s === 'enabled')
    .map(([p]) => p);
  return {
    server,
    client,
    verdict: 'no-modern-tls',
    clientTls12Off,
    text: `SCHANNEL\\Protocols\\TLS 1.2\\Server has ${how} and TLS 1.3 is not switched on${left.length ? `; only ${left.join(', ')} remain` : ''}: HTTPS offers no protocol a current browser accepts.`,
    affected:
      'every current browser and client (they require TLS 1.2 or later): the handshake fails, often logged as Schannel 36874 / 36888',
  };
}

/** A non-empty `netsh http show iplisten` list: HTTP.sys listens only on those addresses. Null for the default (empty) list. */
export function ipListenProblems(
  addresses: string[],
  bindings: LookupBinding[],
): { addresses: string[]; unreachable: string[]; text: string } | null {
  if (addresses.length === 0) return null;
  const listed = new Set(addresses.map((a) => a.toLowerCase()));
  const all4 = listed.has('0.0.0.0');
  const all6 = listed.has('::');
  const unreachable = bindings
    .filter((b) => {
      const p = parseEndpoint(b.endpoint);
      if (p?.kind !== 'ip') return false;
      return !(listed.has(p.address!) || (p.family === 'ipv4' && all4) || (p.family === 'ipv6' && all6));
    })
    .map((b) => b.endpoint!);
  return {
    addresses: [...listed],
    unreachable: [...new Set(unreachable)],
    text: `HTTP.sys listens only on ${[...listed].join(', ')} (netsh http show iplisten)${unreachable.length ? `; the SSL bindings ${[...new Set(unreachable)].join(', ')} are on other addresses and get no connection` : ''}: clients connecting to any other address of the host are refused, whatever the bindings say.`,
  };
}
