import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { indexTimeline, type TimelinePoint } from '../../../src/report/layout/timeline-index.js';
import {
  episodes,
  layoutOverview,
  layoutTimeline,
  zoomStrips,
  type LayoutFinding,
} from '../../../src/report/layout/timeline-layout.js';
import { isoToMs } from '../../../src/report/layout/zone-time.js';

const layout = suite('report/layout/timeline-layout');

const T0 = Date.UTC(2026, 2, 12, 9, 14, 3);
const iso = (ms: number): string => `${new Date(ms).toISOString().slice(0, 23)}0000Z`;
const HOSTS = ['APP02', 'DP01', 'INTRA02', 'PORTAL01', 'SHOP01', 'WEB01', 'WEB01F', 'WEB02F', 'WEB05'];

function point(
  ms: number,
  host: string,
  role: string,
  eventId: number,
  findingIds: string[] = [],
  summary = '',
): TimelinePoint {
  const provider =
    eventId === 7036 ? 'Service Control Manager' : eventId === 36870 ? 'Schannel' : 'Microsoft-Windows-HttpEvent';
  return {
    time: iso(ms),
    host,
    role,
    provider,
    eventId,
    findingIds,
    summary: summary || `${eventId}`,
    recordId: String(ms % 100000),
  };
}

/** WEB01: IISADMIN running, 15300 2.4 s later, 22 × 36870 over 80 minutes; routine events on two other hosts. */
function abo(): { entries: TimelinePoint[]; finding: LayoutFinding } {
  const id = 'abo-binding-deleted:WEB01:0.0.0.0:443';
  const entries = [
    point(T0, 'WEB01', 'trigger', 7036, [id], 'IISADMIN service entered running (7036)'),
    point(T0 + 2400, 'WEB01', 'symptom', 15300, [id], '15300 SSL binding deleted 0.0.0.0:443'),
  ];
  for (let i = 0; i < 22; i++)
    entries.push(
      point(T0 + 170_000 + i * 220_000, 'WEB01', 'symptom', 36870, [id], '36870 private key error 0x80092004'),
    );
  for (let i = 0; i < 50; i++)
    entries.push(point(T0 - 3_600_000 + i * 600_000, i % 2 ? 'WEB05' : 'DP01', 'context', 7036));
  const finding: LayoutFinding = {
    id,
    host: 'WEB01',
    level: 'critical',
    title: 'SSL binding deleted by the ABO mapper',
    start: entries[0]!.time,
    end: entries[entries.length - 51]!.time,
    evidence: entries.filter((e) => e.findingIds!.length > 0),
  };
  return { entries, finding };
}

layout('a lane for every host: 9 hosts given, events on only 3 of them', () => {
  const { entries, finding } = abo();
  const out = layoutTimeline(entries, HOSTS.slice(0, 7).concat(['WEB02F', 'WEB05']), [finding]);
  assert.is(out.lanes, 9);
  assert.is(out.overview!.lanes.length, 9);
  assert.equal(
    out.overview!.lanes.map((l) => l.host),
    HOSTS,
  );
  const empty = layoutTimeline([], ['A', 'B'], [{ id: 'c', host: 'C', level: 'high', start: null, end: null }]);
  assert.is(empty.overview, null);
  assert.is(empty.lanes, 3, 'a host with only a configuration finding still gets a lane');
});

layout('at day scale a burst of 22 failures is one mark with its count', () => {
  const { entries, finding } = abo();
  const strip = layoutTimeline(entries, HOSTS, [finding], {
    domain: { startMs: T0 - 12 * 3_600_000, endMs: T0 + 12 * 3_600_000 },
  }).overview!;
  const bursts = strip.marks.filter((m) => m.kind === 'Schannel 36870');
  assert.is(bursts.length, 1);
  assert.is(bursts[0]!.count, 22);
  assert.is(bursts[0]!.label, '22');
  assert.ok(bursts[0]!.width > 0);
  assert.match(bursts[0]!.title, /^22 × Schannel 36870 \(symptom\) on WEB01, 2026-03-12 /);
  assert.is(strip.lanes.find((l) => l.host === 'WEB01')!.bins.length, 0);
  assert.is(strip.routine, 50);
});

layout('the zoom strip keeps a trigger and the deletion 2.4 s later apart', () => {
  const { entries, finding } = abo();
  const index = indexTimeline(entries, HOSTS);
  const { strips } = zoomStrips(index, [finding]);
  assert.is(strips.length, 1);
  const z = strips[0]!;
  assert.is(z.findingId, finding.id);
  assert.equal(
    z.lanes.map((l) => l.host),
    ['WEB01'],
  );
  const trigger = z.marks.filter((m) => m.role === 'trigger');
  const deletion = z.marks.filter((m) => m.kind === 'Microsoft-Windows-HttpEvent 15300');
  assert.is(trigger.length, 1);
  assert.is(deletion.length, 1);
  assert.is(trigger[0]!.count + deletion[0]!.count, 2);
  assert.ok(deletion[0]!.x - trigger[0]!.x >= 5, `${trigger[0]!.x} → ${deletion[0]!.x}`);
  assert.ok(z.endMs - z.startMs <= 6 * 60_000, 'cut to the start of the chain');
});

layout('episodes: evidence hours apart gives one zoom strip each', () => {
  const f: LayoutFinding = {
    id: 'f',
    host: 'WEB01',
    level: 'critical',
    start: iso(T0),
    end: iso(T0 + 2 * 86_400_000),
    evidence: [{ time: iso(T0) }, { time: iso(T0 + 2400) }, { time: iso(T0 + 2 * 86_400_000) }, { time: null }],
  };
  assert.is(episodes(f, 30 * 60_000).length, 2);
  const { strips, omitted } = zoomStrips(indexTimeline([], ['WEB01']), [f, f], { maxStrips: 3 });
  assert.is(strips.length, 3);
  assert.is(omitted, 1);
});

