/**
 * One finding from the judged deletions of one host and cause (binding-deletions.ts): evidence
 * (the deletion, its 119 twin, the culprit, the session around it, a later re-create), the
 * symptoms with what was ruled out, and the remedies of data/findings/<kind>.json filled with the
 * case's endpoint, tool, command line and user.
 */
import { findingList, findingReferences, findingTable, findingText } from '../knowledge/finding-texts.js';
import type { Confidence, Evidence, Finding } from '../model/index.js';
import type { Row } from '../store/run-query.js';
import type { AuditFacts, Ranked, RankedCandidate } from './diagnosis/culprit.js';
import { auditAdvice } from './diagnosis/culprit.js';
import { formatSpan } from './diagnosis/time.js';
import { asString, type EventRef, eventEvidence, evidenceSpan, sortEvidence } from './evidence.js';

export type DeletionKind = 'binding-deleted-by-tool' | 'binding-deleted-unexplained' | 'binding-renewed';

/** One deletion (or 15302 update) as judged. */
export interface Case {
  kind: DeletionKind;
  row: Row;
  time: string;
  endpoint: string | null;
  ranked: Ranked;
  facts: AuditFacts;
  top: RankedCandidate | null;
  /** An ABO trigger was near, but a command named exactly this endpoint. */
  aboClaimed: boolean;
}

/** Candidates count up to this long before a deletion: an SSRS or IIS Manager window stays open for minutes. */
export const CULPRIT_WINDOW_MS = 15 * 60_000;

/** IIS's application id (netsh http show sslcert "Application ID" of bindings IIS made). */
const IIS_APP_ID = '{4dc3e181-e14b-4a21-b022-59fc669b0914}';

export function buildDeletionFinding(cases: Case[], windowMs: number): Finding {
  const first = cases[0]!;
  const kind = first.kind;
  const host = asString(first.row.host);
  const endpoints = [...new Set(cases.map((c) => c.endpoint ?? '(endpoint unknown)'))].sort();
  const top = first.top;
  const tool = top?.tool ?? null;
  const evidence = sortEvidence(cases.flatMap((c) => evidenceOf(c, host)));
  const span = evidenceSpan(evidence);
  const where = endpoints.join(', ');
  return {
    id: `${kind}:${host ?? '-'}:${where}${tool ? `:${tool}` : ''}`,
    kind,
    level: kind === 'binding-renewed' ? 'info' : 'critical',
    host,
    confidence: confidenceOf(cases),
    title: findingText(kind, 'title', { endpoints, tool }),
    start: span.start,
    end: span.end,
    endpoints,
    errorCode: null,
    trigger: tool,
    symptoms: cases.flatMap((c) => symptomsOf(c, windowMs)),
    cause: causeOf(first, endpoints),
    remedies: remediesOf(cases, endpoints),
    references: findingReferences(kind),
    evidence,
    occurrences: cases.length,
  };
}

function confidenceOf(cases: Case[]): Confidence {
  const c = cases[0]!;
  if (c.kind === 'binding-renewed') return c.top ? 'high' : 'medium';
  if (c.kind === 'binding-deleted-unexplained') return c.facts.processStartsBefore ? 'medium' : 'low';
  return c.ranked.confidence;
}

function causeOf(c: Case, endpoints: string[]): string {
  if (c.kind === 'binding-renewed') return findingText(c.kind, 'cause', { endpoints, tool: c.top?.tool ?? null });
  if (c.kind === 'binding-deleted-unexplained') return findingText(c.kind, 'cause', { endpoints });
  const top = c.top!;
  return findingText(c.kind, 'cause', {
    tool: top.tool,
    user: top.user,
    before: formatSpan(top.beforeMs),
    endpoints,
    detail: top.detail,
  });
}

function remediesOf(cases: Case[], endpoints: string[]): string[] {
  const c = cases[0]!;
  if (c.kind === 'binding-renewed') return findingList(c.kind, 'remedies', { endpoints });
  const netshAdd = netshAddCommands(endpoints, c.row);
  const out = findingList(c.kind, 'remedies', { endpoints, netshAdd });
  if (c.kind === 'binding-deleted-by-tool' && c.top) {
    const tool = findingTable(c.kind, 'toolRemedies', c.top.kind, 'remedy', {
      tool: c.top.tool,
      user: c.top.user,
      commandLine: c.top.commandLine,
      endpoints,
    });
    if (tool) out.push(tool);
  }
  return [...out, ...auditAdvice(c.facts, c.time)];
}

/**
 * `netsh http add sslcert ipport=… certhash=… appid=…` for each endpoint, with the host's only
 * usable unbound certificate, if one (the choices, when the store holds several); when the case
 * names none, the commands without it and, once, what to collect to fill it in.
 */
