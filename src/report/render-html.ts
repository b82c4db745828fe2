/**
 * HTML incident report: one self-contained file (inline CSS and SVG, no script, no external
 * resource), readable offline and printable. A Content-Security-Policy meta forbids script and
 * every load except data: images, so even an escaping bug could not run code. Every string from
 * the model (logs and artefacts are attacker-controlled) is escaped with escapeHtml.
 */
import { LEVELS, type FileSummary, type HostSummary, type ReportModel, type TimelineEntry } from '../model/index.js';
import { damageBannerHtml } from './damage-banner.js';
import { answerSection } from './answer-html.js';
import { formatUtc } from './format-time.js';
import { findingsSection, hostText, indexTimeline, pathHtml, timeCell } from './html-findings.js';
import type { HtmlCtx } from './html-findings.js';
import { REPORT_CSS } from './html-style.js';
import { timelineSection } from './html-timeline.js';
import { tocEntries } from './layout/sort.js';
import { renderZone, type RenderOptions } from './render-md.js';
import { inReportOrder, reportAnswer } from './report-answer.js';
import { escapeHtml as esc } from './text-safety.js';
import { eventLabel, findingNumbers, findingRefs, timelineByHost } from './view-helpers.js';

/** Rows of the events table per host; the rest are in the JSON report. */
export const MAX_EVENT_ROWS_PER_HOST = 2000;

