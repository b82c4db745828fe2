/**
 * Inline SVG timeline for the HTML report: one lane per host, a UTC time axis with ticks, finding
 * spans as shaded bands, events as markers whose shape and colour give the role, a legend, and
 * a <title> tooltip on every mark. Markers link to their finding (or to their timeline row).
 * All model text is escaped with escapeHtml; no script, no external reference.
 */
import { ROLES, type Finding, type Level, type ReportModel, type Role, type TimelineEntry } from '../model/index.js';
import { formatLocal, formatUtc, parseIsoMs } from './format-time.js';
import { escapeHtml as esc } from './text-safety.js';
import { buildAxis } from './time-axis.js';
import type { Axis } from './time-axis.js';
import { UNKNOWN_HOST, eventLabel, findingNumbers, findingRefs, hostOrder } from './view-helpers.js';

export interface SvgTimelineOptions {
  /** Resolved display zone (local time in tooltips), or null for UTC only. */
  zone?: string | null;
}

/** Above this many context rows the SVG leaves context marks out (the tables still list them). */
export const MAX_CONTEXT_MARKS = 2000;

const W = 1000;
const LABEL_W = 170;
const RIGHT = 24;
const TOP = 34;
const LANE_H = 64;
const AXIS_H = 46;
/** Vertical position of each role's markers inside a lane (px from the lane top). */
const ROLE_Y: Readonly<Record<Role, number>> = { trigger: 14, symptom: 28, recovery: 42, context: 54 };

/** Role colours (also used by the HTML legend and tables). */
export const ROLE_COLOURS: Readonly<Record<Role, string>> = {
  trigger: '#c2410c',
  symptom: '#b91c1c',
  recovery: '#15803d',
  context: '#64748b',
};

export const LEVEL_COLOURS: Readonly<Record<Level, string>> = {
  critical: '#7f1d1d',
  high: '#dc2626',
  medium: '#d97706',
  low: '#2563eb',
  info: '#64748b',
};

const num = (n: number): string => (Math.round(n * 10) / 10).toString();

/** The shape of a role's marker centred on (x, y): triangle, diamond, circle, square. */
export function markerShape(role: Role, x: number, y: number, extra = ''): string {
  const fill = `fill="${ROLE_COLOURS[role]}" stroke="#fff" stroke-width="1"${extra}`;
  switch (role) {
    case 'trigger':
      return `<path d="M${num(x)} ${num(y - 6)}L${num(x + 6)} ${num(y + 5)}L${num(x - 6)} ${num(y + 5)}Z" ${fill}/>`;
    case 'symptom':
      return `<path d="M${num(x)} ${num(y - 6)}L${num(x + 6)} ${num(y)}L${num(x)} ${num(y + 6)}L${num(x - 6)} ${num(y)}Z" ${fill}/>`;
    case 'recovery':
      return `<circle cx="${num(x)}" cy="${num(y)}" r="5" ${fill}/>`;
    case 'context':
      return `<rect x="${num(x - 4)}" y="${num(y - 4)}" width="8" height="8" ${fill}/>`;
  }
}

interface Layout {
  axis: Axis;
  x: (ms: number) => number;
  lanes: Array<string | null>;
  laneY: (i: number) => number;
  height: number;
}

function layout(model: ReportModel, times: number[]): Layout | null {
  const axis = buildAxis(times);
  if (!axis) return null;
  const lanes = hostOrder(model).filter(
    (h) => model.timeline.some((e) => e.host === h) || model.findings.some((f) => f.host === h && f.start !== null),
  );
  const plot = W - LABEL_W - RIGHT;
  return {
    axis,
    lanes,
    x: (ms) => LABEL_W + ((ms - axis.start) / (axis.end - axis.start)) * plot,
    laneY: (i) => TOP + i * LANE_H,
    height: TOP + lanes.length * LANE_H + AXIS_H,
  };
}