function netshAddCommands(endpoints: string[], row: Row): string {
  const at = Date.parse(asString(row.ts)?.replace(' ', 'T').concat('Z') ?? '');
  const usable = (Array.isArray(row.certificates) ? (row.certificates as Row[]) : []).filter(
    (c) =>
      c.has_private_key !== false &&
      c.bound !== true &&
      !/^CN=WMSvc/i.test(asString(c.subject) ?? '') &&
      (c.not_after === null || !(Date.parse(`${String(c.not_after).replace(' ', 'T')}Z`) < at)),
  );
  const hashes = usable.map((c) => asString(c.thumbprint)!.toLowerCase());
  const isIp = (endpoint: string): boolean => /^(\[[0-9a-f:.]+\]|\d{1,3}(?:\.\d{1,3}){3}):\d+$/i.test(endpoint);
  const command = (endpoint: string, hash: string): string =>
    isIp(endpoint)
      ? `netsh http add sslcert ipport=${endpoint} certhash=${hash} appid=${IIS_APP_ID}`
      : `netsh http add sslcert hostnameport=${endpoint} certhash=${hash} appid=${IIS_APP_ID} certstorename=MY`;
  if (hashes.length === 1) return endpoints.map((e) => command(e, hashes[0]!)).join('; ');
  if (hashes.length > 1) {
    const choices = endpoints.map(
      (e) =>
        `one of: ${hashes
          .slice(0, 3)
          .map((h) => command(e, h))
          .join(' | ')}`,
    );
    return `${choices.join('; ')} (the store holds ${hashes.length} usable unbound certificates: pick the one issued for the site)`;
  }
  // No certificate to name: say what to collect rather than print a placeholder.
  const commands = endpoints.map(
    (e) => `netsh http add sslcert ${isIp(e) ? 'ipport' : 'hostnameport'}=${e} appid=${IIS_APP_ID} certstorename=MY`,
  );
  return `${commands.join('; ')}, ${commands.length > 1 ? 'each ' : ''}with certhash= the thumbprint of the site's certificate, which the case does not show (collect certutil -v -store my from the host, or import the certificate with its private key first)`;
}

function evidenceOf(c: Case, host: string | null): Evidence[] {
  const r = c.row;
  const ep = c.endpoint ?? '(endpoint unknown)';
  const verb = r.change === 'updated' ? 'updated in place' : 'deleted';
  const out: Evidence[] = [eventEvidence(ref(r), host, 'symptom', `${asString(r.event_id)} SSL binding ${verb} ${ep}`)];
  const twin = r.twin as Row | null | undefined;
  if (twin) out.push(eventEvidence(ref(twin), host, 'symptom', `119 SSL binding deleted ${ep} (the same deletion)`));
  const later = r.recreated_later as Row | null | undefined;
  if (later) out.push(eventEvidence(ref(later), host, 'recovery', `15301 SSL binding re-created ${ep}`));
  const recreate = r.recreate as Row | null | undefined;
  if (recreate) out.push(eventEvidence(ref(recreate), host, 'symptom', `15301 SSL binding re-created ${ep}`));
  if (c.top) out.push(candidateEvidence(c.top, host, 'trigger'));
  for (const other of c.ranked.ranked.filter((x) => x !== c.top).slice(0, 3))
    out.push(candidateEvidence(other, host, 'context'));
  return out.map((e) => ({ ...e, provider: e.provider ?? providerOf(e.eventId) }));
}

function candidateEvidence(c: RankedCandidate, host: string | null, role: Evidence['role']): Evidence {
  const eventId = c.source === 'process' ? 4688 : c.source === 'logon' ? 4624 : 7045;
  const what = c.commandLine && c.source === 'process' ? `${c.tool}: ${c.commandLine}` : c.tool;
  return {
    file: c.ref.file ?? '',
    recordId: c.ref.recordId,
    time: c.ref.time,
    host,
    role,
    summary: `${eventId} ${what}${c.user && c.source === 'process' ? ` (${c.user})` : ''}`,
    provider: eventId === 7045 ? 'Service Control Manager' : 'Microsoft-Windows-Security-Auditing',
    eventId,
  };
}

function providerOf(eventId: number | null | undefined): string | null {
  if (eventId === 119) return 'Microsoft-Windows-HttpService';
  return eventId === 15300 || eventId === 15301 || eventId === 15302 ? 'Microsoft-Windows-HttpEvent' : null;
}

function symptomsOf(c: Case, windowMs: number): string[] {
  const r = c.row;
  const ep = c.endpoint ?? '(endpoint unknown)';
  const twin = r.twin
    ? ` and HttpService 119 record ${asString((r.twin as Row).record_id)}, one deletion counted once`
    : '';
  if (r.change === 'updated')
    return [`${ep}: SSL binding updated in place at ${c.time} (15302 record ${asString(r.record_id)}): not a loss`];
  const out: string[] = [];
  if (r.recreate) out.push(`${ep}: SSL binding deleted and re-created within ${formatSpan(windowMs)} at ${c.time}`);
  else
    out.push(
      `${ep}: SSL binding deleted at ${c.time} (${asString(r.event_id)} record ${asString(r.record_id)}${twin}), not re-created within ${formatSpan(windowMs)}${r.recreated_later ? `; re-created at ${asString((r.recreated_later as Row).ts)}` : ''}`,
    );
  if (c.kind !== 'binding-renewed') out.push(`Why: ${c.ranked.reason}`);
  const ruledOut = [...c.ranked.ruledOut];
  if (r.abo_trigger && c.aboClaimed) {
    const t = r.abo_trigger as Row;
    ruledOut.push(
      `the ABO-mapper trigger ${asString(t.trigger_name)} at ${asString(t.ts)} was in the window too, but the command names exactly ${ep}: the ABO mapper is not needed to explain it`,
    );
  } else if (!r.abo_trigger) {
    ruledOut.push(`no ABO-mapper trigger within ${formatSpan(windowMs)} before the deletion`);
  }
  if (Number(r.service_changes_in_window ?? 0) === 0) ruledOut.push('no service started or stopped in that window');
  for (const o of c.ranked.outsideWindow.slice(0, 2))
    out.push(
      `Earlier, outside the ${formatSpan(CULPRIT_WINDOW_MS)} looked at: ${o.tool} ${formatSpan(o.beforeMs)} before`,
    );
  if (c.top && c.top.notes.length) out.push(`${c.top.tool}: ${c.top.notes.join('; ')}`);
  return [...out, ...ruledOut.map((x) => `Ruled out: ${x}`)];
}

const ref = (r: Row): EventRef => ({
  ts: r.ts,
  file: r.file,
  record_id: r.record_id,
  event_id: r.event_id,
  provider: r.provider,
});
