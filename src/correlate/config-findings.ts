/**
 * Findings from the configuration artefacts (applicationHost.config, netsh, SslBindingInfo .reg,
 * certutil) cross-checked with each other and with the events. Detection SQL: queries/config/;
 * this module turns its rows into findings (DOMAIN.md §3–4, KB 2025598, seeds 000–003).
 */
import type { Connection } from '../store/db.js';
import { findingList, findingReferences, findingTable, findingText } from '../knowledge/finding-texts.js';
import type { Row } from '../store/run-query.js';
import type { Evidence, Finding } from '../model/index.js';
import { runBundled } from './bundled-queries.js';
import { certificateFinding } from './config-certificates.js';
import { ipListenFindings, tlsProtocolFindings } from './config-listen-tls.js';
import { staleIpFindings } from './config-stale-ip.js';
import { asString, asStrings, eventEvidence, evidenceSpan, sortEvidence } from './evidence.js';

const INVALID = new Set(['undecodable', 'bad-length', 'not-in-store', 'no-private-key']);

/** Every configuration finding, for all hosts. */
export async function configFindings(conn: Connection): Promise<Finding[]> {
  const hashes = await runBundled(conn, 'config-abo-hash');
  const legacy = await runBundled(conn, 'config-legacy-metadata');
  const bindings = await runBundled(conn, 'config-binding-problems');
  const certs = await runBundled(conn, 'config-certificate-problems');
  const lookup = await runBundled(conn, 'config-ssl-lookup');
  const listen = await runBundled(conn, 'config-iplisten');
  const protocols = await runBundled(conn, 'config-tls-protocols');
  const invalid = hashes.filter((h) => INVALID.has(String(h.status)) || Number(h.chains_not_recreated) > 0);
  const reported = new Set(invalid.map((h) => `${asString(h.file)}|${asString(h.key_path)}`));
  return [
    ...invalid.map((h) => aboHashFinding(h, legacy)),
    ...legacy
      .filter((l) => !reported.has(`${asString(l.file)}|${asString(l.key_path)}`))
      .map((l) => legacyFinding(l, hashes)),
    ...groupBy(bindings, (b) => `${asString(b.host) ?? ''}|${asString(b.endpoint) ?? ''}`).map(bindingFinding),
    ...groupBy(certs, (c) => `${asString(c.host) ?? ''}|${asString(c.thumbprint)}`).map(certificateFinding),
    ...staleIpFindings(lookup),
    ...ipListenFindings(listen),
    ...tlsProtocolFindings(protocols),
  ];
}

function aboHashFinding(h: Row, legacy: Row[]): Finding {
  const host = asString(h.host);
  const keyPath = asString(h.key_path) ?? '?';
  const status = String(h.status);
  const chains = (Array.isArray(h.chain_events) ? h.chain_events : []) as Row[];
  const endpoints = uniq([
    ...asStrings(h.endpoints),
    ...chains.map((c) => asString(c.endpoint)).filter((e): e is string => e !== null),
  ]);
  const others = legacyIds(legacy, h).filter((id) => id !== 5506);
  const evidence = sortEvidence([
    configEvidence(
      h,
      host,
      `<key path="${keyPath}"> property 5506 = ${asString(h.value) ?? '(empty)'} → ${asString(h.decoded) ?? 'undecodable'} (${status})`,
    ),
    ...chainEvidence(chains),
  ]);
  const span = evidenceSpan(evidence);
  const notRecreated = Number(h.chains_not_recreated ?? 0);
  return {
    id: `config-abo-hash-invalid:${host ?? '-'}:${keyPath}`,
    kind: 'config-abo-hash-invalid',
    level: notRecreated > 0 ? 'critical' : 'high',
    host,
    confidence: chains.length > 0 ? 'high' : 'medium',
    title: findingText('config-abo-hash-invalid', 'title', { keyPath }),
    start: span.start,
    end: span.end,
    endpoints,
    errorCode: '0x80092004',
    trigger: chains.length > 0 ? uniq(chains.map(triggerText)).join('; ') : null,
    symptoms: [
      hashProblem(h),
      chains.length > 0
        ? `the events show it happening: ${chains.length} SSL binding deletion(s) after an ABO-mapper trigger, ${notRecreated} not re-created (15300/119 without 15301)`
        : 'no event shows it yet: the deletion happens at the next start of an ABO-mapper program',
    ],
    cause: findingText('config-abo-hash-invalid', 'cause', { keyPath, endpoints }),
    remedies: aboRemedies(
      'config-abo-hash-invalid',
      keyPath,
      asString(h.value),
      others,
      endpoints,
      status === 'no-private-key' ? asString(h.decoded) : null,
    ),
    references: findingReferences('config-abo-hash-invalid'),
    evidence,
    occurrences: Math.max(1, chains.length),
  };
}