function allTimes(model: ReportModel): number[] {
  const out: number[] = [];
  for (const e of model.timeline) {
    const ms = parseIsoMs(e.time);
    if (ms !== null) out.push(ms);
  }
  for (const f of model.findings) {
    for (const t of [f.start, f.end]) {
      const ms = parseIsoMs(t);
      if (ms !== null) out.push(ms);
    }
  }
  return out;
}

/**
 * The SVG timeline as markup, or a short paragraph when the model holds no timed event.
 * Timeline rows link to `#tl-<index in model.timeline>`, findings to `#finding-<n>`.
 */
export function renderSvgTimeline(model: ReportModel, options: SvgTimelineOptions = {}): string {
  const lay = layout(model, allTimes(model));
  if (!lay) return '<p class="timeline-empty">No event on the timeline.</p>';
  const zone = options.zone ?? null;
  const numbers = findingNumbers(model.findings);
  const events = model.timeline.length;
  const contextRows = model.timeline.filter((e) => e.role === 'context').length;
  const drawContext = contextRows <= MAX_CONTEXT_MARKS;
  const parts = [
    `<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${lay.height}" ` +
      `width="100%" role="img" aria-labelledby="timeline-svg-title" font-family="system-ui, sans-serif" font-size="12">`,
    `<title id="timeline-svg-title">Timeline: ${events} event(s) on ${lay.lanes.length} host(s), times in UTC</title>`,
    legend(),
    backgrounds(lay),
    grid(lay),
    ...lay.lanes.map((host, i) => lane(model, host, i, lay, numbers, zone, drawContext)),
    axisMarkup(lay),
    drawContext
      ? ''
      : `<text class="omitted" x="${W - RIGHT}" y="${lay.height - 6}" text-anchor="end" fill="#475569" font-size="11">${contextRows} context events not drawn (listed in the tables below)</text>`,
    '</svg>',
  ];
  return parts.join('\n');
}

function legend(): string {
  const items = ROLES.map((role, i) => {
    const x = LABEL_W + i * 110;
    return `<g class="legend-item" data-role="${role}">${markerShape(role, x + 6, 14)}<text x="${x + 18}" y="18">${role}</text></g>`;
  });
  const sx = LABEL_W + ROLES.length * 110;
  items.push(
    `<g class="legend-item"><rect x="${sx}" y="7" width="22" height="14" rx="2" fill="${LEVEL_COLOURS.high}" fill-opacity="0.15" stroke="${LEVEL_COLOURS.high}" stroke-opacity="0.5"/><text x="${sx + 28}" y="18">finding span</text></g>`,
  );
  return `<g class="legend">${items.join('')}</g>`;
}

function backgrounds(lay: Layout): string {
  const rows = lay.lanes.map((_h, i) => {
    const y = lay.laneY(i);
    return (
      `<rect class="lane-bg" x="0" y="${y}" width="${W}" height="${LANE_H}" fill="${i % 2 === 0 ? '#f1f5f9' : '#ffffff'}"/>` +
      `<line x1="0" y1="${y + LANE_H}" x2="${W}" y2="${y + LANE_H}" stroke="#e2e8f0"/>`
    );
  });
  return `<g class="lane-backgrounds">${rows.join('')}</g>`;
}

function grid(lay: Layout): string {
  const bottom = TOP + lay.lanes.length * LANE_H;
  const lines = lay.axis.ticks.map((t) => {
    const x = num(lay.x(t.ms));
    return `<line x1="${x}" y1="${TOP}" x2="${x}" y2="${bottom}" stroke="#cbd5e1" stroke-dasharray="2 3"/>`;
  });
  return `<g class="grid">${lines.join('')}</g>`;
}

