/**
 * A timeline strip (timeline-layout.ts) as one self-contained inline SVG: lanes labelled by host,
 * routine events as a histogram band at the foot of each lane, notable events as role-shaped
 * marks (bursts as a bar with their count), finding spans as shaded bands, ticks in the display
 * zone with the UTC clock under each, a legend and a <title> on every mark and bin. No script, no
 * style sheet, no external reference: it renders under the report's CSP (default-src 'none').
 * Every text from the layout is escaped.
 */
import { escapeHtml as esc } from '../text-safety.js';
import type { TimelineLayout } from './timeline-layout.js';
import type { TimelineMark, TimelineStrip } from './timeline-strip.js';
import { isUtcZone } from './zone-time.js';

export interface SvgStripOptions {
  /** Link target of a mark or span for a finding id (e.g. `#finding-3`); null for no link. */
  hrefFor?: (findingId: string) => string | null;
}

const TOP = 34;
const LANE_H = 64;
const AXIS_H = 48;
const HIST_TOP = 50;
const HIST_H = 12;
const ROLES = ['trigger', 'symptom', 'recovery', 'context'] as const;
const ROLE_Y: Readonly<Record<string, number>> = { trigger: 12, symptom: 24, recovery: 36, context: 44 };

/** Role colours of the marks. */
export const MARK_COLOURS: Readonly<Record<string, string>> = {
  trigger: '#c2410c',
  symptom: '#b91c1c',
  recovery: '#15803d',
  context: '#64748b',
};

const LEVEL_COLOURS: Readonly<Record<string, string>> = {
  critical: '#7f1d1d',
  high: '#dc2626',
  medium: '#d97706',
  low: '#2563eb',
  info: '#64748b',
};

const n1 = (n: number): string => (Math.round(n * 10) / 10).toString();

/** The role's marker centred on (x, y): triangle, diamond, circle, square. */
export function roleShape(role: string, x: number, y: number): string {
  const fill = `fill="${MARK_COLOURS[role] ?? MARK_COLOURS.context}" stroke="#fff" stroke-width="1"`;
  switch (role) {
    case 'trigger':
      return `<path d="M${n1(x)} ${n1(y - 6)}L${n1(x + 6)} ${n1(y + 5)}L${n1(x - 6)} ${n1(y + 5)}Z" ${fill}/>`;
    case 'symptom':
      return `<path d="M${n1(x)} ${n1(y - 6)}L${n1(x + 6)} ${n1(y)}L${n1(x)} ${n1(y + 6)}L${n1(x - 6)} ${n1(y)}Z" ${fill}/>`;
    case 'recovery':
      return `<circle cx="${n1(x)}" cy="${n1(y)}" r="5" ${fill}/>`;
    default:
      return `<rect x="${n1(x - 4)}" y="${n1(y - 4)}" width="8" height="8" ${fill}/>`;
  }
}

/** Render one strip as an <svg> element. */
export function renderStripSvg(strip: TimelineStrip, options: SvgStripOptions = {}): string {
  const height = TOP + strip.lanes.length * LANE_H + AXIS_H;
  const titleId = `${strip.id}-title`;
  const maxBin = strip.lanes.reduce((m, l) => Math.max(m, l.maxBin), 0);
  return [
    `<svg class="timeline-strip" data-strip="${esc(strip.id)}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${strip.width} ${height}" ` +
      `width="100%" role="img" aria-labelledby="${esc(titleId)}" font-family="system-ui, sans-serif" font-size="12">`,
    `<title id="${esc(titleId)}">${esc(strip.title)}</title>`,
    legend(strip),
    ...strip.lanes.map((_lane, i) => laneMarkup(strip, i, maxBin, options)),
    axis(strip),
    '</svg>',
  ].join('\n');
}

function legend(strip: TimelineStrip): string {
  const items: string[] = [];
  let x = strip.plotLeft;
  for (const role of ROLES) {
    items.push(`<g class="legend-item">${roleShape(role, x + 6, 14)}<text x="${x + 16}" y="18">${role}</text></g>`);
    x += 84;
  }
  items.push(
    `<g class="legend-item"><rect x="${x}" y="11" width="22" height="6" rx="3" fill="${MARK_COLOURS.symptom}" fill-opacity="0.35"/>` +
      `<text x="${x + 28}" y="18">burst (count)</text></g>`,
  );
  x += 120;
  items.push(
    `<g class="legend-item"><rect x="${x}" y="9" width="4" height="10" fill="#94a3b8"/><rect x="${x + 5}" y="13" width="4" height="6" fill="#94a3b8"/>` +
      `<text x="${x + 16}" y="18">routine events</text></g>`,
  );
  x += 124;
  items.push(
    `<g class="legend-item"><rect x="${x}" y="7" width="22" height="14" rx="2" fill="${LEVEL_COLOURS.high}" fill-opacity="0.15" stroke="${LEVEL_COLOURS.high}" stroke-opacity="0.5"/>` +
      `<text x="${x + 28}" y="18">finding span</text></g>`,
  );
  return `<g class="legend">${items.join('')}</g>`;
}

