import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { boundTimeline } from '../../src/correlate/timeline-bound.js';
import type { TimelineEntry } from '../../src/model/index.js';

const t = suite('correlate/timeline-bound');

const row = (i: number, eventId: number, findingIds: string[] = [], host = 'WEB01'): TimelineEntry => ({
  time: `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}.0000000Z`,
  host,
  role: findingIds.length > 0 ? 'symptom' : 'context',
  provider: 'Schannel',
  eventId,
  recordId: String(i),
  file: 'System.evtx',
  summary: `${eventId}`,
  findingIds,
});

t('evidence rows always stay; context rows at most perKind per host, provider and event id', () => {
  const rows = [
    ...Array.from({ length: 10 }, (_, i) => row(i, 36870)),
    ...Array.from({ length: 5 }, (_, i) => row(100 + i, 36870, ['f1'])),
    ...Array.from({ length: 4 }, (_, i) => row(200 + i, 36870, [], 'WEB02')),
    row(300, 7036),
  ];
  const kept = boundTimeline(rows, 3);
  assert.is(kept.filter((e) => e.findingIds.length > 0).length, 5);
  assert.equal(
    kept.filter((e) => e.findingIds.length === 0 && e.host === 'WEB01' && e.eventId === 36870).map((e) => e.recordId),
    ['0', '1', '2'],
  );
  assert.is(kept.filter((e) => e.host === 'WEB02').length, 3);
  assert.ok(kept.some((e) => e.eventId === 7036));
});

t.run();