/** The Content-Security-Policy the report carries in a <meta http-equiv>. */
export const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** Render the report as one self-contained HTML document. Throws UsageError for an unknown zone. */
export function renderHtml(input: ReportModel, options: RenderOptions = {}): string {
  const model = inReportOrder(input);
  const ctx: HtmlCtx = {
    zone: renderZone(options, model.timeZone),
    numbers: findingNumbers(model.findings),
    timelineIndex: indexTimeline(model),
  };
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${esc(`${model.tool.name} ${model.tool.version}`)}">`,
    `<title>bindtrail incident report: ${esc(model.summary.headline)}</title>`,
    `<style>\n${REPORT_CSS}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    header(model),
    answerSection(reportAnswer(model), model.summary.headline, ctx.numbers, ctx.zone),
    damageBannerHtml(model),
    nav(model),
    summarySection(model, ctx),
    timelineSection(model, ctx.zone, ctx.numbers),
    findingsSection(model, ctx),
    timelineTables(model, ctx),
    appendix(model),
    `<footer>Generated ${esc(formatUtc(model.generatedAt))} UTC by ${esc(model.tool.name)} ${esc(model.tool.version)}, report schema ${esc(String(model.schemaVersion))}. This file loads nothing and runs no script.</footer>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function header(model: ReportModel): string {
  const incident = model.summary.verdict === 'incident';
  return [
    '<header>',
    `<h1>bindtrail incident report <span class="verdict verdict-${incident ? 'incident' : 'no-incident'}">${incident ? 'Incident' : 'No incident found'}</span></h1>`,
    `<p class="headline">${esc(model.summary.headline)}</p>`,
    '</header>',
  ].join('\n');
}

function nav(model: ReportModel): string {
  const entries = tocEntries(model.findings);
  const items = [
    '<li><a href="#answer">What happened and what to do now</a></li>',
    '<li><a href="#summary">Executive summary</a></li>',
    '<li><a href="#timeline">Timeline</a></li>',
    `<li><a href="#findings">Findings</a>${
      entries.length > 0
        ? `<ol>${entries
            .map(
              (e) =>
                `<li><a href="#${e.anchor}">${esc(e.title)}</a> <span class="badge level-${esc(e.level)}">${esc(e.level)}</span> <span class="note">${hostText(e.host)}</span></li>`,
            )
            .join('')}</ol>`
        : ''
    }</li>`,
    '<li><a href="#events">Events per host</a></li>',
    '<li><a href="#appendix">Appendix: files</a></li>',
  ];
  return `<nav aria-label="Contents"><h2>Contents</h2><ol>${items.join('')}</ol></nav>`;
}

function summarySection(model: ReportModel, ctx: HtmlCtx): string {
  const s = model.summary;
  const card = (label: string, value: string, cls = ''): string =>
    `<div class="card ${cls}"><b>${value}</b>${label}</div>`;
  const levelCards = LEVELS.map((l) =>
    card(`<span class="badge level-${l}">${l}</span>`, esc(String(s.findingsByLevel[l] ?? 0))),
  );
  return [
    '<section id="summary">',
    '<h2>Executive summary</h2>',
    `<p class="meta">Generated ${esc(formatUtc(model.generatedAt))} UTC · times in UTC${ctx.zone ? `, local time in ${esc(ctx.zone)}` : ''}</p>`,
    `<div class="cards">${card('hosts', esc(String(s.hosts)))}${card('events', esc(String(s.events)))}${card('files', esc(String(s.files)))}${card('findings', esc(String(model.findings.length)))}</div>`,
    `<div class="cards">${levelCards.join('')}</div>`,
    '<h3>Hosts</h3>',
    hostsTable(model.hosts, ctx),
    '</section>',
  ].join('\n');
}

function table(head: readonly string[], rows: readonly string[], cls: string): string {
  return `<table class="${cls}"><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function hostsTable(hosts: readonly HostSummary[], ctx: HtmlCtx): string {
  if (hosts.length === 0) return '<p class="note">No host.</p>';
  const rows = hosts.map(
    (h) =>
      `<tr><td>${hostText(h.host)}</td><td class="num">${esc(String(h.events))}</td><td class="time">${timeCell(h.firstTime, ctx.zone)}</td>` +
      `<td class="time">${timeCell(h.lastTime, ctx.zone)}</td><td class="num">${esc(String(h.findings))}</td></tr>`,
  );
  return table(['Host', 'Events', 'First event', 'Last event', 'Findings'], rows, 'hosts');
}

function filesTable(files: readonly FileSummary[]): string {
  if (files.length === 0) return '<p class="note">No file.</p>';
  const rows = files.map(
    (f) =>
      `<tr><td class="mono">${pathHtml(f.path)}</td><td>${esc(f.kind)}</td><td>${f.hosts.map(esc).join(', ') || '—'}</td>` +
      `<td class="num">${esc(String(f.records))}</td><td class="num">${esc(String(f.warnings))}</td><td class="num">${esc(String(f.errors))}</td>` +
      `<td class="time">${timeCell(f.firstTime, null)}</td><td class="time">${timeCell(f.lastTime, null)}</td>` +
      `<td class="mono wrap">${esc(f.sha256)}</td></tr>`,
  );
  return table(
    ['File', 'Kind', 'Hosts', 'Records', 'Warnings', 'Errors', 'First (UTC)', 'Last (UTC)', 'SHA-256'],
    rows,
    'files',
  );
}

function appendix(model: ReportModel): string {
  return ['<section id="appendix">', '<h2>Appendix: files</h2>', filesTable(model.files), '</section>'].join('\n');
}

function timelineTables(model: ReportModel, ctx: HtmlCtx): string {
  const index = new Map<TimelineEntry, number>(model.timeline.map((e, i) => [e, i]));
  const groups = timelineByHost(model);
  const blocks = groups.map((g) => {
    const shown = g.entries.slice(0, MAX_EVENT_ROWS_PER_HOST);
    const rows = shown.map((e) => {
      const refs = findingRefs(e.findingIds, ctx.numbers).map((n) => `<a href="#finding-${n}">#${n}</a>`);
      return (
        `<tr id="tl-${index.get(e) ?? 0}"><td class="time">${timeCell(e.time, ctx.zone)}</td><td class="role-${esc(e.role)}">${esc(e.role)}</td>` +
        `<td>${esc(eventLabel(e.provider, e.eventId))}</td><td class="mono">${e.recordId === null ? '—' : esc(e.recordId)}</td>` +
        `<td class="mono">${pathHtml(e.file)}</td><td class="wrap">${esc(e.summary)}</td><td>${refs.join(' ') || '—'}</td></tr>`
      );
    });
    const head = [
      ctx.zone ? `Time (UTC / ${esc(ctx.zone)})` : 'Time (UTC)',
      'Role',
      'Event',
      'Record id',
      'File',
      'Summary',
      'Findings',
    ];
    const more = g.entries.length - shown.length;
    const note = more > 0 ? `\n<p class="note">${more} more row(s) of this host are in the JSON report.</p>` : '';
    return `<h3>${hostText(g.host)}</h3>\n${table(head, rows, 'timeline-table')}${note}`;
  });
  const body = blocks.length > 0 ? blocks.join('\n') : '<p class="note">No event on the timeline.</p>';
  return `<section id="events">\n<h2>Events per host</h2>\n${body}\n</section>`;
}
