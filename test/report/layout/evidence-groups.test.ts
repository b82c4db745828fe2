import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  formatEvidenceGroup,
  groupEvidence,
  summaryPattern,
  type EvidenceRow,
} from '../../../src/report/layout/evidence-groups.js';

const groups = suite('report/layout/evidence-groups');

const FILE = 'samples/abo-5506-iisadmin/System.evtx';

function schannel(n: number, first: number, startMs: number): EvidenceRow[] {
  return Array.from({ length: n }, (_, i) => ({
    file: FILE,
    recordId: String(first + i),
    time: new Date(startMs + i * 100_000).toISOString().replace('Z', '0000Z'),
    host: 'WEB01.contoso.local',
    role: 'symptom',
    provider: 'Schannel',
    eventId: 36870,
    summary: '36870 private key error 0x80092004 CRYPT_E_NOT_FOUND',
  }));
}

const clock = (iso: string): string => iso.slice(11, 16);

groups('49 identical 36870s: one group with count 49 and the record range', () => {
  const rows = schannel(49, 48301, Date.UTC(2026, 2, 12, 9, 16, 56));
  const out = groupEvidence(rows);
  assert.is(out.length, 1);
  const g = out[0]!;
  assert.is(g.count, 49);
  assert.is(g.firstTime, '2026-03-12T09:16:56.0000000Z');
  assert.is(g.lastTime, rows[48]!.time);
  assert.equal(g.records, [{ file: FILE, count: 49, first: '48301', last: '48349', contiguous: true, runs: null }]);
  assert.equal(g.files, [FILE]);
  assert.is(
    formatEvidenceGroup(g, clock),
    '49 × Schannel 36870 private key error 0x80092004 CRYPT_E_NOT_FOUND, 09:16–10:36, records 48301–48349',
  );
});

groups('record ids are compared as numbers; short gaps are listed, long ones summarised', () => {
  const rows = [
    ...schannel(3, 998, 0),
    ...schannel(2, 1010, 10_000_000),
    ...schannel(1, Number.MAX_SAFE_INTEGER, 20_000_000),
  ];
  rows[5]!.recordId = '99999999999999999999';
  const g = groupEvidence(rows)[0]!;
  assert.is(g.records[0]!.first, '998');
  assert.is(g.records[0]!.last, '99999999999999999999');
  assert.not.ok(g.records[0]!.contiguous);
  assert.equal(g.records[0]!.runs, [
    ['998', '1000'],
    ['1010', '1011'],
    ['99999999999999999999', '99999999999999999999'],
  ]);
  assert.match(formatEvidenceGroup(g, clock), 'records 998–1000, 1010–1011, 99999999999999999999');
  const many = groupEvidence(
    Array.from({ length: 10 }, (_, i) => ({ ...schannel(1, i * 10, 0)[0]! })),
    { maxRuns: 4 },
  )[0]!;
  assert.is(many.records[0]!.runs, null);
  assert.match(formatEvidenceGroup(many, clock), 'records 0–90 (with gaps)');
});

groups('different hosts, roles, event ids or error codes stay apart; plain numbers do not split', () => {
  const base = schannel(1, 1, 0)[0]!;
  const rows: EvidenceRow[] = [
    base,
    { ...base, recordId: '2', host: 'WEB02' },
    { ...base, recordId: '3', role: 'context' },
    { ...base, recordId: '4', summary: '36870 private key error 0x80090016 NTE_BAD_KEYSET' },
    { ...base, recordId: '5', eventId: 36887, summary: '36887 fatal alert 46 received' },
    { ...base, recordId: '6', eventId: 36887, summary: '36887 fatal alert 46 received' },
    {
      ...base,
      recordId: '7',
      provider: 'Service Control Manager',
      eventId: 7036,
      summary: 'IISADMIN service entered running (7036) pid 4711',
    },
    {
      ...base,
      recordId: '8',
      provider: 'Service Control Manager',
      eventId: 7036,
      summary: 'IISADMIN service entered running (7036) pid 815',
    },
  ];
  const out = groupEvidence(rows);
  assert.equal(
    out.map((g) => g.count),
    [1, 1, 1, 1, 2, 2],
  );
  assert.equal(out[5]!.rows, [6, 7]);
  assert.is(out[5]!.variants, 2);
  assert.match(
    formatEvidenceGroup(out[5]!, clock),
    '2 × Service Control Manager 7036 IISADMIN service entered running (7036) pid 4711 (and similar)',
  );
  assert.is(
    summaryPattern('15300 SSL binding deleted 0.0.0.0:443 after 12 s'),
    '# SSL binding deleted 0.0.0.0:443 after # s',
  );
  assert.is(summaryPattern('inetmgr6.exe started, 0x8009030D, W3SVC/1'), 'inetmgr6.exe started, 0x8009030D, W3SVC/1');
});

groups('configuration rows (no time, no record id) and several files', () => {
  const cfg: EvidenceRow = {
    file: 'applicationHost.config',
    recordId: null,
    time: null,
    host: 'WEB01',
    role: 'configuration',
    summary: '<key path="LM/W3SVC/1"> property 5506 = oXiH…',
  };
  const g = groupEvidence([cfg])[0]!;
  assert.is(g.firstTime, null);
  assert.equal(g.records, [
    { file: 'applicationHost.config', count: 1, first: null, last: null, contiguous: false, runs: null },
  ]);
  assert.is(formatEvidenceGroup(g, clock), '<key path="LM/W3SVC/1"> property 5506 = oXiH…');
  const two = groupEvidence([
    ...schannel(2, 10, 0),
    ...schannel(2, 500, 1000).map((r) => ({ ...r, file: 'copy/System.evtx' })),
  ])[0]!;
  assert.is(two.count, 4);
  assert.equal(two.files, [FILE, 'copy/System.evtx']);
  assert.match(formatEvidenceGroup(two, clock), `records 10–11 in ${FILE}, records 500–501 in copy/System.evtx`);
});

groups('splitGapMs: one group per burst when the bursts are hours apart', () => {
  const rows = [
    ...schannel(22, 48290, Date.UTC(2026, 2, 12, 9, 16, 56)),
    ...schannel(47, 48500, Date.UTC(2026, 2, 14, 2, 18, 25)),
  ];
  assert.is(groupEvidence(rows).length, 1);
  const out = groupEvidence(rows, { splitGapMs: 30 * 60_000 });
  assert.equal(
    out.map((g) => [g.count, g.records[0]!.first, g.records[0]!.last]),
    [
      [22, '48290', '48311'],
      [47, '48500', '48546'],
    ],
  );
  assert.is(out[1]!.rows[0], 22);
});

groups.run();