function legacyFinding(l: Row, hashes: Row[]): Finding {
  const host = asString(l.host);
  const keyPath = asString(l.key_path) ?? '?';
  const props = (Array.isArray(l.properties) ? l.properties : []) as Row[];
  const ids = props.map((p) => Number(p.id));
  const bound = asStrings(l.binding_hashes);
  const hash = props.find((p) => Number(p.id) === 5506);
  const decoded = hash ? asString(hash.decoded) : null;
  const differs = decoded !== null && bound.length > 0 && !bound.includes(decoded);
  const row = hashes.find((h) => asString(h.file) === asString(l.file) && asString(h.key_path) === keyPath);
  const chains = (Array.isArray(row?.chain_events) ? row!.chain_events : []) as Row[];
  const sccm = ids.includes(5511) || ids.includes(2161);
  const evidence = sortEvidence([
    ...props.map((p) =>
      configEvidence(
        l,
        host,
        `<key path="${keyPath}"> property ${asString(p.id)} (${asString(p.data_type) ?? '?'}) = ${asString(p.value) ?? ''}${p.decoded !== null && Number(p.id) === 5506 ? ` → ${asString(p.decoded)}` : ''}`,
      ),
    ),
    ...chainEvidence(chains),
  ]);
  const span = evidenceSpan(evidence);
  const endpoints = asStrings(l.endpoints);
  return {
    id: `config-legacy-metadata:${host ?? '-'}:${keyPath}`,
    kind: 'config-legacy-metadata',
    level: differs || sccm || chains.length > 0 ? 'medium' : 'low',
    host,
    confidence: 'high',
    title: findingText('config-legacy-metadata', 'title', { keyPath, propertyIds: ids.map(String) }),
    start: span.start,
    end: span.end,
    endpoints,
    trigger: chains.length > 0 ? uniq(chains.map(triggerText)).join('; ') : null,
    symptoms: [
      `<key path="${keyPath}"> holds legacy properties ${ids.join(', ')}${sccm ? ' (5511 store name / 2161: the SCCM distribution point case)' : ''}`,
      ...(differs
        ? [
            `5506 names certificate ${decoded}, not the one HTTP.sys uses now (${bound.join(', ')}): the next ABO-mapper start re-binds ${endpoints.join(', ') || 'the site'} to it`,
          ]
        : []),
      ...(chains.length > 0
        ? [`${chains.length} SSL binding deletion(s) after ABO-mapper triggers in the events`]
        : []),
    ],
    cause: findingText('config-legacy-metadata', 'cause', {}),
    remedies: aboRemedies(
      'config-legacy-metadata',
      keyPath,
      hash ? asString(hash.value) : null,
      ids.filter((id) => id !== 5506),
      endpoints,
      null,
    ),
    references: findingReferences('config-legacy-metadata'),
    evidence,
    occurrences: 1,
  };
}

function aboRemedies(
  kind: 'config-abo-hash-invalid' | 'config-legacy-metadata',
  keyPath: string,
  value: string | null,
  others: number[],
  endpoints: string[],
  noKeyThumbprint: string | null,
): string[] {
  return findingList(kind, 'remedies', {
    value,
    keyPath,
    otherProperties: others.map(String),
    noKeyThumbprint: noKeyThumbprint || null,
    endpoints,
  });
}

function hashProblem(h: Row): string {
  const t = asString(h.decoded);
  switch (h.status) {
    case 'undecodable':
      return `5506 value "${asString(h.value) ?? ''}" is not base64: it names no certificate`;
    case 'bad-length':
      return `5506 decodes to ${(t?.length ?? 0) / 2} bytes (${t}), not the 20 of a SHA-1 thumbprint`;
    case 'not-in-store':
      return `5506 names certificate ${t}, which is not in the Local Machine MY store (${asString(h.store_file) ?? 'certutil listing'})`;
    case 'no-private-key':
      return `5506 names certificate ${t}${h.cert_subject ? ` (${asString(h.cert_subject)})` : ''}, whose private key is missing`;
    default:
      return `5506 names certificate ${t ?? '?'}; no certificate store listing for the host, but the events show the re-create failing`;
  }
}

