/**
 * Markdown incident report (GFM tables). Every string taken from the model goes through
 * escapeMarkdown: it renders as literal text, never as markup or raw HTML.
 */
import {
  LEVELS,
  type Evidence,
  type FileSummary,
  type Finding,
  type HostSummary,
  type ReportModel,
  type TimelineEntry,
} from '../model/index.js';
import { damageBannerMarkdown } from './damage-banner.js';
import { formatBoth, formatDuration, formatLocal, formatUtc, resolveDisplayZone } from './format-time.js';
import { answerMarkdown } from './answer-md.js';
import { groupEvidence, formatEvidenceGroup } from './layout/evidence-groups.js';
import { tocEntries } from './layout/sort.js';
import { referenceLink } from './references-view.js';
import { inReportOrder, reportAnswer } from './report-answer.js';
import { escapeMarkdown as md } from './text-safety.js';
import { UNKNOWN_HOST, eventLabel, findingNumbers, findingRefs, timelineByHost } from './view-helpers.js';

export interface RenderOptions {
  /** Display zone already resolved (the CLI's `--tz`); null = UTC only. When given, `timeZone` and the model's zone are not read. */
  zone?: string | null;
  /** IANA zone for local times beside UTC; defaults to the model's `timeZone` (UTC = none). */
  timeZone?: string;
}

/** The zone a renderer shows local times in: `zone` as given, else `timeZone` or the model's, resolved. */
export function renderZone(options: RenderOptions, modelZone: string): string | null {
  return options.zone !== undefined ? options.zone : resolveDisplayZone(options.timeZone, modelZone);
}

interface Ctx {
  zone: string | null;
  numbers: Map<string, number>;
}

