/**
 * Stale IP bindings (REAL-WORLD.md §4; win-acme #1686, #94): an IP:port or wildcard binding on a
 * port that also has SNI bindings, serving a certificate other than (or worse than) theirs to every
 * client that sends no SNI or a name without an SNI binding — old clients, probes, health checks,
 * connections by address. The classic "wrong certificate after renewal".
 */
import {
  certificateDefects,
  parseEndpoint,
  selectCertificate,
  type CertificateDefect,
  type LookupBinding,
  type LookupCertificate,
} from './binding-lookup.js';

export interface ClientOutcome {
  /** Who: `clients sending SNI www.contoso.com`, `clients without SNI connecting to 10.0.0.5`. */
  clients: string;
  sni: string | null;
  /** Address they connect to (`*` for any address of the family). */
  address: string;
  /** Endpoint of the binding HTTP.sys picks for them. */
  servedBy: string | null;
  certHash: string | null;
  defects: CertificateDefect[];
}

export interface StaleIpBinding {
  endpoint: string;
  port: number;
  certHash: string | null;
  defects: CertificateDefect[];
  /** The SNI bindings of the same port. */
  sniBindings: { endpoint: string; certHash: string | null; defects: CertificateDefect[] }[];
  /** The IP binding's certificate is not one of the SNI bindings' certificates. */
  differs: boolean;
  /** It has a defect none of the SNI certificates has (expired, no key, wrong EKU, not yet valid, untrusted root). */
  worse: boolean;
  outcomes: ClientOutcome[];
}

const SNI_EXAMPLES = 3;

/** Every IP:port / wildcard binding that differs from or is worse than the SNI bindings of its port. */
export function staleIpBindings(
  bindings: LookupBinding[],
  certificates: LookupCertificate[],
  at?: string | null,
): StaleIpBinding[] {
  const parsed = bindings.map((b) => ({ b, p: parseEndpoint(b.endpoint) }));
  const out: StaleIpBinding[] = [];
  for (const { b, p } of parsed) {
    if (!p || (p.kind !== 'ip' && p.kind !== 'wildcard')) continue;
    const sni = parsed.filter((x) => x.p?.kind === 'sni' && x.p.port === p.port).map((x) => x.b);
    if (sni.length === 0) continue;
    const defects = certificateDefects(b.certHash, certificates, at);
    const sniInfo = sni.map((s) => ({
      endpoint: s.endpoint!,
      certHash: s.certHash,
      defects: certificateDefects(s.certHash, certificates, at),
    }));
    const sniHashes = new Set(sni.map((s) => s.certHash?.toUpperCase() ?? null));
    const differs = !sniHashes.has(b.certHash?.toUpperCase() ?? null);
    const sniDefects = new Set(sniInfo.flatMap((s) => s.defects));
    const worse = defects.some((d) => !sniDefects.has(d));
    if (!differs && !worse) continue;
    out.push({
      endpoint: b.endpoint!,
      port: p.port,
      certHash: b.certHash,
      defects,
      sniBindings: sniInfo,
      differs,
      worse,
      outcomes: outcomes(
        bindings,
        b,
        p.kind === 'ip' ? p.address! : null,
        p.family ?? 'ipv4',
        p.port,
        sniInfo,
        certificates,
        at,
      ),
    });
  }
  return out;
}

function outcomes(
  bindings: LookupBinding[],
  stale: LookupBinding,
  address: string | null,
  fam: 'ipv4' | 'ipv6',
  port: number,
  sni: StaleIpBinding['sniBindings'],
  certs: LookupCertificate[],
  at?: string | null,
): ClientOutcome[] {
  const addr = address ?? (fam === 'ipv6' ? '2001:db8::1' : '192.0.2.10');
  const shown = address ?? '*';
  const run = (clients: string, name: string | null): ClientOutcome => {
    const r = selectCertificate(bindings, { sni: name, address: addr, port });
    return {
      clients,
      sni: name,
      address: shown,
      servedBy: r.binding?.endpoint ?? null,
      certHash: r.certHash,
      defects: r.binding ? certificateDefects(r.certHash, certs, at) : [],
    };
  };
  const out: ClientOutcome[] = sni
    .slice(0, SNI_EXAMPLES)
    .map((s) => run(`clients sending SNI ${parseEndpoint(s.endpoint)!.host}`, parseEndpoint(s.endpoint)!.host));
  out.push(
    run(
      `clients without SNI connecting to ${address ?? `any ${fam} address`} (old clients, load-balancer probes, health checks, scripts)`,
      null,
    ),
  );
  out.push(
    run(
      `clients sending a name with no SNI binding (an alias, or https://${address ?? 'the-address'}/ by address)`,
      'unbound-name.invalid',
    ),
  );
  // a stale wildcard binding is shadowed for addresses that have their own IP binding
  if (!address) {
    for (const b of bindings) {
      const p = parseEndpoint(b.endpoint);
      if (p?.kind === 'ip' && p.port === port && p.family === fam && b !== stale) {
        const r = selectCertificate(bindings, { sni: null, address: p.address!, port });
        out.push({
          clients: `clients without SNI connecting to ${p.address}`,
          sni: null,
          address: p.address!,
          servedBy: r.binding?.endpoint ?? null,
          certHash: r.certHash,
          defects: certificateDefects(r.certHash, certs, at),
        });
      }
    }
  }
  return out;
}
