/**
 * ABO-mapper chain (seeds 000/001, KB 2025598): a trigger that starts the IIS 6 ABO mapper, then the
 * HTTP.sys SSL binding of an endpoint deleted (15300/119) and either never re-created, or re-created
 * (15301) and followed by SSL failures. The joins are in queries/ssl/abo-binding-chains.sql; this
 * module turns its rows into findings.
 */
import { lookupErrorCode } from '../knowledge/error-codes.js';
import { findingList, findingReferences, findingText } from '../knowledge/finding-texts.js';
import type { Row } from '../store/run-query.js';
import type { Confidence, Evidence, Finding } from '../model/index.js';
import { asString, asStrings, eventEvidence, evidenceSpan, sortEvidence } from './evidence.js';

type ChainKind = 'abo-binding-deleted' | 'abo-binding-rebound';

/** A chain row is a finding candidate unless the binding was re-created and nothing failed after. */
export function chainKind(row: Row): ChainKind | null {
  if (row.recreated_ts === null || row.recreated_ts === undefined) return 'abo-binding-deleted';
  return Number(row.failures ?? 0) > 0 ? 'abo-binding-rebound' : null;
}

export function triggerLabel(row: Row): string {
  const name = asString(row.trigger_name) ?? '?';
  switch (row.trigger_type) {
    case 'service':
      return `${name} service entered running (7036)`;
    case 'process':
      return `${name} started (4688)`;
    default:
      return `boot (${asString(row.trigger_provider) ?? 'EventLog'} ${asString(row.trigger_event_id) ?? ''})`.replace(
        ' )',
        ')',
      );
  }
}