function bindingFinding(rows: Row[]): Finding {
  const first = rows[0]!;
  const host = asString(first.host);
  const endpoint = asString(first.endpoint) ?? '(endpoint unknown)';
  const problems = uniq(
    rows.flatMap((r) => [...asStrings(r.problems), ...(r.not_in_store === true ? ['not-in-store'] : [])]),
  );
  const hashes = uniq(rows.map((r) => asString(r.cert_hash)).filter((x): x is string => x !== null));
  const severe = problems.some((p) => p !== 'null-appid' && p !== 'missing-appid' && p !== 'bad-endpoint');
  return {
    id: `config-binding-problem:${host ?? '-'}:${endpoint}`,
    kind: 'config-binding-problem',
    level: severe ? 'high' : 'medium',
    host,
    confidence: 'high',
    title: findingText('config-binding-problem', 'title', { endpoint, problems: problems.map(problemText) }),
    start: null,
    end: null,
    endpoints: first.endpoint === null ? [] : [endpoint],
    trigger: null,
    symptoms: rows.map(
      (r) =>
        `${asString(r.source)}: hash ${asString(r.cert_hash) ?? '(empty)'}, store ${asString(r.cert_store) ?? '(default)'}, AppId ${asString(r.app_id) ?? '(none)'}${asStrings(r.problems).length || r.not_in_store ? ` — ${[...asStrings(r.problems), ...(r.not_in_store ? ['not-in-store'] : [])].map(problemText).join(', ')}` : ''}`,
    ),
    cause: problems.includes('not-in-store')
      ? findingText('config-binding-problem', 'causeNotInStore', { endpoint, hashes })
      : findingText('config-binding-problem', 'cause', { endpoint, problems: problems.map(problemText) }),
    remedies: findingList('config-binding-problem', 'remedies', { netshKey: netshKey(endpoint) }),
    references: findingReferences('config-binding-problem'),
    evidence: rows.map((r) =>
      configEvidence(
        r,
        host,
        `${asString(r.source)} binding ${endpoint}: hash ${asString(r.cert_hash) ?? '(empty)'}, AppId ${asString(r.app_id) ?? '(none)'}`,
      ),
    ),
    occurrences: 1,
  };
}

function configEvidence(r: Row, host: string | null, summary: string): Evidence {
  return { file: asString(r.file) ?? '', recordId: null, time: null, host, role: 'configuration', summary };
}

function chainEvidence(chains: Row[]): Evidence[] {
  return chains.flatMap((c) => {
    const host = asString(c.host);
    return [
      eventEvidence(
        { ts: c.trigger_ts, file: c.trigger_file, record_id: c.trigger_record_id, event_id: c.trigger_event_id },
        host,
        'trigger',
        triggerText(c),
      ),
      eventEvidence(
        { ts: c.ts, file: c.file, record_id: c.record_id, event_id: c.event_id },
        host,
        'symptom',
        `${asString(c.event_id)} SSL binding deleted ${asString(c.endpoint) ?? ''}${c.recreated ? ' (re-created)' : ' (not re-created)'}`.trim(),
      ),
    ];
  });
}

function triggerText(c: Row): string {
  const name = asString(c.trigger_name) ?? '?';
  return c.trigger_type === 'service'
    ? `${name} service entered running (7036)`
    : c.trigger_type === 'process'
      ? `${name} started (4688)`
      : `boot (${asString(c.trigger_event_id)})`;
}

function legacyIds(legacy: Row[], h: Row): number[] {
  const l = legacy.find((x) => asString(x.file) === asString(h.file) && asString(x.key_path) === asString(h.key_path));
  return l ? asStrings(l.property_ids).map(Number) : [];
}

const problemText = (p: string): string => findingTable('config-binding-problem', 'problems', p, 'label', {}) ?? p;

/** `ipport=0.0.0.0:443`, `hostnameport=www.contoso.com:443` or `ccs=443`. */
function netshKey(endpoint: string): string {
  if (endpoint.startsWith('ccs:')) return `ccs=${endpoint.slice(4)}`;
  return /^(\[[^\]]*\]|[0-9.]+):\d+$/.test(endpoint) ? `ipport=${endpoint}` : `hostnameport=${endpoint}`;
}

function groupBy(rows: Row[], key: (r: Row) => string): Row[][] {
  const m = new Map<string, Row[]>();
  for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
  return [...m.values()];
}

const uniq = <T>(xs: T[]): T[] => [...new Set(xs)];
