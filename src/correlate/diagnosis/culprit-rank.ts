/**
 * Ranking the candidate deleters of one SSL binding deletion (15300 / HttpService 119): only
 * candidates before the deletion and within the window count; a process that deleted exactly this
 * endpoint ranks first, then kind weight, then closeness in time. Says how sure it is, why, and
 * what it ruled out; `auditAdvice` says what to enable when the logs hold nobody.
 */
import type { Candidate } from './culprit.js';
import { normaliseEndpoint } from './command-line.js';
import { formatSpan, isoMs } from './time.js';

export interface Deletion {
  /** Endpoint of the 15300/119 (`0.0.0.0:443`, `www.contoso.com:443`, `ccs:443`). */
  endpoint: string | null;
  /** ISO-8601 UTC. */
  time: string;
  file?: string | null;
  recordId?: string | null;
}

/** What the logs can and cannot show around the deletion (null: not known / no such log ingested). */
export interface AuditFacts {
  /** Security 4688 events in the hour before the deletion; null when no Security log was ingested. */
  processStartsBefore: number | null;
  /** Whether those 4688 carry a CommandLine; null when unknown. */
  commandLineLogged?: boolean | null;
  /** ABO-mapper triggers (7036 IISADMIN…, 4688 inetmgr6/adsutil, boots) within the window. */
  aboTriggersInWindow?: number | null;
  /** Security 4624 events in the hour before; null when unknown. */
  logonsBefore?: number | null;
  /** First event of the Security log (ISO): later than an hour before the deletion means it rolled over. */
  securityLogStart?: string | null;
}

export interface RankedCandidate extends Candidate {
  /** Milliseconds from the candidate to the deletion (≥ 0). */
  beforeMs: number;
  /** The command names exactly the deleted endpoint. */
  endpointMatch: boolean;
  score: number;
}

export interface Ranked {
  ranked: RankedCandidate[];
  /** ABO-mapper starters in the window, kept apart: when any is here the ABO path explains the deletion. */
  abo: RankedCandidate[];
  confidence: 'high' | 'medium' | 'low';
  /** One sentence. */
  reason: string;
  ruledOut: string[];
  /** Candidates up to an hour before the window: shown, not ranked (an SSRS or IIS Manager window open for long). */
  outsideWindow: RankedCandidate[];
}

const HOUR = 3600_000;
const STRONG = 50;

/** Rank `candidates` for `deletion` (window in milliseconds, e.g. 120000). */
export function rankCandidates(
  deletion: Deletion,
  candidates: Candidate[],
  windowMs: number,
  facts?: AuditFacts,
): Ranked {
  const at = isoMs(deletion.time);
  const endpoint = deletion.endpoint ? normaliseEndpoint(deletion.endpoint) : null;
  const ruledOut: string[] = [];
  const inWindow: RankedCandidate[] = [];
  const outside: RankedCandidate[] = [];
  const after: Candidate[] = [];
  const other: RankedCandidate[] = [];
  for (const c of candidates) {
    if (!Number.isFinite(c.timeMs)) continue;
    const beforeMs = at - c.timeMs;
    const match = endpoint !== null && c.endpoints !== null && c.endpoints.map(normaliseEndpoint).includes(endpoint);
    const r = withRank(c, beforeMs, match, score(c, beforeMs, windowMs, match));
    if (beforeMs < 0) {
      if (-beforeMs <= windowMs) after.push(c);
    } else if (c.endpoints !== null && endpoint !== null && !match && c.action === 'delete') other.push(r);
    else if (beforeMs <= windowMs) inWindow.push(r);
    else if (beforeMs <= windowMs + HOUR) outside.push(r);
  }
  const byScore = (a: RankedCandidate, b: RankedCandidate): number => b.score - a.score || a.beforeMs - b.beforeMs;
  const abo = inWindow.filter((c) => c.abo).sort(byScore);
  const ranked = inWindow.filter((c) => !c.abo).sort(byScore);
  for (const o of other.slice(0, 5))
    ruledOut.push(`${o.tool} at ${o.ref.time} deleted another endpoint (${o.endpoints!.join(', ')}), not ${endpoint}`);
  for (const a of after.slice(0, 3))
    ruledOut.push(`${a.tool} started ${formatSpan(a.timeMs - at)} after the deletion: not its cause`);
  if (facts) ruledOut.push(...auditFacts(facts, at, windowMs, abo.length));
  const { confidence, reason } = judge(ranked, abo, endpoint, windowMs, facts);
  return { ranked, abo, confidence, reason, ruledOut, outsideWindow: outside.sort(byScore) };
}

/**
 * The candidate with its rank fields, every property written out: a spread copy of a 14-property
 * object costs microseconds each, and a deletion can have hundreds of candidates.
 */
function withRank(c: Candidate, beforeMs: number, endpointMatch: boolean, score: number): RankedCandidate {
  return {
    kind: c.kind,
    weight: c.weight,
    abo: c.abo,
    tool: c.tool,
    detail: c.detail,
    endpoints: c.endpoints,
    action: c.action,
    source: c.source,
    ref: c.ref,
    timeMs: c.timeMs,
    user: c.user,
    commandLine: c.commandLine,
    notes: c.notes,
    beforeMs,
    endpointMatch,
    score,
  };
}

function score(c: Candidate, beforeMs: number, windowMs: number, match: boolean): number {
  const closeness = windowMs > 0 ? 1 - Math.min(1, Math.max(0, beforeMs) / windowMs) : 1;
  return (match ? 1000 : 0) + c.weight * (0.6 + 0.4 * closeness);
}

