/**
 * Schannel 36870 by who asked for the key (REAL-WORLD.md §3): the bursts of
 * queries/ssl/private-key-failure-bursts.sql whose caller (diagnosis/caller.ts, from
 * queries/ssl/key-failure-callers.sql) is HTTP.sys — or cannot be told, the former behaviour —
 * stay private-key findings (IIS remedies from the knowledge base); any other caller gives a
 * service-key-failure naming that service with its own remedies and no IIS remedy.
 */
import { lookupErrorCode } from '../knowledge/error-codes.js';
import { findingList, findingReferences, findingText } from '../knowledge/finding-texts.js';
import type { Evidence, Finding } from '../model/index.js';
import type { Connection } from '../store/db.js';
import type { Row } from '../store/run-query.js';
import { runBundled } from './bundled-queries.js';
import { type CallerDiagnosis, classifyCaller, RDP_MACHINE_KEY, type SchannelFailure } from './diagnosis/caller.js';
import { asString, eventEvidence, evidenceSpan, sortEvidence } from './evidence.js';
import { privateKeyFindings } from './private-key.js';
import { isoUtc } from './time.js';

const KIND = 'service-key-failure';

/** Private-key and service-key findings from the 36870 bursts (already stripped of ABO-chain symptoms). */
export async function keyFailureFindings(
  conn: Connection,
  filters: { host?: string; since?: string; until?: string },
  bursts: Row[],
): Promise<Finding[]> {
  if (bursts.length === 0) return [];
  const failures = await runBundled(conn, 'key-failure-callers', filters);
  const iis: Row[] = [];
  const other: Finding[] = [];
  for (const group of groupBy(bursts, (b) => `${asString(b.host)}\u0000${asString(b.error_code)}`)) {
    const own = failures.filter((f) => inBursts(f, group));
    const diagnosis = own.length ? diagnose(own) : null;
    if (diagnosis === null || diagnosis.service === 'http-sys' || diagnosis.service === 'unknown') iis.push(...group);
    else other.push(serviceFinding(group, own, diagnosis));
  }
  return [...privateKeyFindings(iis), ...other];
}

function groupBy(rows: Row[], key: (r: Row) => string): Row[][] {
  const m = new Map<string, Row[]>();
  for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
  return [...m.values()];
}

function inBursts(f: Row, bursts: Row[]): boolean {
  const t = String(f.ts);
  return bursts.some(
    (b) =>
      b.host === f.host &&
      asString(b.error_code) === asString(f.error_code) &&
      String(b.first_ts) <= t &&
      t <= String(b.last_ts),
  );
}

function diagnose(rows: Row[]): CallerDiagnosis {
  const failures: SchannelFailure[] = rows.map((r) => ({
    time: isoUtc(r.ts) ?? '',
    file: asString(r.file),
    recordId: asString(r.record_id),
    type: asString(r.tls_type),
    callerProcessId: asString(r.caller_pid),
    callerProcessImageName: asString(r.caller_image),
  }));
  const logged = rows.some((r) => Number(r.rdp_events_on_host ?? 0) > 0);
  const rdpEvents = rdpOf(rows).map((e) => ({ time: isoUtc(e.ts) ?? '', eventId: Number(e.event_id) }));
  return classifyCaller(failures, {
    rdpEvents: logged ? rdpEvents : undefined,
    httpSysActive: rows.some((r) => r.http_sys_active === true),
  });
}

function rdpOf(rows: Row[]): Row[] {
  const seen = new Map<string, Row>();
  for (const r of rows)
    for (const e of Array.isArray(r.rdp_events) ? (r.rdp_events as Row[]) : [])
      seen.set(`${asString(e.file)}|${asString(e.record_id)}`, e);
  return [...seen.values()];
}

