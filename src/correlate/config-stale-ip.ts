/**
 * Stale address bindings beside SNI bindings (kind `config-stale-ip-binding`): the rows of
 * queries/config/config-ssl-lookup.sql through the lookup model of diagnosis/binding-lookup.ts and
 * diagnosis/stale-ip-bindings.ts (REAL-WORLD.md §4; win-acme #1686, #94).
 */
import { findingList, findingReferences, findingTable, findingText } from '../knowledge/finding-texts.js';
import type { Evidence, Finding } from '../model/index.js';
import type { Row } from '../store/run-query.js';
import {
  certificateDefects,
  parseEndpoint,
  selectCertificate,
  type CertificateDefect,
  type LookupBinding,
  type LookupCertificate,
} from './diagnosis/binding-lookup.js';
import { staleIpBindings, type ClientOutcome, type StaleIpBinding } from './diagnosis/stale-ip-bindings.js';
import { asString, asStrings, eventEvidence, evidenceSpan, sortEvidence } from './evidence.js';
import { isoUtc } from './time.js';

const KIND = 'config-stale-ip-binding';
/** IIS's application ID, used when the binding names none. */
const IIS_APP_ID = '{4DC3E181-E14B-4A21-B022-59FC669B0914}';

interface HostBinding extends LookupBinding {
  appId: string | null;
  file: string;
  site: string | null;
  bindingInformation: string | null;
}

/**
 * One finding per stale address binding of every host row of config-ssl-lookup: its certificate
 * is worse than the SNI bindings' (expired, no key, …), or it is superseded — it shares a name
 * (subject CN or SAN DNS name) with an SNI certificate that is valid longer (a renewal that
 * updated only the SNI bindings). An address binding with another site's certificate is the
 * server's default for clients without SNI, not stale: no finding.
 */
export function staleIpFindings(rows: Row[]): Finding[] {
  return rows.flatMap((row) => {
    const bindings = (Array.isArray(row.bindings) ? row.bindings : []).map(bindingOf);
    const certRows = (Array.isArray(row.certificates) ? row.certificates : []) as Row[];
    const certs = certRows.map(certificateOf);
    const names = new Map(certRows.map((c) => [asString(c.thumbprint)?.toUpperCase() ?? '', certificateNames(c)]));
    const at = isoUtc(row.reference_ts);
    return staleIpBindings(bindings, certs, at)
      .filter((s) => s.worse || superseded(s, certs, names))
      .map((s) => finding(row, s, bindings, certs, at));
  });
}

/** Subject CN and SAN DNS names, lower case. */
function certificateNames(c: Row): string[] {
  const cn = /(?:^|,\s*)CN=([^,]+)/i
    .exec(asString(c.subject) ?? '')?.[1]
    ?.trim()
    .toLowerCase();
  return [...new Set([...(cn ? [cn] : []), ...asStrings(c.dns_names).map((n) => n.toLowerCase())])];
}

/** An SNI binding of the port holds a certificate for one of the same names that is valid longer. */
function superseded(s: StaleIpBinding, certs: LookupCertificate[], names: Map<string, string[]>): boolean {
  const cert = (h: string | null) => certs.find((c) => h !== null && c.thumbprint.toUpperCase() === h.toUpperCase());
  const mine = cert(s.certHash);
  if (!s.differs || !mine?.notAfter) return false;
  const myNames = names.get(mine.thumbprint.toUpperCase()) ?? [];
  return s.sniBindings.some((b) => {
    const other = cert(b.certHash);
    if (!other?.notAfter || Date.parse(other.notAfter) <= Date.parse(mine.notAfter!)) return false;
    return (names.get(other.thumbprint.toUpperCase()) ?? []).some((n) => myNames.includes(n));
  });
}

function bindingOf(r: Row): HostBinding {
  return {
    endpoint: asString(r.endpoint),
    certHash: asString(r.cert_hash),
    source: asString(r.source),
    appId: asString(r.app_id),
    file: asString(r.file) ?? '',
    site: asString(r.site),
    bindingInformation: asString(r.binding_information),
  };
}

function certificateOf(r: Row): LookupCertificate {
  return {
    thumbprint: asString(r.thumbprint) ?? '',
    subject: asString(r.subject),
    notBefore: isoUtc(r.not_before),
    notAfter: isoUtc(r.not_after),
    hasPrivateKey: r.has_private_key === null || r.has_private_key === undefined ? null : r.has_private_key === true,
    ekus: Array.isArray(r.eku) ? asStrings(r.eku) : null,
    chainProblems: asStrings(r.chain_problems),
  };
}

const defectLabels = (defects: readonly CertificateDefect[]): string[] =>
  defects.map((d) => findingTable(KIND, 'defects', d, 'label', {}) ?? d);

