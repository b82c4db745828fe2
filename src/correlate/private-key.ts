/**
 * Schannel 36870 private key failures (seeds 001–003): bursts per host and error code from
 * queries/ssl/private-key-failure-bursts.sql; the error code goes through the knowledge base and
 * the context of the bursts chooses between its causes.
 */
import { lookupErrorCode, type CauseEntry, type ErrorCodeEntry } from '../knowledge/error-codes.js';
import { findingList, findingReferences, findingText } from '../knowledge/finding-texts.js';
import type { Row } from '../store/run-query.js';
import type { Confidence, Evidence, Finding } from '../model/index.js';
import { asString, eventEvidence, evidenceSpan, sortEvidence } from './evidence.js';
import { keyContext, type KeyContext } from './private-key-context.js';

const KIND = 'private-key-failure';

export interface Chosen {
  causes: CauseEntry[];
  confidence: Confidence;
  /** What in the context decided it, for the finding's symptoms. */
  because: string[];
  alternatives: CauseEntry[];
}

/** Findings from `private-key-failure-bursts` rows, one per host and error code. */
export function privateKeyFindings(rows: Row[]): Finding[] {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = `${asString(row.host) ?? ''}\u0000${asString(row.error_code) ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()].map(buildFinding);
}

function buildFinding(bursts: Row[]): Finding {
  const first = bursts[0]!;
  const host = asString(first.host);
  const code = asString(first.error_code);
  const entry = lookupErrorCode(code);
  const ctx = keyContext(bursts);
  const chosen = chooseCause(entry, ctx);
  const name = entry?.name ?? asString(first.error_name);
  const named = { code, name: name || null };
  const evidence = sortEvidence(evidenceOf(bursts, ctx, host, code, name));
  const span = evidenceSpan(evidence);
  const total = bursts.reduce((n, b) => n + Number(b.failures ?? 0), 0);
  return {
    id: `private-key-failure:${host ?? '-'}:${code ?? 'unknown'}`,
    kind: KIND,
    level: ctx.recovered ? 'medium' : 'high',
    host,
    confidence: chosen.confidence,
    title: findingText(KIND, 'title', named),
    start: span.start,
    end: span.end,
    // 36870 names no endpoint; the binding changes around it are in the evidence and symptoms
    endpoints: [],
    errorCode: code,
    trigger: ctx.trigger?.label ?? null,
    symptoms: [
      `${total} Schannel 36870 with ${code ?? 'no error code'}${entry ? ` (${entry.name}: ${entry.text})` : ''} in ${bursts.length} burst(s)` +
        (ctx.states.length ? `, internal error state ${ctx.states.join(', ')}` : ''),
      ...ctx.facts,
      ...(ctx.endpoints.length ? [`SSL binding changes around the failures: ${ctx.endpoints.join(', ')}`] : []),
      ...chosen.because,
    ],
    cause: chosen.causes.length
      ? chosen.causes
          .map((c, i) => (i === 0 ? c.summary : findingText(KIND, 'alsoCause', { summary: c.summary })))
          .join(' ')
      : findingText(KIND, 'unknownCodeCause', named),
    remedies: remediesOf(chosen, entry, code),
    references: [...(entry?.references ?? []), ...findingReferences(KIND)],
    evidence,
    occurrences: bursts.length,
  };
}

function remediesOf(chosen: Chosen, entry: ErrorCodeEntry | undefined, code: string | null): string[] {
  const out = chosen.causes.flatMap((c) => c.remedies);
  if (chosen.confidence !== 'high') {
    for (const alt of chosen.alternatives)
      out.push(findingText(KIND, 'alternativeRemedy', { summary: alt.summary, remedies: alt.remedies.join(' ') }));
  }
  if (out.length === 0) out.push(...findingList(KIND, 'genericRemedies', {}));
  if (entry === undefined) out.push(...findingList(KIND, 'unknownCodeRemedies', { code }));
  return [...new Set(out)];
}

/** The knowledge-base causes the context supports, strongest first. */
export function chooseCause(entry: ErrorCodeEntry | undefined, ctx: KeyContext): Chosen {
  if (!entry) return { causes: [], confidence: 'low', because: [], alternatives: [] };
  const byId = (id: string): CauseEntry | undefined => entry.causes.find((c) => c.id === id);
  const pick = (ids: string[], confidence: Confidence, because: string[]): Chosen => {
    const causes = ids.map(byId).filter((c): c is CauseEntry => c !== undefined);
    return { causes, confidence, because, alternatives: entry.causes.filter((c) => !causes.includes(c)) };
  };
  switch (entry.code) {
    case '0x80090016':
      if (ctx.afterReboot) {
        const strong = ctx.keyNames.length > 0 || ctx.noPrivateKey;
        return pick(['keyset-left-in-user-store'], strong ? 'high' : 'medium', [
          `the first failure came ${ctx.afterReboot} after a reboot, with no binding change in between: the key worked until the cached credential was dropped`,
        ]);
      }
      if (ctx.noPrivateKey)
        return pick(['private-key-missing'], 'medium', ['certutil shows the certificate without a private key']);
      return pick(['machinekeys-permissions', 'keyset-left-in-user-store'], 'low', [
        'no reboot or binding change explains the first failure',
      ]);
    case '0x8009030D': {
      const ids: string[] = [];
      const because: string[] = [];
      if (ctx.keySpecSignature) {
        ids.push('keyspec-signature');
        because.push("certutil: the certificate's key has KeySpec = 2 (AT_SIGNATURE)");
      }
      if (ctx.notExportable) {
        ids.push('key-not-exportable');
        because.push('certutil: the private key is not exportable');
      }
      if (ids.length) return pick(ids, 'high', because);
      if (ctx.atBindingTime && !ctx.afterReboot) {
        return pick(['key-not-exportable'], ctx.states.includes('10001') ? 'high' : 'medium', [
          `the first failure came ${ctx.atBindingTime} after the binding was added or changed, with no reboot before it`,
        ]);
      }
      return pick(['machinekeys-permissions'], 'low', [
        'no binding change or certificate detail explains the failures',
      ]);
    }
    case '0x8009001A':
      if (ctx.recovered) {
        return pick(['corrupt-certificate-key'], 'high', [
          'the failures stopped after the binding was deleted and re-created (certificate replaced)',
        ]);
      }
      return pick(['corrupt-certificate-key'], 'medium', []);
    default:
      return pick(
        entry.causes.slice(0, 1).map((c) => c.id),
        'medium',
        [],
      );
  }
}

function evidenceOf(
  bursts: Row[],
  ctx: KeyContext,
  host: string | null,
  code: string | null,
  name: string | null,
): Evidence[] {
  const out: Evidence[] = [];
  if (ctx.trigger) out.push(eventEvidence(ctx.trigger.ref, host, 'trigger', ctx.trigger.label));
  for (const b of bursts) {
    for (const f of (Array.isArray(b.failure_events) ? b.failure_events : []) as Row[]) {
      out.push(
        eventEvidence(
          { ...f, event_id: 36870, provider: 'Schannel' } as never,
          host,
          'symptom',
          `36870 private key error ${code ?? '?'}${name ? ` ${name}` : ''}`,
        ),
      );
    }
    for (const k of (Array.isArray(b.key_failures) ? b.key_failures : []) as Row[]) {
      const key = asString(k.key_name);
      out.push(
        eventEvidence(
          { ...k, event_id: 5061, provider: 'Microsoft-Windows-Security-Auditing' } as never,
          host,
          'symptom',
          `5061 cryptographic operation failed ${code ?? ''}${key ? ` key ${key}` : ''}`.replace('  ', ' '),
        ),
      );
    }
  }
  for (const r of ctx.recoveries)
    out.push(
      eventEvidence(
        r,
        host,
        'recovery',
        `${asString(r.event_id)} SSL binding ${r.kind === 'binding_created' ? 'created' : 'deleted'} ${asString(r.endpoint) ?? ''}`.trim(),
      ),
    );
  for (const c of ctx.certificates) {
    out.push({
      file: asString(c.file) ?? '',
      recordId: null,
      time: null,
      host,
      role: 'configuration',
      summary: `certificate ${asString(c.thumbprint)}: private key ${c.has_private_key === false ? 'missing' : c.has_private_key ? 'present' : 'unknown'}, KeySpec ${asString(c.key_spec) ?? '?'}, exportable ${c.exportable === null || c.exportable === undefined ? '?' : c.exportable ? 'yes' : 'no'}${c.key_container ? `, container ${asString(c.key_container)}` : ''}`,
    });
  }
  return out;
}
