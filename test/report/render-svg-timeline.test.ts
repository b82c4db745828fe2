import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { MAX_CONTEXT_MARKS, renderSvgTimeline } from '../../src/report/render-svg-timeline.js';
import { buildAxis } from '../../src/report/time-axis.js';
import { aboTwoHosts, configOnly, hostile } from './fixtures.js';

const svg = suite('report/render-svg-timeline');

const count = (s: string, re: RegExp): number => (s.match(re) ?? []).length;

svg('one lane per host, one mark per timeline row, shapes by role', () => {
  const m = aboTwoHosts();
  const out = renderSvgTimeline(m);
  assert.is(count(out, /<g class="lane" /g), 2);
  assert.match(out, '<g class="lane" data-host="WEB01">');
  assert.match(out, '<g class="lane" data-host="WEB02">');
  assert.is(count(out, /<a class="mark /g), m.timeline.length);
  for (const role of ['trigger', 'symptom', 'recovery', 'context'] as const) {
    assert.is(
      count(out, new RegExp(`<a class="mark mark-${role}"`, 'g')),
      m.timeline.filter((e) => e.role === role).length,
      role,
    );
  }
  assert.match(out, /<a class="mark mark-recovery"[^>]*><title>[^<]*<\/title><circle /);
  assert.match(out, /<a class="mark mark-context"[^>]*><title>[^<]*<\/title><rect /);
  assert.is(count(out, /class="finding-span"/g), 2);
  assert.is(count(out, /<g class="legend-item"/g), 5);
});

svg('marks are placed in time order along the axis, inside the plot', () => {
  const out = renderSvgTimeline(aboTwoHosts());
  const xs = [...out.matchAll(/<a class="mark mark-trigger"[^>]*><title>[^<]*<\/title><path d="M([\d.]+) /g)].map((x) =>
    Number(x[1]),
  );
  // Triggers in model order: WEB01 06:58, WEB01 09:14, WEB02 08:02.
  assert.is(xs.length, 3);
  assert.ok(xs[0]! < xs[2]! && xs[2]! < xs[1]!, xs.join());
  for (const x of xs) assert.ok(x >= 170 && x <= 976, String(x));
});

svg('tooltips carry time, host, event, record and summary (escaped)', () => {
  const out = renderSvgTimeline(aboTwoHosts(), { zone: 'Europe/Berlin' });
  assert.match(
    out,
    '<title>2024-03-12 06:58:40.1234567 UTC (2024-03-12 07:58:40.123 +01:00) — WEB01 — symptom — Microsoft-Windows-HttpEvent 15300 — record 40237 — 15300 SSL binding deleted 0.0.0.0:443 — finding #1</title>',
  );
  const bad = renderSvgTimeline(hostile());
  assert.not.match(bad, /<(script|img)/);
  assert.match(bad, 'data-host="WEB&lt;script&gt;document.title=&#39;XSS-HOST&#39;&lt;/script&gt;"');
});

svg('no timed event: a paragraph instead of an empty drawing', () => {
  assert.is(renderSvgTimeline(configOnly()), '<p class="timeline-empty">No event on the timeline.</p>');
});

svg('axis: nice steps, ticks inside the domain, date on day change', () => {
  const t0 = Date.UTC(2024, 2, 12, 23, 50);
  const axis = buildAxis([t0, t0 + 20 * 60_000])!;
  assert.ok(axis.start < t0 && axis.end > t0 + 20 * 60_000);
  assert.ok(axis.ticks.length >= 3 && axis.ticks.length <= 9);
  for (const t of axis.ticks) assert.ok(t.ms >= axis.start && t.ms <= axis.end);
  const step = axis.ticks[1]!.ms - axis.ticks[0]!.ms;
  assert.is(step % 60_000, 0);
  assert.is(axis.ticks[0]!.date, '2024-03-12');
  assert.ok(axis.ticks.some((t) => t.date === '2024-03-13' && t.label === '00:00'));
  const single = buildAxis([t0])!;
  assert.ok(single.end - single.start >= 60_000);
  assert.is(buildAxis([]), null);
});

svg('above the cap, context marks are left out and the drawing says so', () => {
  const m = aboTwoHosts();
  const ctx = m.timeline.find((e) => e.role === 'context')!;
  const extra = MAX_CONTEXT_MARKS + 1;
  for (let i = 0; i < extra; i++) m.timeline.push({ ...ctx, recordId: String(100000 + i) });
  const out = renderSvgTimeline(m);
  assert.is(count(out, /<a class="mark mark-context"/g), 0);
  assert.is(count(out, /<a class="mark /g), m.timeline.length - extra - 1);
  assert.match(out, `${extra + 1} context events not drawn`);
});

svg.run();
