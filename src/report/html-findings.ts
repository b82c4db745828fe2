/**
 * HTML for the findings section: one <article id="finding-N"> per finding, with its evidence
 * table linked to the timeline rows (`#tl-K`). Every model string is escaped with escapeHtml.
 */
import type { Evidence, Finding, ReportModel } from '../model/index.js';
import { formatDuration, formatLocal, formatUtc } from './format-time.js';
import { formatEvidenceGroup, groupEvidence } from './layout/evidence-groups.js';
import { referenceLink } from './references-view.js';
import { escapeHtml as esc } from './text-safety.js';
import { UNKNOWN_HOST, sourceKey } from './view-helpers.js';

export interface HtmlCtx {
  zone: string | null;
  numbers: ReadonlyMap<string, number>;
  /** sourceKey(file, recordId) → index of the timeline row. */
  timelineIndex: ReadonlyMap<string, number>;
}

export const hostText = (h: string | null): string => (h === null ? `<i>${UNKNOWN_HOST}</i>` : esc(h));

/** `<td class="time">UTC<br>local</td>`-style cell content for a time. */
export function timeCell(iso: string | null, zone: string | null): string {
  if (iso === null) return '—';
  const utc = `${esc(formatUtc(iso))}`;
  return zone ? `${utc}<br><span class="note">${esc(formatLocal(iso, zone))}</span>` : utc;
}

/** Every time-lined evidence row of a report mapped back to its timeline row index. */
export function indexTimeline(model: ReportModel): Map<string, number> {
  const map = new Map<string, number>();
  model.timeline.forEach((e, i) => {
    const key = sourceKey(e.file, e.recordId);
    if (key !== null && !map.has(key)) map.set(key, i);
  });
  return map;
}

/** The findings section. */
export function findingsSection(model: ReportModel, ctx: HtmlCtx): string {
  const body =
    model.findings.length === 0
      ? '<p>None. Nothing in these logs and artefacts points to an SSL binding or private-key incident.</p>'
      : model.findings.map((f, i) => findingArticle(f, i + 1, ctx)).join('\n');
  return `<section id="findings">\n<h2>Findings</h2>\n${body}\n</section>`;
}

function spanText(f: Finding, ctx: HtmlCtx): string {
  if (f.start === null && f.end === null) return 'configuration (no event time)';
  const duration = formatDuration(f.start, f.end);
  return (
    `<span class="mono">${timeCell(f.start, null)} → ${timeCell(f.end, null)} UTC</span>` +
    (ctx.zone
      ? `<br><span class="note">${esc(formatLocal(f.start, ctx.zone))} → ${esc(formatLocal(f.end, ctx.zone))} (${esc(ctx.zone)})</span>`
      : '') +
    (duration ? ` <span class="note">(${esc(duration)})</span>` : '')
  );
}

function list(items: readonly string[], ordered: boolean, render: (s: string) => string = esc): string {
  if (items.length === 0) return '<p class="note">None recorded.</p>';
  const tag = ordered ? 'ol' : 'ul';
  return `<${tag}>${items.map((s) => `<li>${render(s)}</li>`).join('')}</${tag}>`;
}

function reference(r: string): string {
  const link = referenceLink(r);
  return link ? `<a href="${esc(link.url)}" rel="noreferrer noopener">${esc(r)}</a>` : esc(r);
}

function findingArticle(f: Finding, n: number, ctx: HtmlCtx): string {
  const facts: Array<[string, string]> = [
    ['Host', hostText(f.host)],
    ['Kind', `<span class="mono">${esc(f.kind)}</span>`],
    ['Level', `<span class="badge level-${esc(f.level)}">${esc(f.level)}</span>`],
    ['Confidence', esc(f.confidence)],
    ['Occurrences', esc(String(f.occurrences))],
    ['Span', spanText(f, ctx)],
  ];
  if (f.endpoints.length > 0)
    facts.push(['Endpoints', f.endpoints.map((e) => `<span class="mono">${esc(e)}</span>`).join(', ')]);
  if (f.errorCode) facts.push(['Error code', `<span class="mono">${esc(f.errorCode)}</span>`]);
  facts.push(['Trigger', f.trigger === null ? '<span class="note">none identified</span>' : esc(f.trigger)]);
  facts.push(['Symptoms', f.symptoms.length > 0 ? list(f.symptoms, false) : '<span class="note">none</span>']);
  facts.push(['Cause', esc(f.cause)]);
  return [
    `<article class="finding level-border-${esc(f.level)}" id="finding-${n}">`,
    `<h3>${n}. ${esc(f.title)}</h3>`,
    `<dl class="facts">${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`,
    '<h4>Remedies</h4>',
    list(f.remedies, true),
    ...(f.references.length > 0 ? ['<h4>References</h4>', list(f.references, false, reference)] : []),
    `<h4>Evidence (${f.evidence.length} row(s); the JSON report lists every row)</h4>`,
    evidenceTable(f.evidence, n, ctx),
    '</article>',
  ].join('\n');
}

function evidenceTable(rows: readonly Evidence[], n: number, ctx: HtmlCtx): string {
  if (rows.length === 0) return '<p class="note">No evidence rows.</p>';
  const when = (iso: string): string => (ctx.zone ? formatLocal(iso, ctx.zone) : formatUtc(iso));
  const head = ['#', 'Role', 'Host', ctx.zone ? `Evidence (times ${esc(ctx.zone)})` : 'Evidence (times UTC)', 'File'];
  const body = groupEvidence(rows).map((g, i) => {
    const first = rows[g.rows[0]!]!;
    const key = sourceKey(first.file, first.recordId);
    const tl = key === null ? undefined : ctx.timelineIndex.get(key);
    const text = esc(formatEvidenceGroup(g, when));
    const cell = tl === undefined ? text : `<a href="#tl-${tl}" title="show on the timeline">${text}</a>`;
    return (
      `<tr id="finding-${n}-ev-${i + 1}"><td class="num">${i + 1}</td><td class="role-${esc(g.role)}">${esc(g.role)}</td>` +
      `<td>${hostText(g.host)}</td><td class="wrap">${cell}</td>` +
      `<td class="mono">${g.files.map(pathHtml).join('<br>') || '—'}</td></tr>`
    );
  });
  return `<table class="evidence"><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>\n${body.join('\n')}\n</tbody></table>`;
}

/** A path with a <wbr> after every / and \\ so long paths wrap at their separators. */
export function pathHtml(path: string): string {
  return esc(path).replace(/[\\/]/g, '$&<wbr>');
}
