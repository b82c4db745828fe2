import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { renderStripSvg, renderTimelineSvgs } from '../../../src/report/layout/svg-timeline.js';
import type { TimelinePoint } from '../../../src/report/layout/timeline-index.js';
import { layoutTimeline } from '../../../src/report/layout/timeline-layout.js';
import { REPORT_CSP } from '../../../src/report/render-html.js';

const svg = suite('report/layout/svg-timeline');

const T0 = Date.UTC(2026, 2, 12, 9, 14, 3);
const iso = (ms: number): string => `${new Date(ms).toISOString().slice(0, 23)}0000Z`;
const count = (s: string, re: RegExp): number => (s.match(re) ?? []).length;
const EVIL = 'WEB<script>alert(1)</script>"\'';

function entries(): TimelinePoint[] {
  const out: TimelinePoint[] = [
    {
      time: iso(T0),
      host: 'WEB01',
      role: 'trigger',
      provider: 'Service Control Manager',
      eventId: 7036,
      summary: 'IISADMIN service entered running (7036)',
      findingIds: ['f1'],
    },
    {
      time: iso(T0 + 2400),
      host: 'WEB01',
      role: 'symptom',
      provider: 'Microsoft-Windows-HttpEvent',
      eventId: 15300,
      summary: '15300 SSL binding deleted 0.0.0.0:443',
      findingIds: ['f1'],
    },
    {
      time: iso(T0 + 6_000_000),
      host: EVIL,
      role: 'recovery',
      provider: 'Microsoft-Windows-HttpEvent',
      eventId: 15301,
      summary: '<img src=x onerror=alert(2)>',
      findingIds: [],
    },
  ];
  for (let i = 0; i < 30; i++)
    out.push({
      time: iso(T0 + 170_000 + i * 1000),
      host: 'WEB01',
      role: 'symptom',
      provider: 'Schannel',
      eventId: 36870,
      summary: '36870 private key error 0x80092004',
      findingIds: ['f1'],
    });
  for (let i = 0; i < 500; i++)
    out.push({
      time: iso(T0 - 3_600_000 + i * 20_000),
      host: 'WEB05',
      role: 'context',
      provider: 'Service Control Manager',
      eventId: 7036,
    });
  return out;
}

const finding = {
  id: 'f1',
  host: 'WEB01',
  level: 'critical',
  title: 'SSL binding deleted by the ABO mapper',
  start: iso(T0),
  end: iso(T0 + 199_000),
};

svg('lanes labelled by host, counts on bursts, a <title> per mark and bin', () => {
  const lay = layoutTimeline(entries(), ['WEB01', 'WEB05', 'CONFIG-ONLY'], [finding], { zone: 'Europe/Berlin' });
  const out = renderStripSvg(lay.overview!);
  assert.is(count(out, /<g class="lane" /g), 4);
  assert.match(out, '<g class="lane" data-host="CONFIG-ONLY">');
  const marks = lay.overview!.marks;
  assert.is(count(out, /<g class="mark /g), marks.length);
  assert.is(count(out, /<g class="mark [^>]*><title>/g), marks.length);
  const burst = marks.find((m) => m.count === 30)!;
  assert.ok(burst, 'the 30 failures are one burst');
  assert.match(out, '>×30</text>');
  assert.is(count(out, /<g class="histogram"/g), 1);
  const bins = lay.overview!.lanes.find((l) => l.host === 'WEB05')!.bins.length;
  assert.is(count(out, /routine event\(s\) on WEB05<\/title>/g), bins);
  assert.match(out, '<g class="legend">');
  assert.match(out, /<text x="\d+" y="18">burst \(count\)<\/text>/);
});

svg('tick labels in the zone with the UTC clock under them', () => {
  const lay = layoutTimeline(entries(), ['WEB01'], [finding], {
    zone: 'Europe/Berlin',
    domain: { startMs: Date.UTC(2026, 2, 12, 8), endMs: Date.UTC(2026, 2, 12, 12) },
  });
  const out = renderStripSvg(lay.overview!);
  assert.match(out, /<text class="tick-local" [^>]*>10:00<\/text><text class="tick-utc" [^>]*>09:00 UTC<\/text>/);
  assert.match(out, '>Europe/Berlin</text>');
  const utc = renderStripSvg(layoutTimeline(entries(), ['WEB01'], [finding]).overview!);
  assert.not.match(utc, 'tick-utc');
  assert.match(utc, '<text class="axis-zone" x="8"');
});

svg('escaped text, no script or external reference: safe under the report CSP', () => {
  const lay = layoutTimeline(entries(), [], [finding], { zone: 'Europe/Berlin' });
  const out = renderTimelineSvgs(lay, { hrefFor: (id) => (id === 'f1' ? '#finding-1' : null) });
  assert.not.match(out, /<script|<img|javascript:/i);
  assert.match(out, 'data-host="WEB&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;"');
  assert.match(out, '&lt;img src=x onerror=alert(2)&gt;');
  assert.not.match(out, /href="(?!#)/);
  assert.not.match(out, /\sstyle=|<style|<foreignObject|<use |<image/);
  assert.match(out, '<a class="mark-link" href="#finding-1">');
  assert.match(REPORT_CSP, "default-src 'none'");
});

svg('one svg per strip, the zoom strips after the overview', () => {
  const lay = layoutTimeline(entries(), ['WEB01', 'WEB05'], [finding]);
  const out = renderTimelineSvgs(lay);
  assert.is(count(out, /<svg /g), 1 + lay.zooms.length);
  assert.ok(lay.zooms.length >= 1);
  assert.match(out, `data-strip="${lay.zooms[0]!.id}"`);
  assert.is(
    new Set([...out.matchAll(/<title id="([^"]+)"/g)].map((m) => m[1])).size,
    1 + lay.zooms.length,
    'title ids are unique',
  );
  assert.is(
    renderTimelineSvgs(layoutTimeline([], ['A'], [])),
    '<p class="timeline-empty">No event on the timeline.</p>',
  );
});

svg.run();