function judge(
  ranked: RankedCandidate[],
  abo: RankedCandidate[],
  endpoint: string | null,
  windowMs: number,
  facts?: AuditFacts,
): { confidence: Ranked['confidence']; reason: string } {
  const top = ranked[0];
  const where = (c: RankedCandidate): string =>
    `${formatSpan(c.beforeMs)} before the deletion${c.ref.recordId ? ` (record ${c.ref.recordId})` : ''}`;
  if (!top) {
    if (abo.length)
      return {
        confidence: 'medium',
        reason: `No other candidate: ${abo[0]!.tool} started ${where(abo[0]!)}, so the ABO mapper is the likely deleter.`,
      };
    const blind = facts?.processStartsBefore === null || facts?.processStartsBefore === 0;
    return {
      confidence: 'low',
      reason: blind
        ? 'The logs hold no process starts around the deletion, so the program that deleted the binding cannot be named.'
        : `No program or logon in the ${formatSpan(windowMs)} before the deletion is known to change SSL bindings.`,
    };
  }
  const rival = ranked.find((c) => c !== top && c.kind !== top.kind && c.weight >= STRONG && c.source === 'process');
  if (top.endpointMatch)
    return { confidence: 'high', reason: `${top.tool} deleted exactly ${endpoint} ${where(top)}.` };
  if (top.weight >= STRONG && top.source === 'process') {
    const conf = rival || abo.length ? 'low' : 'medium';
    const also = rival
      ? `; ${rival.tool} also ran in the window`
      : abo.length
        ? `; an ABO-mapper trigger (${abo[0]!.tool}) also ran`
        : '';
    return { confidence: conf, reason: `${top.tool} ran ${where(top)} (${top.detail})${also}.` };
  }
  return {
    confidence: 'low',
    reason: `Only weak candidates: ${top.tool} ${where(top)}; nothing in the logs shows which program deleted the binding.`,
  };
}

function auditFacts(f: AuditFacts, at: number, windowMs: number, aboInWindow: number): string[] {
  const out: string[] = [];
  const abo = f.aboTriggersInWindow ?? (aboInWindow > 0 ? aboInWindow : null);
  if (abo === 0) out.push(`no ABO-mapper trigger within ${formatSpan(windowMs)} before the deletion`);
  if (f.processStartsBefore === null)
    out.push('no Security log among the inputs: process starts (4688) and logons (4624) are unknown');
  else if (f.processStartsBefore === 0)
    out.push('no 4688 events in the hour before the deletion: process-creation auditing off?');
  else {
    const cmd =
      f.commandLineLogged === false
        ? ', without command lines ("Include command line in process creation events" off): netsh/PowerShell arguments unknown'
        : '';
    out.push(`4688 auditing was on: ${f.processStartsBefore} process starts logged in the hour before${cmd}`);
  }
  if (f.logonsBefore === 0) out.push('no interactive or RDP logon (4624 type 2/10) in the hour before');
  if (f.securityLogStart && isoMs(f.securityLogStart) > at - HOUR) {
    out.push(
      `the Security log starts only ${formatSpan(at - isoMs(f.securityLogStart))} before the deletion (${f.securityLogStart}): older events were overwritten`,
    );
  }
  return out;
}

/**
 * What to turn on to catch the deleter next time, from what the logs lacked (empty when 4688 with
 * command lines, logons and enough history were all there).
 */
export function auditAdvice(f: AuditFacts, deletionTime?: string): string[] {
  const out: string[] = [];
  if (f.processStartsBefore === null || f.processStartsBefore === 0) {
    out.push(
      'Enable process-creation auditing so Security 4688 names every program: Advanced Audit Policy → Detailed Tracking → Audit Process Creation = Success (auditpol /set /subcategory:{0CCE922B-69AE-11D9-BED3-505054503030} /success:enable).',
    );
  }
  if (f.processStartsBefore === null || f.processStartsBefore === 0 || f.commandLineLogged === false) {
    out.push(
      'Turn on "Include command line in process creation events" (Administrative Templates → System → Audit Process Creation; registry HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\\Audit ProcessCreationIncludeCmdLine_Enabled = 1) so 4688 shows which endpoint netsh or PowerShell deleted.',
    );
  }
  if (f.processStartsBefore === null || f.processStartsBefore === 0 || f.logonsBefore === 0) {
    out.push('Audit Logon (Logon/Logoff → Audit Logon = Success) so 4624 shows who was at the console or on RDP.');
  }
  const at = deletionTime ? isoMs(deletionTime) : NaN;
  if (f.securityLogStart && Number.isFinite(at) && isoMs(f.securityLogStart) > at - HOUR) {
    out.push(
      'Raise the Security log maximum size (e.g. wevtutil sl Security /ms:1073741824 for 1 GiB) or forward it, so the hours before a deletion are still there when it is noticed.',
    );
  } else if (out.length > 0) {
    out.push(
      'Give the Security log room for the extra events (wevtutil sl Security /ms:1073741824, 1 GiB) or forward it to a collector.',
    );
  }
  if (out.length > 0)
    out.push(
      'Optionally enable PowerShell Script Block Logging (Microsoft-Windows-PowerShell/Operational 4104) to see Remove-WebBinding / IIS:\\SslBindings inside scripts.',
    );
  return out;
}