/** Findings from the rows of `abo-binding-chains`, one per host and chain kind. */
export function aboFindings(rows: Row[]): Finding[] {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const kind = chainKind(row);
    if (kind === null) continue;
    const key = `${kind}\u0000${asString(row.host) ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.entries()].map(([key, group]) => buildFinding(key.split('\u0000')[0] as ChainKind, group));
}

function buildFinding(kind: ChainKind, rows: Row[]): Finding {
  const host = asString(rows[0]!.host);
  const endpoints = [...new Set(rows.map((r) => asString(r.endpoint) ?? '(endpoint unknown)'))].sort();
  const triggers = new Map<string, Row>();
  for (const r of rows) triggers.set(`${asString(r.trigger_file)}|${asString(r.trigger_record_id)}`, r);
  const evidence: Evidence[] = [];
  const failureCodes = new Set<string>();
  let failures = 0;
  for (const r of rows) evidence.push(...chainEvidence(r, host));
  for (const r of rows) {
    failures += Number(r.failures ?? 0);
    for (const c of asStrings(r.failure_codes)) failureCodes.add(c);
  }
  const occurrences = triggers.size;
  const labels = countLabels([...triggers.values()].map(triggerLabel));
  const sorted = sortEvidence(evidence);
  const span = evidenceSpan(sorted);
  const codes = [...failureCodes].sort();
  const where = endpoints.join(', ');
  return {
    id: `${kind}:${host ?? '-'}:${where}`,
    kind,
    level: kind === 'abo-binding-deleted' ? 'critical' : 'high',
    host,
    confidence: confidenceOf(occurrences, [...triggers.values()], codes),
    title: findingText(kind, 'title', { endpoints }),
    start: span.start,
    end: span.end,
    endpoints,
    // the 36870 codes after the chain are symptoms (listed in `symptoms`), not the finding's code
    errorCode: null,
    trigger: labels,
    symptoms: symptomsOf(kind, rows, endpoints, failures, codes),
    cause: findingText(kind, 'cause', { triggers: labels, endpoints }),
    remedies: findingList(kind, 'remedies', { endpoints }),
    references: [...findingReferences(kind), ...codes.flatMap((c) => errorCodeReference(kind, c))],
    evidence: sorted,
    occurrences,
  };
}

function chainEvidence(r: Row, host: string | null): Evidence[] {
  const endpoint = asString(r.endpoint) ?? '(endpoint unknown)';
  const out: Evidence[] = [
    eventEvidence(
      {
        ts: r.trigger_ts,
        file: r.trigger_file,
        record_id: r.trigger_record_id,
        event_id: r.trigger_event_id,
        provider: r.trigger_provider,
      },
      host,
      'trigger',
      triggerLabel(r),
    ),
    eventEvidence(
      {
        ts: r.deleted_ts,
        file: r.deleted_file,
        record_id: r.deleted_record_id,
        event_id: r.deleted_event_id,
        provider: r.deleted_provider,
      },
      host,
      'symptom',
      `${asString(r.deleted_event_id)} SSL binding deleted ${endpoint}`,
    ),
  ];
  if (r.recreated_ts !== null && r.recreated_ts !== undefined) {
    out.push(
      eventEvidence(
        {
          ts: r.recreated_ts,
          file: r.recreated_file,
          record_id: r.recreated_record_id,
          event_id: r.recreated_event_id,
          provider: 'Microsoft-Windows-HttpEvent',
        },
        host,
        'symptom',
        `15301 SSL binding re-created ${endpoint}`,
      ),
    );
  }
  for (const f of (Array.isArray(r.failure_events) ? r.failure_events : []) as Row[]) {
    const provider = Number(f.event_id) === 15021 ? 'Microsoft-Windows-HttpEvent' : 'Schannel';
    out.push(
      eventEvidence(
        { ts: f.ts, file: f.file, record_id: f.record_id, event_id: f.event_id, provider },
        host,
        'symptom',
        failureLabel(f, endpoint),
      ),
    );
  }
  return out;
}

function failureLabel(f: Row, endpoint: string): string {
  const code = asString(f.error_code);
  switch (Number(f.event_id)) {
    case 36870:
      return `36870 private key error ${code ?? '?'}${f.error_name ? ` ${asString(f.error_name)}` : ''}`;
    case 36887:
      return `36887 fatal alert ${asString(f.alert) ?? '?'} received: the client rejected the certificate`;
    default:
      return `${asString(f.event_id)} SSL configuration error ${endpoint}`;
  }
}

/** Repeats across triggers raise confidence; an admin trigger and the 0x80092004 symptom add to it. */
function confidenceOf(occurrences: number, triggers: Row[], codes: string[]): Confidence {
  let score = occurrences >= 2 ? 2 : 0;
  if (triggers.some((t) => t.trigger_type !== 'boot')) score += 1;
  if (codes.includes('0x80092004')) score += 1;
  return score >= 2 ? 'high' : score === 1 ? 'medium' : 'low';
}

function countLabels(labels: string[]): string {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return [...counts.entries()].map(([l, n]) => (n > 1 ? `${l} ×${n}` : l)).join('; ');
}

function symptomsOf(kind: ChainKind, rows: Row[], endpoints: string[], failures: number, codes: string[]): string[] {
  const out: string[] = [];
  for (const ep of endpoints) {
    const n = rows.filter((r) => (asString(r.endpoint) ?? '(endpoint unknown)') === ep).length;
    out.push(
      kind === 'abo-binding-deleted'
        ? `${ep}: SSL binding deleted ${n}× within the window after a trigger, never re-created (15300/119 without 15301)`
        : `${ep}: SSL binding deleted and re-created ${n}× after a trigger (15300 + 15301), SSL failures after the re-create`,
    );
  }
  if (failures > 0) {
    const names = codes.map((c) => `${c}${lookupErrorCode(c) ? ` ${lookupErrorCode(c)!.name}` : ''}`);
    out.push(
      `${failures} SSL failure(s) after the chain (Schannel 36870/36887, HttpEvent 15021)${names.length ? `; 36870 error codes: ${names.join(', ')}` : ''}`,
    );
  }
  return out;
}

function errorCodeReference(kind: ChainKind, code: string): string[] {
  const entry = lookupErrorCode(code);
  return entry ? [findingText(kind, 'errorCodeReference', { code, name: entry.name, text: entry.text })] : [];
}
