/**
 * The HTML report's timeline figure: an overview strip with a lane for every host and a zoomed
 * strip per finding episode (layout/timeline-layout.ts, drawn by layout/svg-timeline.ts). The
 * timeline rows that matter are marks; routine rows and the model's hourly counts of every event
 * (`timelineCounts`) are histogram bins, so the figure stays bounded whatever the log size.
 */
import type { ReportModel } from '../model/index.js';
import { sameHost } from './layout/certificate-choice.js';
import { renderTimelineSvgs } from './layout/svg-timeline.js';
import { TimelineIndexBuilder, type TimelineIndex } from './layout/timeline-index.js';
import { layoutOverview, zoomStrips, type TimelineLayout } from './layout/timeline-layout.js';
import { isoToMs } from './layout/zone-time.js';
import { hostOrder } from './view-helpers.js';

const HOUR_MS = 3_600_000;

/** Every host of the case: those with events, then those named only by files or findings. */
export function caseHosts(model: ReportModel): Array<string | null> {
  const out = hostOrder(model);
  const extra = [...model.files.flatMap((f) => f.hosts), ...model.findings.map((f) => f.host)];
  for (const h of extra) if (h !== null && !out.some((o) => o !== null && sameHost(o, h))) out.push(h);
  return out;
}

/** The index of the model's timeline; `timelineCounts` (every event per hour) as routine events. */
export function modelTimelineIndex(model: ReportModel): TimelineIndex {
  const b = new TimelineIndexBuilder(caseHosts(model));
  const counted = model.timelineCounts.length > 0;
  for (const e of model.timeline) {
    const routine = e.role === 'context' && e.findingIds.length === 0;
    // The counts already hold every event: a routine row would count twice.
    if (routine && counted) continue;
    b.add(e);
  }
  for (const c of model.timelineCounts) {
    const start = isoToMs(c.hour);
    if (start === null) continue;
    const lane = b.lane(c.host);
    // Spread over the hour: the bins show the rate, not a spike at the full hour.
    for (let i = 0; i < c.count; i++) b.addRoutine(start + ((i + 0.5) * HOUR_MS) / c.count, lane);
  }
  return b.build();
}

/** Overview and zoom strips of the model in the display zone. */
export function modelTimelineLayout(model: ReportModel, zone: string | null): TimelineLayout {
  const index = modelTimelineIndex(model);
  const geometry = { width: 1100, zone };
  const findings = model.findings.map((f) => ({ ...f, evidence: f.evidence }));
  const timed = findings.filter((f) => f.start !== null);
  const overview = layoutOverview(index, timed, geometry);
  const { strips, omitted } = zoomStrips(index, timed, geometry);
  return { overview, zooms: strips, omittedZooms: omitted, lanes: index.lanes.length };
}

/** The `<section id="timeline">` with its SVG strips; marks and spans link to their findings. */
export function timelineSection(model: ReportModel, zone: string | null, numbers: ReadonlyMap<string, number>): string {
  const layout = modelTimelineLayout(model, zone);
  const svgs = renderTimelineSvgs(layout, {
    hrefFor: (id) => {
      const n = numbers.get(id);
      return n === undefined ? null : `#finding-${n}`;
    },
  });
  return [
    '<section id="timeline">',
    '<h2>Timeline</h2>',
    `<figure class="timeline-figure" data-lanes="${layout.lanes}">`,
    svgs,
    '<figcaption>First the whole case, one lane per host (clocks of different hosts may be skewed), then a zoomed strip per finding. ▲ trigger, ◆ symptom, ● recovery, ■ context; a bar with a number is a burst of that many events; the grey band at the foot of a lane counts every event per time bin; shaded bands are finding spans. Hover a mark for details; click it to open its finding.</figcaption>',
    '</figure>',
    '</section>',
  ].join('\n');
}