function laneMarkup(strip: TimelineStrip, i: number, maxBin: number, options: SvgStripOptions): string {
  const lane = strip.lanes[i]!;
  const y = TOP + i * LANE_H;
  const short = lane.label.length > 24 ? `${lane.label.slice(0, 23)}…` : lane.label;
  const out = [
    `<g class="lane" data-host="${esc(lane.label)}">`,
    `<rect class="lane-bg" x="0" y="${y}" width="${strip.width}" height="${LANE_H}" fill="${i % 2 === 0 ? '#f1f5f9' : '#ffffff'}"/>`,
    `<line x1="0" y1="${y + LANE_H}" x2="${strip.width}" y2="${y + LANE_H}" stroke="#e2e8f0"/>`,
    `<text class="lane-label" x="8" y="${y + LANE_H / 2 + 4}" font-weight="600"><title>${esc(lane.label)}</title>${esc(short)}</text>`,
  ];
  for (const s of strip.spans) {
    if (s.lane !== i) continue;
    const colour = LEVEL_COLOURS[s.level] ?? LEVEL_COLOURS.info;
    const rect =
      `<rect class="finding-span" x="${n1(s.x - 2)}" y="${y + 3}" width="${n1(Math.max(4, s.width + 4))}" height="${LANE_H - 6}" rx="3" ` +
      `fill="${colour}" fill-opacity="0.13" stroke="${colour}" stroke-opacity="0.45"><title>${esc(s.title)}</title></rect>`;
    out.push(link(options.hrefFor?.(s.findingId) ?? null, rect, 'span-link'));
  }
  if (lane.bins.length > 0) {
    out.push(`<g class="histogram" fill="#94a3b8">`);
    for (const b of lane.bins) {
      // Square-root scale: one event stays visible beside a bin of thousands.
      const h = Math.max(1, HIST_H * Math.sqrt(b.count / Math.max(1, maxBin)));
      out.push(
        `<rect x="${n1(b.x)}" y="${n1(y + HIST_TOP + HIST_H - h)}" width="${n1(Math.max(0.5, b.width - 0.2))}" height="${n1(h)}">` +
          `<title>${esc(`${b.count} routine event(s) on ${lane.label}`)}</title></rect>`,
      );
    }
    out.push('</g>');
  }
  for (const m of strip.marks) if (m.lane === i) out.push(mark(m, y, options));
  out.push('</g>');
  return out.join('\n');
}

function link(href: string | null, inner: string, cls: string): string {
  return href === null ? inner : `<a class="${cls}" href="${esc(href)}">${inner}</a>`;
}

function mark(m: TimelineMark, laneTop: number, options: SvgStripOptions): string {
  const y = laneTop + (ROLE_Y[m.role] ?? ROLE_Y.context!);
  const colour = MARK_COLOURS[m.role] ?? MARK_COLOURS.context;
  const parts: string[] = [`<title>${esc(m.title)}</title>`];
  if (m.count > 1) {
    parts.push(
      `<rect x="${n1(m.x - 3)}" y="${n1(y - 3)}" width="${n1(m.width + 6)}" height="6" rx="3" fill="${colour}" fill-opacity="0.35"/>`,
    );
  }
  parts.push(roleShape(m.role, m.x, y));
  if (m.label !== '') {
    parts.push(
      `<text class="count" x="${n1(m.x + m.width + 8)}" y="${n1(y + 4)}" font-size="10" font-weight="700" fill="${colour}">×${esc(m.label)}</text>`,
    );
  }
  const href = m.findingIds.length > 0 ? (options.hrefFor?.(m.findingIds[0]!) ?? null) : null;
  const body = `<g class="mark mark-${esc(m.role)}" data-count="${m.count}">${parts.join('')}</g>`;
  return link(href, body, 'mark-link');
}

function axis(strip: TimelineStrip): string {
  const top = TOP;
  const bottom = TOP + strip.lanes.length * LANE_H;
  const out = [
    `<g class="axis">`,
    `<line x1="${strip.plotLeft}" y1="${bottom}" x2="${strip.plotRight}" y2="${bottom}" stroke="#334155"/>`,
  ];
  for (const t of strip.ticks) {
    const x = n1(t.x);
    out.push(
      `<g class="tick"><line x1="${x}" y1="${top}" x2="${x}" y2="${bottom}" stroke="#cbd5e1" stroke-dasharray="2 3"/>` +
        `<line x1="${x}" y1="${bottom}" x2="${x}" y2="${bottom + 5}" stroke="#334155"/>` +
        `<text class="tick-local" x="${x}" y="${bottom + 17}" text-anchor="middle">${esc(t.local)}</text>` +
        (t.utc === null
          ? ''
          : `<text class="tick-utc" x="${x}" y="${bottom + 29}" text-anchor="middle" fill="#475569" font-size="10">${esc(t.utc)} UTC</text>`) +
        (t.date === null
          ? ''
          : `<text class="tick-date" x="${x}" y="${bottom + 42}" text-anchor="middle" fill="#475569" font-size="10">${esc(t.date)}</text>`) +
        '</g>',
    );
  }
  const zone = isUtcZone(strip.zone) ? 'UTC' : (strip.zone ?? 'UTC');
  out.push(`<text class="axis-zone" x="8" y="${bottom + 17}" fill="#475569">${esc(zone)}</text>`);
  if (!isUtcZone(strip.zone)) out.push(`<text x="8" y="${bottom + 29}" fill="#475569" font-size="10">UTC</text>`);
  out.push('</g>');
  return out.join('\n');
}

/**
 * The overview and every zoom strip as consecutive <svg> elements (a paragraph when the layout
 * has no timed event), with a note for zoom strips left out.
 */
export function renderTimelineSvgs(layout: TimelineLayout, options: SvgStripOptions = {}): string {
  if (layout.overview === null) return '<p class="timeline-empty">No event on the timeline.</p>';
  const parts = [renderStripSvg(layout.overview, options), ...layout.zooms.map((z) => renderStripSvg(z, options))];
  if (layout.omittedZooms > 0) parts.push(`<p class="note">${layout.omittedZooms} more zoomed strip(s) not drawn.</p>`);
  return parts.join('\n');
}
