import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { UsageError } from '../../../src/errors.js';
import { renderTimelineTable } from '../../../src/report/terminal/timeline-table.js';
import { aboTwoHosts, hostile } from '../fixtures.js';

const tt = suite('report/terminal/timeline-table');

const rowsOf = (out: string): string[] => out.split('\n').filter((l) => /^│ \d{4}-/.test(l));

tt('UTC rows sorted by time across hosts, one line per event', () => {
  const m = aboTwoHosts();
  const out = renderTimelineTable(m.timeline, { summaryWidth: 0 });
  const rows = rowsOf(out);
  assert.is(rows.length, m.timeline.length);
  const times = rows.map((r) => r.slice(2, 29));
  assert.equal(times, [...times].sort());
  assert.match(out, /│ Time \(UTC\) +│ Host +│ Role +│ Event +│ Record +│ Summary +│ Findings +│/);
  assert.match(
    out,
    /│ 2024-03-12 08:02:00\.2500000 │ WEB02 │ trigger +│ Service Control Manager 7036 +│ 9120 +│ SMTPSVC entered running +│ abo-binding-rebound +│/,
  );
  assert.not.match(out, '\u001b');
});

tt('a zone adds a local column; the summary wraps at the given width', () => {
  const out = renderTimelineTable(aboTwoHosts().timeline, { timeZone: 'Asia/Tokyo', summaryWidth: 20 });
  assert.match(out, 'Local (Asia/Tokyo)');
  assert.match(out, '│ 2024-03-12 06:58:11.5000000 │ 2024-03-12 15:58:11.500 +09:00 │');
  for (const line of out.split('\n')) assert.ok(line.length < 200, line);
  assert.ok(out.split('\n').length > aboTwoHosts().timeline.length * 2);
});

tt('terminal escapes and bidi controls from logs never reach the terminal', () => {
  const out = renderTimelineTable(hostile().timeline, { summaryWidth: 0 });
  assert.not.match(out, /[\u001b\u202E]/);
  assert.match(out, '\uFFFD[31mred');
});

tt('empty timeline and unknown zone', () => {
  assert.is(renderTimelineTable([]), 'No event on the timeline.\n');
  assert.throws(
    () => renderTimelineTable([], { timeZone: 'Nowhere/City' }),
    (e: unknown) => e instanceof UsageError,
  );
});

tt.run();