function lane(
  model: ReportModel,
  host: string | null,
  i: number,
  lay: Layout,
  numbers: ReadonlyMap<string, number>,
  zone: string | null,
  drawContext: boolean,
): string {
  const y = lay.laneY(i);
  const name = host ?? UNKNOWN_HOST;
  const short = name.length > 24 ? `${name.slice(0, 23)}…` : name;
  const out = [
    `<g class="lane" data-host="${esc(name)}">`,
    `<text class="lane-label" x="8" y="${y + LANE_H / 2 + 4}" font-weight="600"><title>${esc(name)}</title>${esc(short)}</text>`,
  ];
  model.findings.forEach((f, fi) => {
    if (f.host === host) out.push(findingSpan(f, fi + 1, y, lay));
  });
  model.timeline.forEach((e, ti) => {
    if (e.host === host && (drawContext || e.role !== 'context')) out.push(mark(e, ti, y, lay, numbers, zone));
  });
  out.push('</g>');
  return out.join('\n');
}

function findingSpan(f: Finding, n: number, laneTop: number, lay: Layout): string {
  const a = parseIsoMs(f.start);
  const b = parseIsoMs(f.end) ?? a;
  if (a === null || b === null) return '';
  const x0 = lay.x(Math.min(a, b));
  const w = Math.max(4, lay.x(Math.max(a, b)) - x0);
  const colour = LEVEL_COLOURS[f.level] ?? LEVEL_COLOURS.info;
  const tip = `#${n} ${f.title} (${f.level}, ${f.confidence} confidence): ${formatUtc(f.start)} → ${formatUtc(f.end)} UTC`;
  return (
    `<a class="span-link" href="#finding-${n}"><rect class="finding-span" data-finding="${n}" x="${num(x0 - 2)}" y="${laneTop + 3}" ` +
    `width="${num(w + 4)}" height="${LANE_H - 6}" rx="3" fill="${colour}" fill-opacity="0.13" stroke="${colour}" ` +
    `stroke-opacity="0.45"><title>${esc(tip)}</title></rect></a>`
  );
}

function mark(
  e: TimelineEntry,
  index: number,
  laneTop: number,
  lay: Layout,
  numbers: ReadonlyMap<string, number>,
  zone: string | null,
): string {
  const ms = parseIsoMs(e.time);
  if (ms === null) return '';
  const role: Role = (ROLES as readonly string[]).includes(e.role) ? e.role : 'context';
  const refs = findingRefs(e.findingIds, numbers);
  const href = refs.length > 0 ? `#finding-${refs[0]}` : `#tl-${index}`;
  const when = `${formatUtc(e.time)} UTC${zone ? ` (${formatLocal(e.time, zone)})` : ''}`;
  const tip = [
    when,
    e.host ?? UNKNOWN_HOST,
    role,
    eventLabel(e.provider, e.eventId),
    e.recordId === null ? null : `record ${e.recordId}`,
    e.summary,
    refs.length > 0 ? `finding ${refs.map((n) => `#${n}`).join(', ')}` : null,
  ]
    .filter((p): p is string => p !== null)
    .join(' — ');
  const shape = markerShape(role, lay.x(ms), laneTop + ROLE_Y[role]);
  return `<a class="mark mark-${role}" data-role="${role}" href="${href}"><title>${esc(tip)}</title>${shape}</a>`;
}

function axisMarkup(lay: Layout): string {
  const bottom = TOP + lay.lanes.length * LANE_H;
  const out = [
    `<g class="axis">`,
    `<line x1="${LABEL_W}" y1="${bottom}" x2="${W - RIGHT}" y2="${bottom}" stroke="#334155"/>`,
  ];
  for (const t of lay.axis.ticks) {
    const x = num(lay.x(t.ms));
    out.push(
      `<g class="tick"><line x1="${x}" y1="${bottom}" x2="${x}" y2="${bottom + 5}" stroke="#334155"/>` +
        `<text x="${x}" y="${bottom + 18}" text-anchor="middle">${esc(t.label)}</text>` +
        (t.date
          ? `<text x="${x}" y="${bottom + 32}" text-anchor="middle" fill="#475569" font-size="10">${esc(t.date)}</text>`
          : '') +
        '</g>',
    );
  }
  out.push(`<text x="8" y="${bottom + 18}" fill="#475569">UTC</text>`, '</g>');
  return out.join('\n');
}
