/**
 * HTTP.sys IP listen list (kind `config-iplisten-restricted`) and SCHANNEL\Protocols (kind
 * `config-tls-protocols-disabled`) findings: rows of queries/config/config-iplisten.sql and
 * config-tls-protocols.sql through the pure checks of diagnosis/config-checks.ts.
 */
import { findingList, findingReferences, findingText } from '../knowledge/finding-texts.js';
import type { Evidence, Finding } from '../model/index.js';
import type { Row } from '../store/run-query.js';
import { parseEndpoint } from './diagnosis/binding-lookup.js';
import { ipListenProblems, tlsProtocolProblems, type ProtocolInput } from './diagnosis/config-checks.js';
import { asString, asStrings } from './evidence.js';

const LISTEN = 'config-iplisten-restricted';
const TLS = 'config-tls-protocols-disabled';

/** One finding per non-empty IP listen list. */
export function ipListenFindings(rows: Row[]): Finding[] {
  return rows.flatMap((row) => {
    const host = asString(row.host);
    const endpoints = asStrings(row.endpoints);
    const p = ipListenProblems(
      asStrings(row.addresses),
      endpoints.map((endpoint) => ({ endpoint, certHash: null })),
    );
    if (p === null) return [];
    const missing = [...new Set(p.unreachable.map((e) => parseEndpoint(e)?.address).filter((a) => a != null))];
    const finding: Finding = {
      id: `${LISTEN}:${host ?? '-'}:${asString(row.file) ?? ''}`,
      kind: LISTEN,
      level: p.unreachable.length > 0 ? 'high' : endpoints.length === 0 ? 'medium' : 'low',
      host,
      confidence: 'high',
      title: findingText(LISTEN, 'title', { addresses: p.addresses }),
      start: null,
      end: null,
      endpoints: p.unreachable,
      errorCode: null,
      trigger: null,
      symptoms: [
        `netsh http show iplisten lists ${p.addresses.join(', ')}`,
        endpoints.length > 0
          ? `SSL bindings of the host: ${endpoints.join(', ')}${p.unreachable.length ? `; outside the list: ${p.unreachable.join(', ')}` : '; all on listed addresses, SNI or wildcard'}`
          : 'no SSL binding data for the host',
      ],
      cause: findingText(LISTEN, 'cause', {
        addresses: p.addresses,
        unreachable: p.unreachable.length > 0 ? p.unreachable : null,
      }),
      remedies: findingList(LISTEN, 'remedies', {
        deleteCommands: p.addresses.map((a) => `netsh http delete iplisten ipaddress=${a}`).join(' & '),
        addCommands:
          missing.length > 0 ? missing.map((a) => `netsh http add iplisten ipaddress=${a}`).join(' & ') : null,
        unreachable: p.unreachable.length > 0 ? p.unreachable : null,
      }),
      references: findingReferences(LISTEN),
      evidence: [configEvidence(row, host, `IP listen list: ${p.addresses.join(', ')}`)],
      occurrences: 1,
    };
    return [finding];
  });
}

/** One finding per SCHANNEL\Protocols export that leaves modern clients without a protocol. */
export function tlsProtocolFindings(rows: Row[]): Finding[] {
  return rows.flatMap((row) => {
    const host = asString(row.host);
    const protocols = (Array.isArray(row.protocols) ? row.protocols : []).map(protocolOf);
    const v = tlsProtocolProblems(protocols);
    if (v.verdict === 'ok') return [];
    const how = v.server['TLS 1.2'] === 'disabled' ? 'Enabled = 0' : 'DisabledByDefault = 1';
    const enabled = Object.entries(v.server)
      .filter(([, state]) => state === 'enabled')
      .map(([name]) => name);
    const failures = Number(row.handshake_failures ?? 0);
    const finding: Finding = {
      id: `${TLS}:${host ?? '-'}:${asString(row.file) ?? ''}`,
      kind: TLS,
      level: v.verdict === 'no-modern-tls' ? 'high' : 'medium',
      host,
      confidence: 'high',
      title: findingText(TLS, 'title', { how, remaining: enabled.length > 0 ? enabled : null }),
      start: null,
      end: null,
      endpoints: [],
      errorCode: null,
      trigger: null,
      symptoms: [
        `Server side: ${Object.entries(v.server)
          .map(([name, state]) => `${name} ${state}`)
          .join(', ')}`,
        ...(failures > 0 ? [`${failures} Schannel 36874 / 36888 handshake failure(s) in the logs of the host`] : []),
      ],
      cause:
        v.verdict === 'no-modern-tls'
          ? findingText(TLS, 'causeNoModernTls', { how, remaining: enabled.length > 0 ? enabled : null })
          : findingText(TLS, 'causeTls13Only', { how }),
      remedies: findingList(TLS, 'remedies', { clientSide: v.clientTls12Off ? 'TLS 1.2\\Client' : null }),
      references: findingReferences(TLS),
      evidence: [configEvidence(row, host, `SCHANNEL\\Protocols\\TLS 1.2\\Server: ${how}`)],
      occurrences: 1,
    };
    return [finding];
  });
}

function protocolOf(r: Row): ProtocolInput {
  const dword = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
  return {
    protocol: asString(r.protocol) ?? '',
    side: asString(r.side) === 'Client' ? 'Client' : 'Server',
    enabled: dword(r.enabled),
    disabledByDefault: dword(r.disabled_by_default),
  };
}

function configEvidence(r: Row, host: string | null, summary: string): Evidence {
  return { file: asString(r.file) ?? '', recordId: null, time: null, host, role: 'configuration', summary };
}
