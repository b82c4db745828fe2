/**
 * The answer-first block as data: one incident per critical/high finding, merged with the
 * findings of the same host and family (an ABO-mapper deletion and the bad 5506 hash behind it
 * are one incident), each with its cause in one sentence, the outage window per endpoint and
 * host, what to do now and what to check afterwards (answer-actions.ts).
 */
import {
  LEGACY_PROPERTIES,
  confirmTriggerCheck,
  joinBindingChecks,
  metadataActions,
  sslcertActions,
} from './answer-actions.js';
import type {
  Action,
  AnswerBlock,
  AnswerEvidence,
  AnswerFinding,
  AnswerInput,
  FailureWindow,
  Incident,
  IncidentFamily,
  Missing,
  Outage,
} from './answer-types.js';
import { sameHost } from './certificate-choice.js';
import { compareFindings } from './sort.js';
import { isoToMs } from './zone-time.js';

const FAMILIES: Readonly<Record<string, IncidentFamily>> = {
  'abo-binding-deleted': 'abo-mapper',
  'abo-binding-rebound': 'abo-mapper',
  'config-abo-hash-invalid': 'abo-mapper',
  'config-legacy-metadata': 'abo-mapper',
  'private-key-failure': 'private-key',
  'config-certificate-problem': 'private-key',
  'config-binding-problem': 'binding',
};

/** Family of a finding kind. */
export function familyOf(kind: string): IncidentFamily {
  return FAMILIES[kind] ?? 'other';
}

const isIncidentLevel = (level: string): boolean => level === 'critical' || level === 'high';
const ENDPOINT = /(\[[0-9A-Fa-f:.%]+\]|[A-Za-z0-9_.*+-]+):\d{1,5}\b/;

/** The answer block of a case. */
export function buildAnswer(input: AnswerInput): AnswerBlock {
  const sorted = [...input.findings].sort(compareFindings);
  const incidents: Incident[] = [];
  const taken = new Set<string>();
  for (const lead of sorted) {
    if (!isIncidentLevel(lead.level) || taken.has(lead.id)) continue;
    const family = familyOf(lead.kind);
    const members = sorted.filter(
      (f) =>
        !taken.has(f.id) &&
        (f.id === lead.id ||
          (family !== 'other' &&
            familyOf(f.kind) === family &&
            sameHost(f.host, lead.host) &&
            f.host !== null &&
            lead.host !== null)),
    );
    for (const f of members) taken.add(f.id);
    // The event finding leads when there is one: it carries the times.
    const head = members.find((f) => f.start !== null && !f.kind.startsWith('config-')) ?? lead;
    incidents.push(incident(input, head, members, family));
  }
  return { incidents };
}

function incident(input: AnswerInput, head: AnswerFinding, members: AnswerFinding[], family: IncidentFamily): Incident {
  const host = head.host;
  const evidence = dedupe(members.flatMap((f) => f.evidence));
  const outages = family === 'other' ? [] : outageWindows(input, host, [...evidence, ...(input.events ?? [])]);
  const plan =
    family === 'abo-mapper'
      ? aboPlan(input, head, members, outages)
      : family === 'private-key' || family === 'binding'
        ? bindingPlan(input, head, members, outages)
        : remedyPlan(head);
  return {
    id: head.id,
    level: members.map((m) => m.level).sort((a, b) => levelRank(a) - levelRank(b))[0] ?? head.level,
    host,
    family,
    findingIds: members.map((m) => m.id),
    cause: causeSentence(head, members, family, input),
    outages,
    failures: failureWindow(host, evidence),
    ...plan,
  };
}

/**
 * Causes with no command plan of their own (another deleter, another service's key, a stale IP
 * binding, TLS settings): the lead finding's remedies, which the correlation fills from the case.
 */
function remedyPlan(head: AnswerFinding): Pick<Incident, 'actions' | 'checks' | 'missing'> {
  const actions = (head.remedies ?? []).map(
    (r): Action => ({ kind: 'finding-remedy', host: head.host, title: r, commands: [] }),
  );
  return { actions, checks: [], missing: [] };
}

function levelRank(l: string): number {
  const i = ['critical', 'high', 'medium', 'low', 'info'].indexOf(l);
  return i < 0 ? 5 : i;
}

