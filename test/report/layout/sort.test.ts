import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  sortFindingsForReport,
  tocByLevel,
  tocEntries,
  type SortableFinding,
} from '../../../src/report/layout/sort.js';

const sort = suite('report/layout/sort');

const f = (id: string, level: string, host: string | null, start: string | null): SortableFinding => ({
  id,
  level,
  host,
  start,
  title: `title ${id}`,
});

const FINDINGS = [
  f('pk-shop', 'high', 'SHOP01', '2026-03-20T06:33:22.3190000Z'),
  f('cfg-web01', 'critical', 'WEB01', null),
  f('abo-web02', 'critical', 'WEB02', '2026-03-10T15:27:16.7700000Z'),
  f('legacy-dp', 'medium', 'DP01', null),
  f('abo-web01', 'critical', 'WEB01', '2026-03-12T09:14:03.0000000Z'),
  f('abo-app02', 'critical', 'APP02', '2026-03-12T09:14:03.0000000Z'),
  f('rebound-dp', 'high', 'DP01', '2026-03-03T02:00:39.2540000Z'),
  f('note', 'info', null, null),
];

sort('level first, then time (untimed last within the level), then host', () => {
  assert.equal(
    sortFindingsForReport(FINDINGS).map((x) => x.id),
    ['abo-web02', 'abo-app02', 'abo-web01', 'cfg-web01', 'rebound-dp', 'pk-shop', 'legacy-dp', 'note'],
  );
  assert.is(FINDINGS[0]!.id, 'pk-shop', 'the input is not reordered');
});

sort('table of contents: numbers, anchors, host and level; grouped by level', () => {
  const toc = tocEntries(FINDINGS);
  assert.equal(toc[0], {
    number: 1,
    anchor: 'finding-1',
    findingId: 'abo-web02',
    title: 'title abo-web02',
    level: 'critical',
    host: 'WEB02',
    start: '2026-03-10T15:27:16.7700000Z',
  });
  assert.is(toc[7]!.host, null);
  const groups = tocByLevel(FINDINGS);
  assert.equal(
    groups.map((g) => [g.level, g.entries.length]),
    [
      ['critical', 4],
      ['high', 2],
      ['medium', 1],
      ['info', 1],
    ],
  );
  assert.equal(
    groups[1]!.entries.map((e) => e.number),
    [5, 6],
  );
});

sort.run();
