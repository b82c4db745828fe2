/**
 * Which certificate an SSL binding should be re-created with, chosen from the host's store
 * listing (certutil -v -store my) and explained: usable = valid at the incident time, private key
 * present, KeySpec not 2 (AT_SIGNATURE, Schannel needs AT_KEYEXCHANGE: 0x8009030D), Server
 * Authentication in the EKU when the EKU is known, subject or SAN matching the site's host name
 * when it is known, not the hash the incident is about. Among the usable ones: the one bound to
 * the endpoint before, then one not bound to another endpoint, then not self-signed, then the
 * newest notAfter.
 */
import { isoToMs } from './zone-time.js';

/** A certificate of the store listing (the `certificates` table, camelCase; EKU/SAN when parsed). */
export interface CertificateFacts {
  host: string | null;
  store: string | null;
  /** Uppercase hex SHA-1 thumbprint. */
  thumbprint: string;
  subject: string | null;
  issuer?: string | null;
  /** ISO-8601 UTC. */
  notBefore: string | null;
  notAfter: string | null;
  hasPrivateKey: boolean | null;
  /** 1 AT_KEYEXCHANGE, 2 AT_SIGNATURE, null/0 unknown or CNG. */
  keySpec: number | null;
  /** Enhanced key usages (OIDs or names); [] = no EKU extension (any purpose); null = not known. */
  eku?: readonly string[] | null;
  /** DNS names of the Subject Alternative Name; null = not known. */
  sans?: readonly string[] | null;
  file?: string | null;
}

/** An SSL binding (the `ssl_bindings` table, camelCase). */
export interface BindingFacts {
  host: string | null;
  source: string;
  endpoint: string | null;
  site?: string | null;
  bindingInformation?: string | null;
  sslFlags?: number | null;
  certHash: string | null;
  certStore: string | null;
  appId: string | null;
  file?: string | null;
}

export interface ChoiceContext {
  host: string | null;
  endpoint: string;
  /** Incident time (ms) the validity is checked against; null skips the check. */
  atMs: number | null;
  /** Host names the site answers to (binding host headers, the SNI name); [] when unknown. */
  siteNames: readonly string[];
  /** Thumbprints the incident is about (the bad 5506 hash, the failing certificate). */
  exclude: readonly string[];
  /** Thumbprints bound when the failures happened (a re-bind to the wrong certificate): ranked last. */
  suspect?: readonly string[];
  bindings: readonly BindingFacts[];
}

export interface CandidateVerdict {
  thumbprint: string;
  subject: string | null;
  /** Why it was not chosen (hard reasons, or the criteria it lost on). */
  reasons: string[];
  /** True when it is unusable, false when it was usable but ranked below the chosen one. */
  unusable: boolean;
}

export interface CertificateChoice {
  chosen: {
    thumbprint: string;
    subject: string | null;
    notAfter: string | null;
    why: string[];
    file: string | null;
  } | null;
  rejected: CandidateVerdict[];
  /** Certificates of the host looked at. */
  considered: number;
}

const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';

/**
 * Whether two host names name the same machine: null (an artefact naming no host) matches any;
 * two FQDNs must be equal; a short name (`WEB01`, as config rows may give) matches its FQDN.
 * Case is ignored.
 */
export function sameHost(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return true;
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x.includes('.') && y.includes('.')) return x === y;
  return x.split('.')[0] === y.split('.')[0];
}

/** CN of a subject (`CN=www.contoso.com, OU=IT…` or certutil's one-per-line form). */
export function commonName(subject: string | null): string | null {
  if (!subject) return null;
  const m = /(?:^|[,\n\r]\s*)CN=([^,\n\r]+)/i.exec(subject);
  return m ? m[1]!.trim() : null;
}

/** DNS name matching with one-label wildcards (`*.contoso.com` matches `www.contoso.com`). */
export function nameMatches(pattern: string, name: string): boolean {
  const p = pattern.trim().toLowerCase();
  const n = name.trim().toLowerCase();
  if (p.startsWith('*.')) {
    const rest = p.slice(1);
    return n.endsWith(rest) && !n.slice(0, n.length - rest.length).includes('.') && n.length > rest.length;
  }
  return p === n;
}

function names(c: CertificateFacts): string[] {
  const cn = commonName(c.subject);
  return [...(c.sans ?? []), ...(cn ? [cn] : [])];
}

const day = (iso: string | null): string => (iso ? iso.slice(0, 10) : '?');
/** `THUMBPRINT (CN=name)`. */
export const certificateLabel = (c: Pick<CertificateFacts, 'thumbprint' | 'subject'>): string =>
  `${c.thumbprint}${commonName(c.subject) ? ` (CN=${commonName(c.subject)})` : ''}`;

function hardReasons(c: CertificateFacts, ctx: ChoiceContext): string[] {
  const out: string[] = [];
  if (ctx.exclude.some((t) => t.toUpperCase() === c.thumbprint.toUpperCase()))
    out.push('it is the certificate the incident is about');
  const nb = isoToMs(c.notBefore);
  const na = isoToMs(c.notAfter);
  if (ctx.atMs !== null && na !== null && na < ctx.atMs) out.push(`expired on ${day(c.notAfter)}, before the incident`);
  if (ctx.atMs !== null && nb !== null && nb > ctx.atMs)
    out.push(`not valid before ${day(c.notBefore)}, after the incident`);
  if (c.hasPrivateKey === false) out.push('no private key in the store');
  if (c.keySpec === 2)
    out.push(
      'KeySpec 2 (AT_SIGNATURE): Schannel needs KeySpec 1 (AT_KEYEXCHANGE), handshakes would fail with 0x8009030D',
    );
  if (c.eku && c.eku.length > 0 && !c.eku.some((u) => u === SERVER_AUTH || /server auth/i.test(u))) {
    out.push(`no Server Authentication in its EKU (${c.eku.join(', ')})`);
  }
  if (ctx.siteNames.length > 0) {
    const own = names(c);
    if (!ctx.siteNames.some((n) => own.some((p) => nameMatches(p, n)))) {
      out.push(
        `subject/SAN ${own.length > 0 ? own.join(', ') : '(none)'} does not match the site's host name ${ctx.siteNames.join(', ')}`,
      );
    }
  }
  return out;
}