function dedupe(rows: readonly AnswerEvidence[]): AnswerEvidence[] {
  const seen = new Set<string>();
  const out: AnswerEvidence[] = [];
  for (const r of rows) {
    const key = r.recordId === null ? `${r.file}|${r.summary}` : `${r.file}|${r.recordId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out;
}

function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(?:\s+(?=[A-Z(<"])|$)/.exec(text.trim());
  return (m ? m[1]! : text.trim()).replace(/\s+/g, ' ');
}

function causeSentence(
  head: AnswerFinding,
  members: AnswerFinding[],
  family: IncidentFamily,
  input: AnswerInput,
): string {
  if (family !== 'abo-mapper') return firstSentence(head.cause || head.title);
  const hash = input.metadata.find((m) => sameHost(m.host, head.host) && m.propertyId === 5506);
  const trigger = head.trigger
    ? head.trigger
        .split(';')[0]!
        .replace(/\s*×\d+$/, '')
        .trim()
    : null;
  const endpoints = [...new Set(members.flatMap((m) => m.endpoints))];
  const rebound = members.some((m) => m.kind === 'abo-binding-rebound');
  const notInStore = members.some((m) => m.kind === 'config-abo-hash-invalid');
  return (
    `${trigger ? `${trigger[0]!.toUpperCase()}${trigger.slice(1)}` : 'A program that starts the IIS 6 ABO mapper ran'}${head.host ? ` on ${head.host}` : ''}; ` +
    `the ABO mapper then deleted the SSL binding${endpoints.length > 0 ? ` of ${endpoints.join(', ')}` : ''} and ` +
    `${rebound ? 're-created it on the wrong certificate' : 'could not re-create it'} from the legacy <customMetadata> property 5506` +
    `${hash ? ` of ${hash.keyPath}${hash.decoded ? ` (${hash.decoded}${notInStore ? ', no usable certificate in the store' : ''})` : ''}` : ''}.`
  );
}

const isDeletion = (e: AnswerEvidence): boolean =>
  e.eventId === 15300 ||
  (e.eventId === 119 && (e.provider ?? 'Microsoft-Windows-HttpService') === 'Microsoft-Windows-HttpService') ||
  /binding deleted/i.test(e.summary);
const isCreation = (e: AnswerEvidence): boolean => e.eventId === 15301 || /binding (re-)?created/i.test(e.summary);

/** Deletion → next creation of the same endpoint on the host; the last one open when none follows. */
export function outageWindows(
  input: Pick<AnswerInput, 'hosts'>,
  host: string | null,
  rows: readonly AnswerEvidence[],
): Outage[] {
  const events = dedupe(rows)
    .filter((e) => e.time !== null && sameHost(e.host, host) && (isDeletion(e) || isCreation(e)))
    .map((e) => ({ e, ms: isoToMs(e.time)!, endpoint: ENDPOINT.exec(e.summary)?.[0] ?? null }))
    .filter((x) => x.endpoint !== null && !Number.isNaN(x.ms))
    .sort((a, b) => a.ms - b.ms);
  const logEnd = input.hosts.find((h) => sameHost(h.host, host))?.lastTime ?? null;
  const out: Outage[] = [];
  const open = new Map<string, Outage>();
  // Windows 10 / 2016 log one deletion as 15300 and 119: a deletion while down is the same outage.
  for (const { e, endpoint } of events) {
    const cur = open.get(endpoint!);
    if (isDeletion(e)) {
      if (cur) continue;
      const o: Outage = {
        host: e.host ?? host,
        endpoint: endpoint!,
        downAt: e.time!,
        upAt: null,
        stillDown: true,
        logEnd,
        down: { file: e.file, recordId: e.recordId },
        up: null,
      };
      open.set(endpoint!, o);
      out.push(o);
    } else if (cur) {
      cur.upAt = e.time;
      cur.up = { file: e.file, recordId: e.recordId };
      cur.stillDown = false;
      cur.logEnd = null;
      open.delete(endpoint!);
    }
  }
  return out;
}

function failureWindow(host: string | null, evidence: readonly AnswerEvidence[]): FailureWindow | null {
  const fails = evidence.filter((e) => e.role === 'symptom' && e.time !== null && !isDeletion(e) && !isCreation(e));
  if (fails.length === 0) return null;
  const times = fails.map((e) => e.time!).sort();
  return { host, first: times[0]!, last: times[times.length - 1]!, count: fails.length };
}

interface Plan {
  actions: Action[];
  checks: Action[];
  missing: Missing[];
}

function aboPlan(input: AnswerInput, head: AnswerFinding, members: AnswerFinding[], outages: Outage[]): Plan {
  const host = head.host;
  const meta = metadataActions(input, host);
  const plan: Plan = { actions: [...meta.actions], checks: [], missing: [...meta.missing] };
  if (meta.actions.length === 0 && meta.missing.length === 0) {
    plan.missing.push({
      host,
      what: `a <customMetadata> key with properties ${LEGACY_PROPERTIES.join('/')}: the applicationHost.config of the case holds none`,
      collect: `collect the current applicationHost.config from ${host ?? 'the server'} (the one in the case may predate the change)`,
    });
  }
  const rebound = members.some((m) => m.kind === 'abo-binding-rebound');
  const endpoints = [
    ...new Set([
      ...outages.filter((o) => o.stillDown).map((o) => o.endpoint),
      ...(rebound ? members.flatMap((m) => m.endpoints) : []),
    ]),
  ];
  const exclude = meta.hashes;
  for (const endpoint of endpoints) {
    const down = outages.find((o) => o.endpoint === endpoint);
    const atMs = isoToMs(down?.downAt ?? head.start);
    const live = rebound ? liveHashes(input, host, endpoint) : [];
    const part = sslcertActions(input, {
      host,
      endpoint,
      atMs,
      exclude,
      suspect: live,
      replace: rebound && !down?.stillDown,
    });
    plan.actions.push(...part.actions);
    plan.checks.push(...part.checks);
    plan.missing.push(...part.missing);
  }
  const confirm = confirmTriggerCheck(
    host,
    head.trigger,
    endpoints[0] ?? members.flatMap((m) => m.endpoints)[0] ?? null,
  );
  if (confirm) plan.checks.push(confirm);
  plan.checks = joinBindingChecks(plan.checks);
  return plan;
}

/** Hashes HTTP.sys binds `endpoint` to in the netsh/registry artefacts. */
function liveHashes(input: AnswerInput, host: string | null, endpoint: string): string[] {
  return input.bindings
    .filter((b) => b.source !== 'config' && sameHost(b.host, host) && b.endpoint === endpoint && b.certHash)
    .map((b) => b.certHash!);
}

/** Certificates the incident is about (config-certificate-problem ids) and the endpoints using them. */
function failing(
  input: AnswerInput,
  members: AnswerFinding[],
  host: string | null,
  outages: Outage[],
): { thumbs: string[]; endpoints: string[] } {
  const thumbs = new Set<string>();
  for (const m of members) {
    const t = /^config-certificate-problem:.*:([0-9A-Fa-f]{40})$/.exec(m.id);
    if (t) thumbs.add(t[1]!.toUpperCase());
  }
  const live = input.bindings.filter((b) => b.source !== 'config' && sameHost(b.host, host) && b.endpoint !== null);
  const endpoints = new Set([...members.flatMap((m) => m.endpoints), ...outages.map((o) => o.endpoint)]);
  for (const b of live) if (b.certHash && thumbs.has(b.certHash.toUpperCase())) endpoints.add(b.endpoint!);
  for (const b of live) if (b.certHash && endpoints.has(b.endpoint!)) thumbs.add(b.certHash.toUpperCase());
  return { thumbs: [...thumbs], endpoints: [...endpoints] };
}

function bindingPlan(input: AnswerInput, head: AnswerFinding, members: AnswerFinding[], outages: Outage[]): Plan {
  const host = head.host;
  const plan: Plan = { actions: [], checks: [], missing: [] };
  const { thumbs: failingThumbs, endpoints } = failing(input, members, host, outages);
  for (const t of failingThumbs) {
    const cert = input.certificates.find((c) => sameHost(c.host, host) && c.thumbprint.toUpperCase() === t);
    if (cert?.hasPrivateKey === false || head.errorCode === '0x80090016') {
      plan.actions.push({
        kind: 'repair-key',
        host,
        title: `Try to re-associate the private key of ${t} (it fails with ${head.errorCode ?? 'no private key'})`,
        commands: [`certutil -repairstore my ${t}`],
      });
    }
  }
  if (endpoints.length === 0) {
    plan.missing.push({
      host,
      what: 'the endpoint whose certificate fails',
      collect: `collect \`netsh http show sslcert\` from ${host ?? 'the server'}`,
    });
  }
  for (const endpoint of endpoints) {
    const down = outages.find((o) => o.endpoint === endpoint && o.stillDown);
    const part = sslcertActions(input, {
      host,
      endpoint,
      atMs: isoToMs(head.start),
      exclude: failingThumbs,
      replace: !down,
    });
    plan.actions.push(...part.actions);
    plan.checks.push(...part.checks);
    plan.missing.push(...part.missing);
  }
  plan.checks = joinBindingChecks(plan.checks);
  return plan;
}
