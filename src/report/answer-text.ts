/**
 * Format-independent sentences of the answer block (layout/answer.ts): the outage window of an
 * endpoint, the failure window, the heading of an incident. The md and html renderers escape them.
 */
import type { FailureWindow, Incident, Missing, Outage } from './layout/answer-types.js';
import { formatDuration, formatLocal, formatUtc } from './format-time.js';

/** `2026-03-12 09:14:05.400 UTC` with the local time beside it when a zone is shown. */
export function whenText(iso: string | null, zone: string | null): string {
  if (iso === null) return '—';
  const utc = `${formatUtc(iso)} UTC`;
  return zone ? `${formatLocal(iso, zone)} (${utc})` : utc;
}

/** `0.0.0.0:443 on WEB01: down at …, re-created at … (1 h 28 min)` or `… still down at the end of the logs (…)`. */
export function outageText(o: Outage, zone: string | null): string {
  const where = `${o.endpoint}${o.host ? ` on ${o.host}` : ''}`;
  const down = `down at ${whenText(o.downAt, zone)}`;
  if (!o.stillDown && o.upAt !== null) {
    const d = formatDuration(o.downAt, o.upAt);
    return `${where}: ${down}, re-created at ${whenText(o.upAt, zone)}${d ? ` (down ${d})` : ''}`;
  }
  const end = o.logEnd ? ` (last event ${whenText(o.logEnd, zone)})` : '';
  return `${where}: ${down}, still down at the end of the logs${end}`;
}

/** `47 TLS failures on WEB01 from … to …`. */
export function failureText(f: FailureWindow, zone: string | null): string {
  const span =
    f.first === f.last
      ? `at ${whenText(f.first, zone)}`
      : `from ${whenText(f.first, zone)} to ${whenText(f.last, zone)}`;
  return `${f.count} failure event(s)${f.host ? ` on ${f.host}` : ''} ${span}`;
}

/** Incident heading: `WEB01.contoso.local · critical · ABO mapper` (the level left out with `withLevel` false). */
export function incidentLabel(inc: Incident, withLevel = true): string {
  const family =
    inc.family === 'abo-mapper'
      ? 'ABO mapper'
      : inc.family === 'private-key'
        ? 'private key'
        : inc.family === 'binding'
          ? 'SSL binding'
          : 'finding';
  return [inc.host ?? '(unknown host)', ...(withLevel ? [inc.level] : []), family].join(' · ');
}

/**
 * The outage lines of an incident: every outage when an endpoint has at most `perEndpoint`, else
 * one line per endpoint and host with the count, the span, the longest, and the last outage.
 */
export function outageLines(
  outages: readonly Outage[],
  zone: string | null,
  perEndpoint = 2,
): Array<{ text: string; stillDown: boolean }> {
  const groups = new Map<string, Outage[]>();
  for (const o of outages) {
    const key = `${o.host ?? ''}\u0000${o.endpoint}`;
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  const out: Array<{ text: string; stillDown: boolean }> = [];
  for (const list of groups.values()) {
    if (list.length <= perEndpoint) {
      for (const o of list) out.push({ text: outageText(o, zone), stillDown: o.stillDown });
      continue;
    }
    const last = list[list.length - 1]!;
    const longest = Math.max(...list.map((o) => durationMs(o.downAt, o.upAt ?? o.logEnd)));
    const where = `${last.endpoint}${last.host ? ` on ${last.host}` : ''}`;
    const lastText = outageText(last, zone).slice(where.length + 2);
    out.push({
      text:
        `${where}: ${list.length} outages from ${whenText(list[0]!.downAt, zone)}` +
        `${Number.isFinite(longest) && longest > 0 ? `, the longest ${formatDuration('1970-01-01T00:00:00Z', new Date(longest).toISOString())}` : ''}; the last ${lastText}`,
      stillDown: last.stillDown,
    });
  }
  return out;
}

function durationMs(a: string, b: string | null): number {
  if (b === null) return Number.NaN;
  return Date.parse(b.replace(/(\.\d{3})\d*Z$/, '$1Z')) - Date.parse(a.replace(/(\.\d{3})\d*Z$/, '$1Z'));
}

/**
 * The incident's missing values grouped by the artefact to collect: `what; what: collect`. Values
 * that differ only by their endpoint are named once with their endpoints (`… to bind to A, B`).
 */
export function missingLines(missing: readonly Missing[]): string[] {
  const byCollect = new Map<string, string[]>();
  for (const m of missing) {
    const list = byCollect.get(m.collect) ?? [];
    if (!list.includes(m.what)) list.push(m.what);
    byCollect.set(m.collect, list);
  }
  return [...byCollect].map(([collect, whats]) => `${joinByEndpoint(whats).join('; ')}: ${collect}`);
}

/** A trailing endpoint: `0.0.0.0:443`, `[::]:443`, `www.contoso.com:443`, `ccs:443`. */
const TRAILING_ENDPOINT = /^(.*\S) ((?:\[[0-9A-Fa-f:.%]+\]|[^\s:[\]]+):\d{1,5})$/;

function joinByEndpoint(whats: readonly string[]): string[] {
  const byStem = new Map<string, string[]>();
  const out: (string | { stem: string })[] = [];
  for (const w of whats) {
    const m = TRAILING_ENDPOINT.exec(w);
    if (!m) {
      out.push(w);
      continue;
    }
    const endpoints = byStem.get(m[1]!);
    if (endpoints) endpoints.push(m[2]!);
    else {
      byStem.set(m[1]!, [m[2]!]);
      out.push({ stem: m[1]! });
    }
  }
  return out.map((o) => (typeof o === 'string' ? o : `${o.stem} ${byStem.get(o.stem)!.join(', ')}`));
}