interface Ranked {
  c: CertificateFacts;
  suspect: boolean;
  before: boolean;
  elsewhere: string[];
  selfSigned: boolean;
  keyUnknown: boolean;
  notAfter: number;
}

function rank(c: CertificateFacts, ctx: ChoiceContext): Ranked {
  const t = c.thumbprint.toUpperCase();
  const mine = ctx.bindings.filter((b) => sameHost(b.host, ctx.host) && b.certHash?.toUpperCase() === t);
  const suspect = (ctx.suspect ?? []).some((x) => x.toUpperCase() === t);
  return {
    c,
    suspect,
    before: !suspect && mine.some((b) => b.endpoint === ctx.endpoint),
    elsewhere: [
      ...new Set(mine.filter((b) => b.endpoint !== null && b.endpoint !== ctx.endpoint).map((b) => b.endpoint!)),
    ],
    selfSigned: Boolean(c.subject && c.issuer && c.subject.trim() === c.issuer.trim()),
    keyUnknown: c.hasPrivateKey === null,
    notAfter: isoToMs(c.notAfter) ?? -Infinity,
  };
}

/** Criteria `r` lost on against the chosen `w`, as reasons; [] when it did not lose on any. */
function lostOn(r: Ranked, w: Ranked): string[] {
  const out: string[] = [];
  if (r.suspect && !w.suspect)
    out.push(`bound to this endpoint while the failures happened (the certificate clients rejected)`);
  if (w.before && !r.before) out.push(`not the certificate bound to this endpoint before (${w.c.thumbprint} was)`);
  if (r.elsewhere.length > 0 && w.elsewhere.length === 0)
    out.push(`already bound to another endpoint (${r.elsewhere.join(', ')})`);
  if (r.selfSigned && !w.selfSigned) out.push('self-signed (issuer = subject)');
  if (r.keyUnknown && !w.keyUnknown) out.push('private key not known to be present');
  if (r.notAfter < w.notAfter)
    out.push(`expires earlier (${day(r.c.notAfter)}) than ${w.c.thumbprint} (${day(w.c.notAfter)})`);
  return out;
}

function compare(a: Ranked, b: Ranked): number {
  return (
    Number(a.suspect) - Number(b.suspect) ||
    Number(b.before) - Number(a.before) ||
    Number(a.elsewhere.length > 0) - Number(b.elsewhere.length > 0) ||
    Number(a.selfSigned) - Number(b.selfSigned) ||
    Number(a.keyUnknown) - Number(b.keyUnknown) ||
    b.notAfter - a.notAfter ||
    a.c.thumbprint.localeCompare(b.c.thumbprint)
  );
}

/** Choose among `certificates` (any host: filtered to `ctx.host`, store MY or unnamed). */
export function chooseCertificate(certificates: readonly CertificateFacts[], ctx: ChoiceContext): CertificateChoice {
  const own = certificates.filter(
    (c) => sameHost(c.host, ctx.host) && (c.store === null || /^(my|personal)$/i.test(c.store.trim())),
  );
  const rejected: CandidateVerdict[] = [];
  const usable: Ranked[] = [];
  for (const c of own) {
    const hard = hardReasons(c, ctx);
    if (hard.length > 0) rejected.push({ thumbprint: c.thumbprint, subject: c.subject, reasons: hard, unusable: true });
    else usable.push(rank(c, ctx));
  }
  usable.sort(compare);
  const winner = usable[0];
  if (!winner) return { chosen: null, rejected, considered: own.length };
  for (const r of usable.slice(1)) {
    const lost = lostOn(r, winner);
    rejected.push({
      thumbprint: r.c.thumbprint,
      subject: r.c.subject,
      reasons: lost.length > 0 ? lost : ['ranked equal; the first in thumbprint order was taken'],
      unusable: false,
    });
  }
  const c = winner.c;
  const why = [
    ctx.atMs === null
      ? `valid ${day(c.notBefore)} to ${day(c.notAfter)} (incident time unknown)`
      : `valid at the incident time (${day(c.notBefore)} to ${day(c.notAfter)})`,
    c.hasPrivateKey === true ? 'private key present' : 'private key not listed as missing (certutil did not say)',
    c.keySpec === 1
      ? 'KeySpec 1 (AT_KEYEXCHANGE)'
      : c.keySpec === null || c.keySpec === 0
        ? 'KeySpec not given (CNG key or not listed)'
        : `KeySpec ${c.keySpec}`,
    c.eku === undefined || c.eku === null
      ? 'EKU not known'
      : c.eku.length === 0
        ? 'no EKU restriction'
        : 'Server Authentication in its EKU',
    ctx.siteNames.length > 0
      ? `subject/SAN matches ${ctx.siteNames.join(', ')}`
      : 'site host name unknown (the binding has no host header): names not compared',
  ];
  if (winner.before) why.push(`bound to ${ctx.endpoint} before`);
  if (usable.length > 1)
    why.push(
      `first of ${usable.length} usable certificate(s) by the ranking: bound here before, not bound elsewhere, not self-signed, newest notAfter`,
    );
  return {
    chosen: { thumbprint: c.thumbprint, subject: c.subject, notAfter: c.notAfter, why, file: c.file ?? null },
    rejected,
    considered: own.length,
  };
}