layout('axis ticks are in the display zone with the UTC clock beside', () => {
  const { entries, finding } = abo();
  const domain = { startMs: Date.UTC(2026, 2, 12, 8, 0), endMs: Date.UTC(2026, 2, 12, 12, 0) };
  const strip = layoutTimeline(entries, HOSTS, [finding], { zone: 'Europe/Berlin', domain }).overview!;
  const t = strip.ticks.find((k) => k.ms === Date.UTC(2026, 2, 12, 9, 0));
  assert.ok(t, strip.ticks.map((k) => k.local).join());
  assert.is(t!.local, '10:00');
  assert.is(t!.utc, '09:00');
  assert.is(strip.ticks[0]!.date, '2026-03-12');
  for (const k of strip.ticks) assert.ok(k.x >= strip.plotLeft && k.x <= strip.plotRight);
  const utc = layoutTimeline(entries, HOSTS, [finding], { domain }).overview!;
  assert.ok(utc.ticks.every((k) => k.utc === null));
  assert.ok(utc.ticks.some((k) => k.local === '09:00'));
  const nepal = layoutTimeline(entries, HOSTS, [finding], { zone: 'Asia/Kathmandu', domain }).overview!;
  assert.ok(
    nepal.ticks.every((k) => k.local.endsWith(':00') || k.local.endsWith(':30')),
    'steps fall on local multiples',
  );
  assert.ok(nepal.ticks.some((k) => k.utc?.endsWith(':15')));
});

layout('2 M routine entries and 300 notable ones give a bounded layout', () => {
  const N = 2_000_000;
  const hosts = ['WEB01', 'WEB02', 'WEB03'];
  const entries: TimelinePoint[] = new Array(N + 300);
  for (let i = 0; i < N; i++) {
    entries[i] = {
      time: '',
      timeMs: T0 + i * 40,
      host: hosts[i % 3]!,
      role: 'context',
      provider: 'Service Control Manager',
      eventId: 7036,
    };
  }
  for (let i = 0; i < 300; i++) {
    entries[N + i] = point(
      T0 + i * 250_000,
      hosts[i % 3]!,
      i % 10 === 0 ? 'trigger' : 'symptom',
      i % 10 === 0 ? 7036 : 36870,
      ['f'],
    );
  }
  const out = layoutTimeline(entries, hosts, [
    { id: 'f', host: 'WEB01', level: 'high', start: iso(T0), end: iso(T0 + N * 40) },
  ]);
  const strip = out.overview!;
  assert.is(strip.routine, N);
  assert.is(
    strip.lanes.reduce((n, l) => n + l.bins.reduce((m, b) => m + b.count, 0), 0),
    N,
  );
  assert.ok(strip.lanes.every((l) => l.bins.length <= 200));
  assert.ok(strip.marks.length <= 400);
  assert.ok(JSON.stringify(out).length < 400_000, String(JSON.stringify(out).length));
});

layout('the mark cap widens the burst gap, then merges kinds, and never drops events', () => {
  // 80 events of one kind about 10 px apart: the gap widens until they fit.
  const spaced = Array.from({ length: 80 }, (_, i) => point(T0 + i * 600_000, 'WEB01', 'symptom', 36870, ['f']));
  const wide = layoutOverview(indexTimeline(spaced), [], { maxMarks: 20 })!;
  assert.is(layoutOverview(indexTimeline(spaced), [])!.marks.length, 80);
  assert.ok(wide.marks.length <= 20, String(wide.marks.length));
  assert.ok(wide.burstGapPx > 8);
  assert.not.ok(wide.mergedKinds);
  assert.is(
    wide.marks.reduce((n, m) => n + m.count, 0),
    80,
  );
  // 100 kinds × 10 occurrences an hour apart: 1000 marks, more kinds than the cap.
  const entries = Array.from(
    { length: 1000 },
    (_, i): TimelinePoint => ({
      ...point(T0 + (i % 10) * 3_600_000, 'WEB01', 'symptom', 36870, ['f']),
      kind: `kind ${Math.floor(i / 10)}`,
    }),
  );
  assert.is(layoutOverview(indexTimeline(entries), [], { maxMarks: 5000 })!.marks.length, 1000);
  const strip = layoutOverview(indexTimeline(entries), [], { maxMarks: 50 })!;
  assert.ok(strip.marks.length <= 50, String(strip.marks.length));
  assert.ok(strip.mergedKinds);
  assert.match(strip.marks[0]!.kind, /^100 kinds \(kind 0, kind 1, kind 2, …\)$/);
  assert.is(
    strip.marks.reduce((n, m) => n + m.count, 0),
    1000,
  );
});

layout('the ISO parser reads the model form and falls back for others', () => {
  assert.is(isoToMs('2026-03-12T09:14:05.4000000Z'), Date.UTC(2026, 2, 12, 9, 14, 5, 400));
  assert.is(isoToMs('2026-03-12T09:14:05Z'), Date.UTC(2026, 2, 12, 9, 14, 5));
  assert.is(isoToMs('1969-12-31T23:59:59.9990000Z'), -1);
  assert.is(isoToMs('2026-03-12T10:14:05+01:00'), Date.UTC(2026, 2, 12, 9, 14, 5));
  assert.is(isoToMs('nonsense'), null);
  assert.is(isoToMs(null), null);
});

layout.run();