const REMEDY_SLOTS = {
  rdp: 'rdpRemedies',
  ldaps: 'ldapsRemedies',
  adfs: 'adfsRemedies',
  'sql-server': 'sqlServerRemedies',
  'adf-shir': 'adfShirRemedies',
  'service-fabric': 'serviceFabricRemedies',
  'app-v': 'appVRemedies',
  exchange: 'exchangeRemedies',
  'tls-client': 'tlsClientRemedies',
  generic: 'genericRemedies',
  iis: 'genericRemedies',
} as const;

function serviceFinding(bursts: Row[], rows: Row[], d: CallerDiagnosis): Finding {
  const first = bursts[0]!;
  const host = asString(first.host);
  const code = asString(first.error_code);
  const entry = lookupErrorCode(code);
  const name = entry?.name ?? asString(first.error_name);
  const callers = [...new Set(rows.map(callerLabel).filter((c): c is string => c !== null))];
  const values = { caller: callers.join(', ') || null, rdpKey: RDP_MACHINE_KEY };
  const remedies = findingList(KIND, REMEDY_SLOTS[d.remedySet], values);
  if (d.service === 'svchost-service')
    remedies.push(`If it is Remote Desktop after all: ${findingList(KIND, 'rdpRemedies', values)[0]}`);
  const evidence = sortEvidence(evidenceOf(rows, host, code));
  const span = evidenceSpan(evidence);
  const states = [...new Set(rows.map((r) => asString(r.error_status)).filter((s) => s !== null))];
  return {
    id: `${KIND}:${host ?? '-'}:${code ?? 'unknown'}:${d.service}`,
    kind: KIND,
    level: 'high',
    host,
    confidence: d.confidence,
    title: findingText(KIND, 'title', { service: d.displayName, code, name: name || null }),
    start: span.start,
    end: span.end,
    endpoints: [],
    errorCode: code,
    trigger: null,
    symptoms: [
      `${rows.length} Schannel 36870 with ${code ?? 'no error code'}${entry ? ` (${entry.name}: ${entry.text})` : ''}${states.length ? `, internal error state ${states.join(', ')}` : ''}${callers.length ? `; SSPI caller ${callers.join(', ')}` : ''}`,
      ...(d.rdpCoincidences !== undefined
        ? [
            `${d.rdpCoincidences} of ${rows.length} failure(s) within 5 s of a Remote Desktop connection (RemoteConnectionManager 261)`,
          ]
        : []),
      ...(d.roleNote ? [d.roleNote] : []),
      ...d.ruledOut.map((x) => `Ruled out: ${x}`),
    ],
    cause: [
      findingText(KIND, 'cause', { reason: d.reason }),
      ...(d.role === 'client' ? [findingText(KIND, 'clientNote', {})] : []),
    ].join(' '),
    remedies,
    references: [...findingReferences(KIND), ...(entry?.references ?? [])],
    evidence,
    occurrences: bursts.length,
  };
}

function callerLabel(r: Row): string | null {
  const image = asString(r.caller_image);
  const pid = asString(r.caller_pid);
  if (!image && !pid) return null;
  return `${image ?? '(no image)'}${pid ? ` (PID ${pid})` : ''}`;
}

function evidenceOf(rows: Row[], host: string | null, code: string | null): Evidence[] {
  const out: Evidence[] = rows
    .slice(0, 25)
    .map((r) =>
      eventEvidence(
        { ts: r.ts, file: r.file, record_id: r.record_id, event_id: 36870, provider: 'Schannel' },
        host,
        'symptom',
        `36870 private key error ${code ?? '?'}${callerLabel(r) ? ` caller ${callerLabel(r)}` : ''}`,
      ),
    );
  for (const e of rdpOf(rows).slice(0, 25)) {
    out.push(
      eventEvidence(
        {
          ts: e.ts,
          file: e.file,
          record_id: e.record_id,
          event_id: e.event_id,
          provider: 'Microsoft-Windows-TerminalServices-RemoteConnectionManager',
        },
        host,
        'context',
        Number(e.event_id) === 261
          ? '261 Remote Desktop listener received a connection'
          : `${asString(e.event_id)} Remote Desktop certificate problem`,
      ),
    );
  }
  return out;
}