/** Render the report as Markdown (GitHub-flavoured tables). Throws UsageError for an unknown zone. */
export function renderMarkdown(input: ReportModel, options: RenderOptions = {}): string {
  const model = inReportOrder(input);
  const ctx: Ctx = { zone: renderZone(options, model.timeZone), numbers: findingNumbers(model.findings) };
  const blocks = [
    '# bindtrail incident report',
    answerMarkdown(reportAnswer(model), model.summary.headline, ctx.numbers, ctx.zone),
    damageBannerMarkdown(model),
    contents(model),
    summary(model, ctx),
    findings(model, ctx),
    timeline(model, ctx),
    appendix(model, ctx),
  ];
  return (
    blocks
      .join('\n\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

const host = (h: string | null): string => (h === null ? UNKNOWN_HOST : md(h));
const utcHead = 'Time (UTC)';
const localHead = (zone: string): string => `Local time (${md(zone)})`;

function contents(model: ReportModel): string {
  const items = tocEntries(model.findings).map(
    (e) => `   ${e.number}. [${md(e.title)}](#${e.anchor}) — ${md(e.level)}, ${host(e.host)}`,
  );
  return [
    '## Contents',
    '',
    '- [What happened and what to do now](#what-happened-and-what-to-do-now)',
    '- [Executive summary](#executive-summary)',
    `- [Findings](#findings)${items.length > 0 ? `\n${items.join('\n')}` : ''}`,
    '- [Timeline](#timeline)',
    '- [Appendix: files](#appendix-files)',
  ].join('\n');
}

function appendix(model: ReportModel, ctx: Ctx): string {
  const zoneNote = ctx.zone ? `; local times in ${md(ctx.zone)}` : '';
  return [
    '## Appendix: files',
    '',
    filesTable(model.files),
    '',
    `Generated ${formatUtc(model.generatedAt)} UTC by ${md(model.tool.name)} ${md(model.tool.version)} ` +
      `(report schema ${model.schemaVersion}). Times are UTC${zoneNote}.`,
  ].join('\n');
}

function summary(model: ReportModel, ctx: Ctx): string {
  const s = model.summary;
  const verdict = s.verdict === 'incident' ? '**Verdict: incident**' : '**Verdict: no incident found**';
  const levels = table(
    ['Level', 'Findings'],
    LEVELS.map((l) => [l, String(s.findingsByLevel[l] ?? 0)]),
  );
  const list =
    model.findings.length > 0
      ? ''
      : 'No finding: nothing in these logs and artefacts points to an SSL binding or private-key incident.';
  return [
    '## Executive summary',
    '',
    `${verdict} — ${md(s.headline)}`,
    '',
    `${s.hosts} host(s), ${s.events} event(s), ${s.files} file(s) analysed.`,
    '',
    levels,
    '',
    list,
    '',
    '### Hosts',
    '',
    hostsTable(model.hosts, ctx),
  ].join('\n');
}

function hostsTable(hosts: readonly HostSummary[], ctx: Ctx): string {
  if (hosts.length === 0) return 'No host.';
  const head = ['Host', 'Events', 'First event (UTC)', 'Last event (UTC)', 'Findings'];
  if (ctx.zone) head.push(`First event (${md(ctx.zone)})`, `Last event (${md(ctx.zone)})`);
  const rows = hosts.map((h) => {
    const row = [md(h.host), String(h.events), formatUtc(h.firstTime), formatUtc(h.lastTime), String(h.findings)];
    if (ctx.zone) row.push(formatLocal(h.firstTime, ctx.zone), formatLocal(h.lastTime, ctx.zone));
    return row;
  });
  return table(head, rows);
}

function filesTable(files: readonly FileSummary[]): string {
  if (files.length === 0) return 'No file.';
  return table(
    ['File', 'Kind', 'Hosts', 'Records', 'Warnings', 'Errors', 'First (UTC)', 'Last (UTC)', 'SHA-256'],
    files.map((f) => [
      md(f.path),
      md(f.kind),
      f.hosts.length > 0 ? f.hosts.map(md).join(', ') : '—',
      String(f.records),
      String(f.warnings),
      String(f.errors),
      formatUtc(f.firstTime),
      formatUtc(f.lastTime),
      md(f.sha256),
    ]),
  );
}

function findings(model: ReportModel, ctx: Ctx): string {
  if (model.findings.length === 0) return '## Findings\n\nNone.';
  return ['## Findings', ...model.findings.map((f, i) => finding(f, i + 1, ctx))].join('\n\n');
}

function span(f: Finding, ctx: Ctx): string {
  if (f.start === null && f.end === null) return 'configuration (no event time)';
  const duration = formatDuration(f.start, f.end);
  const text = `${formatBoth(f.start, ctx.zone)} → ${formatBoth(f.end, ctx.zone)}`;
  return duration ? `${text} (${duration})` : text;
}

function finding(f: Finding, n: number, ctx: Ctx): string {
  const facts = [
    `- **Host:** ${host(f.host)}`,
    `- **Kind:** ${md(f.kind)}`,
    `- **Level:** ${md(f.level)} · **Confidence:** ${md(f.confidence)} · **Occurrences:** ${f.occurrences}`,
    `- **Span:** ${span(f, ctx)}`,
  ];
  if (f.endpoints.length > 0) facts.push(`- **Endpoints:** ${f.endpoints.map(md).join(', ')}`);
  if (f.errorCode) facts.push(`- **Error code:** ${md(f.errorCode)}`);
  facts.push(`- **Trigger:** ${f.trigger === null ? 'none identified' : md(f.trigger)}`);
  facts.push(
    f.symptoms.length > 0
      ? `- **Symptoms:**\n${f.symptoms.map((s) => `  - ${md(s)}`).join('\n')}`
      : '- **Symptoms:** none',
  );
  const parts = [
    `<a id="finding-${n}"></a>`,
    `### ${n}. ${md(f.title)}`,
    '',
    facts.join('\n'),
    '',
    `**Cause.** ${md(f.cause)}`,
    '',
    '**Remedies**',
    '',
    f.remedies.length > 0 ? f.remedies.map((r, i) => `${i + 1}. ${md(r)}`).join('\n') : 'None recorded.',
  ];
  if (f.references.length > 0) {
    parts.push('', '**References**', '', f.references.map((r) => `- ${referenceMd(r)}`).join('\n'));
  }
  parts.push(
    '',
    `**Evidence** (${f.evidence.length} row(s); the JSON report lists every row)`,
    '',
    evidenceTable(f.evidence, ctx),
  );
  return parts.join('\n');
}

function referenceMd(text: string): string {
  const link = referenceLink(text);
  return link ? `[${md(link.label)}](${link.url.replace(/\(/g, '%28').replace(/\)/g, '%29')})` : md(text);
}

function evidenceTable(rows: readonly Evidence[], ctx: Ctx): string {
  if (rows.length === 0) return 'No evidence rows.';
  const when = (iso: string): string => (ctx.zone ? formatLocal(iso, ctx.zone) : formatUtc(iso));
  const groups = groupEvidence(rows);
  return table(
    ['#', 'Role', 'Host', ctx.zone ? `Evidence (times ${md(ctx.zone)})` : 'Evidence (times UTC)', 'File'],
    groups.map((g, i) => [
      String(i + 1),
      md(g.role),
      host(g.host),
      md(formatEvidenceGroup(g, when)),
      g.files.map(md).join(', ') || '—',
    ]),
  );
}

function timeline(model: ReportModel, ctx: Ctx): string {
  const groups = timelineByHost(model);
  if (groups.length === 0) return '## Timeline\n\nNo event on the timeline.';
  const blocks = groups.map((g) => `### ${host(g.host)}\n\n${timelineTable(g.entries, ctx)}`);
  return ['## Timeline', 'Per host, in time order. Clocks of different hosts may be skewed.', ...blocks].join('\n\n');
}

function timelineTable(entries: readonly TimelineEntry[], ctx: Ctx): string {
  const head = [utcHead];
  if (ctx.zone) head.push(localHead(ctx.zone));
  head.push('Role', 'Event', 'Record id', 'File', 'Summary', 'Findings');
  return table(
    head,
    entries.map((e) => {
      const row = [formatUtc(e.time)];
      if (ctx.zone) row.push(formatLocal(e.time, ctx.zone));
      const refs = findingRefs(e.findingIds, ctx.numbers).map((n) => `[#${n}](#finding-${n})`);
      row.push(
        md(e.role),
        md(eventLabel(e.provider, e.eventId)),
        e.recordId === null ? '—' : md(e.recordId),
        md(e.file),
        md(e.summary),
        refs.length > 0 ? refs.join(' ') : '—',
      );
      return row;
    }),
  );
}
