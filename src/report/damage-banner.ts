/**
 * The banner a report shows right after its title when input files were read only in part or
 * not at all: which file, which host, what was lost and where the timeline may have gaps.
 * Empty when every file was read whole.
 */
import type { DamageEntry, ReportModel } from '../model/index.js';
import { escapeHtml, escapeMarkdown } from './text-safety.js';

const HEADLINE = (n: number): string =>
  `${n} input file${n === 1 ? ' was' : 's were'} read only in part or not at all: the timeline may have gaps.`;

function lineParts(d: DamageEntry): { file: string; hosts: string; what: string } {
  return {
    file: d.file,
    hosts: d.hosts.join(', '),
    what: d.status === 'unreadable' ? `not read: ${d.summary}` : d.summary,
  };
}

/** Markdown: a block quote with one item per file. */
export function damageBannerMarkdown(model: ReportModel): string {
  if (model.damage.length === 0) return '';
  const items = model.damage.map((d) => {
    const p = lineParts(d);
    const hosts = p.hosts ? ` (${escapeMarkdown(p.hosts)})` : '';
    return `> - ${escapeMarkdown(p.file)}${hosts}: ${escapeMarkdown(p.what)}`;
  });
  return [`> **Warning: ${HEADLINE(model.damage.length)}**`, '>', ...items].join('\n');
}

/** HTML: a highlighted section (inline style: the banner needs nothing from the stylesheet). */
export function damageBannerHtml(model: ReportModel): string {
  if (model.damage.length === 0) return '';
  const items = model.damage.map((d) => {
    const p = lineParts(d);
    const hosts = p.hosts ? ` (${escapeHtml(p.hosts)})` : '';
    return `<li><code>${escapeHtml(p.file)}</code>${hosts}: ${escapeHtml(p.what)}</li>`;
  });
  return [
    '<section id="damage" role="alert" style="border:2px solid #b45309;background:#fffbeb;border-radius:6px;padding:8px 16px;margin:12px 0">',
    `<p><strong>Warning: ${escapeHtml(HEADLINE(model.damage.length))}</strong></p>`,
    `<ul>${items.join('')}</ul>`,
    '</section>',
  ].join('\n');
}
