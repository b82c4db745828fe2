/**
 * SSL binding deletions whatever deleted them (REAL-WORLD.md §2): the rows of
 * queries/ssl/binding-deletions.sql — each deletion counted once (15300 + its HttpService 119 twin),
 * routine localhost 119s left out — with the process starts, logons and service installs before
 * it, classified and ranked by diagnosis/culprit*.ts. An ABO-mapper trigger keeps a deletion on the
 * ABO path (abo-chain.ts) unless a command names exactly the deleted endpoint.
 */
import type { Finding } from '../model/index.js';
import type { Row } from '../store/run-query.js';
import {
  type AuditFacts,
  type Candidate,
  classifyLogon,
  classifyProcessStart,
  classifyServiceInstall,
  type Ranked,
  rankCandidates,
} from './diagnosis/culprit.js';
import { isoUtc } from './time.js';
import { asString } from './evidence.js';
import { buildDeletionFinding, type Case, CULPRIT_WINDOW_MS, type DeletionKind } from './binding-deletion-finding.js';

export { CULPRIT_WINDOW_MS } from './binding-deletion-finding.js';

export interface DeletionFindings {
  findings: Finding[];
  /** `file|record` of deletions explained here although an ABO trigger was near (kept off the ABO path). */
  claimed: Set<string>;
}

/** Columns a judged row no longer needs: the candidates are ranked into its case. */
const CANDIDATE_COLUMNS = ['processes', 'logons', 'service_installs'] as const;

/**
 * Judges the rows of `binding-deletions` as they are read (chunk by chunk): each row is turned into
 * its case at once and its candidate lists dropped, so the result is never held whole.
 */
export function deletionJudge(): { add(rows: Row[]): void; findings(): DeletionFindings } {
  let windowMs: number | null = null;
  const claimed = new Set<string>();
  const groups = new Map<string, Case[]>();
  return {
    add(rows: Row[]): void {
      for (const row of rows) {
        windowMs ??= Number(row.window_ms ?? 120_000);
        const c = judge(row);
        for (const k of CANDIDATE_COLUMNS) delete row[k];
        if (c === null) continue;
        c.ranked = shownOf(c.ranked, c.top);
        if (c.aboClaimed) claimed.add(`${asString(row.file)}|${asString(row.record_id)}`);
        const key = `${c.kind}\u0000${asString(row.host) ?? ''}\u0000${c.top?.tool ?? ''}`;
        const group = groups.get(key);
        if (group) group.push(c);
        else groups.set(key, [c]);
      }
    },
    findings(): DeletionFindings {
      const findings = [...groups.values()].map((g) => buildDeletionFinding(g, windowMs ?? 120_000));
      return { findings, claimed };
    },
  };
}

/**
 * The part of a ranking a finding shows (binding-deletion-finding.ts: the top, three others, two
 * candidates outside the window): cases are held until their group is built, and a busy server
 * gives each deletion hundreds of candidates.
 */
function shownOf(r: Ranked, top: Ranked['ranked'][number] | null): Ranked {
  const ranked = r.ranked.slice(0, 4);
  if (top !== null && !ranked.includes(top)) ranked.push(top);
  return { ...r, ranked, abo: r.abo.slice(0, 3), outsideWindow: r.outsideWindow.slice(0, 2) };
}

function judge(row: Row): Case | null {
  const time = isoUtc(row.ts);
  if (time === null) return null;
  const endpoint = asString(row.endpoint);
  const candidates = candidatesOf(row);
  const facts = auditFactsOf(row);
  const ranked = rankCandidates(
    { endpoint, time, file: asString(row.file), recordId: asString(row.record_id) },
    candidates,
    CULPRIT_WINDOW_MS,
    facts,
  );
  const top = ranked.ranked[0] ?? null;
  const base = { row, time, endpoint, ranked, facts, aboClaimed: false };
  if (row.change === 'updated') return { ...base, kind: 'binding-renewed', top: renewalTool(ranked) };
  if (row.recreate !== null && row.recreate !== undefined) {
    const renewal = renewalTool(ranked);
    return renewal ? { ...base, kind: 'binding-renewed', top: renewal } : null;
  }
  const exact = top !== null && top.endpointMatch && top.action === 'delete';
  if (row.abo_trigger !== null && row.abo_trigger !== undefined) {
    // an ABO trigger explains the deletion unless a command deleted exactly this endpoint
    return exact ? { ...base, kind: 'binding-deleted-by-tool', top, aboClaimed: true } : null;
  }
  const kind: DeletionKind =
    top !== null && (exact || top.weight >= 50) ? 'binding-deleted-by-tool' : 'binding-deleted-unexplained';
  return { ...base, kind, top: kind === 'binding-deleted-by-tool' ? top : null };
}

/** The renewal tool (win-acme, Certify, Posh-ACME) among the ranked candidates, if any. */
function renewalTool(ranked: Ranked): Ranked['ranked'][number] | null {
  return ranked.ranked.find((c) => c.kind === 'renewal-tool') ?? null;
}

function candidatesOf(row: Row): Candidate[] {
  const out: Candidate[] = [];
  for (const p of list(row.processes)) {
    const time = isoUtc(p.ts);
    if (time === null) continue;
    const c = classifyProcessStart({
      time,
      file: asString(p.file),
      recordId: asString(p.record_id),
      newProcessName: asString(p.image),
      commandLine: asString(p.command_line),
      parentProcessName: asString(p.parent),
      subjectUserName: asString(p.user),
      subjectDomainName: asString(p.domain),
    });
    if (c) out.push(c);
  }
  for (const l of list(row.logons)) {
    const time = isoUtc(l.ts);
    if (time === null) continue;
    const c = classifyLogon({
      time,
      file: asString(l.file),
      recordId: asString(l.record_id),
      logonType: asString(l.logon_type),
      targetUserName: asString(l.user),
      targetDomainName: asString(l.domain),
      ipAddress: asString(l.ip),
      workstationName: asString(l.workstation),
    });
    if (c) out.push(c);
  }
  for (const s of list(row.service_installs)) {
    const time = isoUtc(s.ts);
    if (time === null) continue;
    const c = classifyServiceInstall({
      time,
      file: asString(s.file),
      recordId: asString(s.record_id),
      serviceName: asString(s.service),
      imagePath: asString(s.image),
      accountName: asString(s.account),
    });
    if (c) out.push(c);
  }
  return out;
}

function auditFactsOf(row: Row): AuditFacts {
  const security = Number(row.security_events ?? 0) > 0;
  const starts = Number(row.process_starts_before ?? 0);
  return {
    processStartsBefore: security ? starts : null,
    commandLineLogged: security && starts > 0 ? Number(row.command_lines_before ?? 0) > 0 : null,
    // said by the finding itself: the ABO window is not the culprit window
    aboTriggersInWindow: null,
    logonsBefore: security ? Number(row.interactive_logons_before ?? 0) : null,
    securityLogStart: isoUtc(row.security_log_start),
  };
}

const list = (v: unknown): Row[] => (Array.isArray(v) ? (v as Row[]) : []);
