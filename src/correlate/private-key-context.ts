/**
 * The context of a host's 36870 bursts that decides between the knowledge base's causes: reboot
 * before the first failure (seed 001: key left in the user store shows after a reboot), binding
 * change before it (seed 003: broken keyset at binding time), binding change after which the failures
 * stop (seed 002: corrupt certificate replaced), 5061 key containers and certutil key properties.
 */
import type { Row } from '../store/run-query.js';
import { asString, asStrings, type EventRef } from './evidence.js';
import { epochMs } from './time.js';

/** "Right after a reboot": the first failure within this time of the boot (first handshake after start-up). */
export const AFTER_BOOT_MS = 30 * 60_000;
/** "At binding time": the first failure within this time of the binding change. */
export const AFTER_BINDING_MS = 10 * 60_000;

export interface KeyContext {
  /** Time from the reboot to the first failure, when the failures start right after a reboot. */
  afterReboot: string | null;
  /** Time from the binding change to the first failure, when they start right after it. */
  atBindingTime: string | null;
  /** The failures stopped after a binding change (certificate replaced). */
  recovered: boolean;
  keyNames: string[];
  noPrivateKey: boolean;
  keySpecSignature: boolean;
  notExportable: boolean;
  states: string[];
  endpoints: string[];
  facts: string[];
  trigger: { ref: EventRef; label: string } | null;
  recoveries: (EventRef & { kind?: unknown; endpoint?: unknown })[];
  certificates: Row[];
}

export function keyContext(bursts: Row[]): KeyContext {
  const first = bursts[0]!;
  const last = bursts[bursts.length - 1]!;
  const firstMs = epochMs(String(first.first_ts));
  const reboot = (first.reboot ?? null) as Row | null;
  const before = (first.binding_before ?? null) as Row | null;
  const rebootMs = reboot ? epochMs(String(reboot.ts)) : null;
  const beforeMs = before ? epochMs(String(before.ts)) : null;
  const afterReboot =
    rebootMs !== null && firstMs - rebootMs <= AFTER_BOOT_MS && (beforeMs === null || beforeMs < rebootMs)
      ? duration(firstMs - rebootMs)
      : null;
  const atBindingTime =
    beforeMs !== null && firstMs - beforeMs <= AFTER_BINDING_MS && (rebootMs === null || rebootMs < beforeMs)
      ? duration(firstMs - beforeMs)
      : null;
  const after = (Array.isArray(last.binding_after) ? last.binding_after : []) as Row[];
  const recovered = after.some((r) => r.kind === 'binding_created') && Number(last.failures_later ?? 0) === 0;
  const keyNames = [...new Set(bursts.flatMap((b) => asStrings(b.key_names)))].sort();
  const certificates = relevantCertificates((Array.isArray(first.certificates) ? first.certificates : []) as Row[]);
  const keyFailures = bursts.reduce((n, b) => n + Number(b.key_failure_count ?? 0), 0);
  const callers = [...new Set(bursts.flatMap((b) => asStrings(b.callers)))];
  const facts: string[] = [];
  if (keyFailures > 0)
    facts.push(
      `${keyFailures} Security 5061 cryptographic operation failure(s) with the same code${keyNames.length ? `, key container ${keyNames.join(', ')}` : ''}`,
    );
  if (callers.length) facts.push(`calling process: ${callers.join(', ')}`);
  if (recovered) facts.push('the failures stopped after the SSL binding was deleted and re-created');
  return {
    afterReboot,
    atBindingTime,
    recovered,
    keyNames,
    noPrivateKey: certificates.some((c) => c.has_private_key === false),
    keySpecSignature: certificates.some((c) => Number(c.key_spec) === 2),
    notExportable: certificates.some((c) => c.exportable === false),
    states: [...new Set(bursts.flatMap((b) => asStrings(b.error_states)))],
    endpoints: [
      ...new Set(
        [before?.endpoint, ...after.map((r) => r.endpoint)].map(asString).filter((e): e is string => e !== null),
      ),
    ].sort(),
    facts,
    trigger:
      afterReboot && reboot
        ? {
            ref: reboot as unknown as EventRef,
            label: `reboot (${asString(reboot.provider) ?? 'EventLog'} ${asString(reboot.event_id)})`,
          }
        : atBindingTime && before
          ? {
              ref: before as unknown as EventRef,
              label:
                `${asString(before.event_id)} SSL binding ${before.kind === 'binding_created' ? 'created' : 'deleted'} ${asString(before.endpoint) ?? ''}`.trim(),
            }
          : null,
    recoveries: recovered ? (after as never[]) : [],
    certificates,
  };
}

/** The bound certificates when the bindings are known, else every certificate of the host. */
function relevantCertificates(certs: Row[]): Row[] {
  const bound = certs.filter((c) => c.bound === true);
  return bound.length ? bound : certs;
}

function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 120) return `${s} s`;
  const m = Math.round(s / 60);
  return m < 120 ? `${m} min` : `${Math.round(m / 60)} h`;
}