function finding(
  row: Row,
  s: StaleIpBinding,
  bindings: HostBinding[],
  certs: LookupCertificate[],
  at: string | null,
): Finding {
  const host = asString(row.host);
  const stale = bindings.find((b) => b.endpoint === s.endpoint)!;
  const good = s.sniBindings.find((b) => b.defects.length === 0) ?? s.sniBindings[0]!;
  const sniEndpoints = s.sniBindings.map((b) => b.endpoint);
  const thumbprint = s.certHash ?? '(none)';
  const defects = defectLabels(s.defects);
  const parsed = parseEndpoint(s.endpoint)!;
  const evidence = sortEvidence([
    ...bindings
      .filter((b) => b.endpoint === s.endpoint || sniEndpoints.includes(b.endpoint ?? ''))
      .map((b) =>
        configEvidence(b.file, host, `${b.source} binding ${b.endpoint}: certificate ${b.certHash ?? '(none)'}`),
      ),
    ...failureEvidence(row, host),
  ]);
  const span = evidenceSpan(evidence);
  return {
    id: `${KIND}:${host ?? '-'}:${s.endpoint}`,
    kind: KIND,
    level: s.worse ? 'high' : 'medium',
    host,
    confidence: certs.length > 0 ? 'high' : 'medium',
    title: findingText(KIND, 'title', { endpoint: s.endpoint, thumbprint, defects, sniEndpoints }),
    start: span.start,
    end: span.end,
    endpoints: [s.endpoint],
    errorCode: null,
    trigger: null,
    symptoms: [...s.outcomes.map(outcomeText), ...failureSymptom(row)],
    cause: findingText(KIND, 'cause', {
      endpoint: s.endpoint,
      thumbprint,
      defects,
      sniEndpoints,
      sniThumbprints: [...new Set(s.sniBindings.map((b) => b.certHash ?? '(none)'))],
      port: String(s.port),
    }),
    remedies: findingList(KIND, 'remedies', {
      endpoint: s.endpoint,
      site: stale.site,
      bindingInformation: stale.bindingInformation,
      sniThumbprint: good.certHash,
      appId: stale.appId ?? bindings.find((b) => b.endpoint === good.endpoint)?.appId ?? IIS_APP_ID,
      afterDelete: afterDelete(bindings, stale, parsed.address, parsed.family, s.port, certs, at),
      sniHost: parseEndpoint(good.endpoint)?.host ?? null,
      address: parsed.kind === 'ip' ? (parsed.family === 'ipv6' ? `[${parsed.address}]` : parsed.address) : null,
      port: String(s.port),
    }),
    references: findingReferences(KIND),
    evidence,
    occurrences: 1,
  };
}

function outcomeText(o: ClientOutcome): string {
  if (o.servedBy === null) return findingText(KIND, 'outcomeNone', { clients: o.clients });
  return findingText(KIND, 'outcome', {
    clients: o.clients,
    servedBy: o.servedBy,
    thumbprint: o.certHash ?? '(none)',
    defects: defectLabels(o.defects),
  });
}

/** What clients without SNI get once the stale binding is deleted. */
function afterDelete(
  bindings: HostBinding[],
  stale: HostBinding,
  address: string | null,
  family: 'ipv4' | 'ipv6' | null,
  port: number,
  certs: LookupCertificate[],
  at: string | null,
): string {
  const rest = bindings.filter((b) => b !== stale);
  const addr = address ?? (family === 'ipv6' ? '2001:db8::1' : '192.0.2.10');
  const r = selectCertificate(rest, { sni: null, address: addr, port });
  if (r.binding === null) return findingText(KIND, 'afterDeleteNone', {});
  const found = certificateDefects(r.certHash, certs, at);
  return findingText(KIND, 'afterDeleteBinding', {
    servedBy: r.binding.endpoint ?? '?',
    thumbprint: r.certHash ?? '(none)',
    defects: defectLabels(found),
  });
}

function failureSymptom(row: Row): string[] {
  const n = Number(row.cert_failures ?? 0);
  if (n === 0) return [];
  const first = row.first_failure as Row | null;
  const last = row.last_failure as Row | null;
  return [
    `${n} TLS handshake(s) of the host failed on the certificate (Schannel 36887 with a certificate alert from the client, or HttpEvent 15021), ${isoUtc(first?.ts) ?? '?'} to ${isoUtc(last?.ts) ?? '?'}`,
  ];
}

function failureEvidence(row: Row, host: string | null): Evidence[] {
  return [row.first_failure, row.last_failure]
    .filter((f): f is Row => typeof f === 'object' && f !== null)
    .map((f) =>
      eventEvidence(
        { ts: f.ts, file: f.file, record_id: f.record_id, event_id: f.event_id },
        host,
        'symptom',
        Number(f.event_id) === 36887
          ? `36887 fatal alert ${asString(f.alert) ?? '?'} received from the client`
          : `${asString(f.event_id)} SSL configuration error`,
      ),
    );
}

function configEvidence(file: string, host: string | null, summary: string): Evidence {
  return { file, recordId: null, time: null, host, role: 'configuration', summary };
}
