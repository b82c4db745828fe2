import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildReportModel } from '../../src/correlate/build-report.js';
import { buildTimeline } from '../../src/correlate/timeline.js';
import { correlateEvents } from '../../src/correlate/correlate.js';
import { isoUtc } from '../../src/correlate/time.js';
import { binding, boot, FixtureDb, schannel, svc } from './fixture-db.js';

const report = suite('correlate/build-report');

report('incident: summary, hosts, files, findings and a timeline of evidence plus context', async () => {
  const f = await FixtureDb.open();
  try {
    const a = await f.file('WEB01/System.evtx');
    const b = await f.file('WEB02/System.evtx');
    await f.events(a, [
      ...boot('2024-03-01 06:00:00', 'WEB01'),
      svc('2024-03-01 09:58:00', 'W3SVC', 4, 'WEB01'),
      svc('2024-03-01 10:00:00', 'IISADMIN', 4, 'WEB01'),
      binding('2024-03-01 10:00:03', 15300, '0.0.0.0:443', 'WEB01'),
    ]);
    await f.events(b, [svc('2024-03-01 10:00:00', 'W3SVC', 4, 'WEB02')]);
    const model = await buildReportModel(f.conn, {
      generatedAt: '2024-04-01T00:00:00.000Z',
      timeZone: 'Europe/Berlin',
    });
    assert.is(model.summary.verdict, 'incident');
    assert.match(model.summary.headline, /SSL binding deleted by the ABO mapper \(0\.0\.0\.0:443\) on WEB01/);
    assert.is(model.summary.findingsByLevel.critical, 1);
    assert.equal(
      model.hosts.map((h) => [h.host, h.events, h.findings]),
      [
        ['WEB01', 5, 1],
        ['WEB02', 1, 0],
      ],
    );
    assert.equal(
      model.files.map((x) => x.path),
      ['WEB01/System.evtx', 'WEB02/System.evtx'],
    );
    assert.is(model.generatedAt, '2024-04-01T00:00:00.000Z');
    assert.is(model.timeZone, 'Europe/Berlin');
    const roles = model.timeline.map((e) => `${e.host} ${e.role} ${e.summary}`);
    assert.equal(roles, [
      'WEB01 context W3SVC entered running',
      'WEB01 trigger IISADMIN service entered running (7036)',
      'WEB01 symptom 15300 SSL binding deleted 0.0.0.0:443',
    ]);
    assert.equal(model.timeline[1]!.findingIds, [model.findings[0]!.id]);
  } finally {
    f.close();
  }
});

report('no incident: verdict, headline, every notable event on the timeline', async () => {
  const f = await FixtureDb.open();
  try {
    const a = await f.file('System.evtx');
    await f.events(a, [
      ...boot('2024-03-01 06:00:00'),
      svc('2024-03-01 06:00:20', 'W3SVC', 4),
      { ts: '2024-03-01 07:00:00', provider: 'Other', eventId: 1 },
    ]);
    const model = await buildReportModel(f.conn);
    assert.is(model.summary.verdict, 'no-incident');
    assert.is(model.findings.length, 0);
    assert.match(model.summary.headline, /No incident found in 4 event\(s\) from 1 host\(s\)/);
    assert.is(model.timeline.length, 3);
    const all = await buildTimeline(f.conn, [], { all: true });
    assert.is(all.length, 4);
    const late = await buildTimeline(f.conn, [], { all: true, since: '2024-03-01 06:30:00' });
    assert.equal(
      late.map((e) => e.summary),
      ['Other 1'],
    );
  } finally {
    f.close();
  }
});

report('host and time filters narrow the correlation', async () => {
  const f = await FixtureDb.open();
  try {
    const a = await f.file('System.evtx');
    await f.events(a, [
      schannel('2024-03-01 10:00:00', '0x8009001A', 0, 'A'),
      schannel('2024-03-02 10:00:00', '0x8009001A', 0, 'B'),
    ]);
    assert.equal(
      (await correlateEvents(f.conn)).map((x) => x.host),
      ['A', 'B'],
    );
    assert.equal(
      (await correlateEvents(f.conn, { host: 'B' })).map((x) => x.host),
      ['B'],
    );
    assert.equal(
      (await correlateEvents(f.conn, { until: '2024-03-01 23:59:59' })).map((x) => x.host),
      ['A'],
    );
  } finally {
    f.close();
  }
});

report.run();

const time = suite('correlate/time');

time('DuckDB times to ISO UTC with 7 digits', () => {
  assert.is(isoUtc('2024-03-01 10:00:00'), '2024-03-01T10:00:00.0000000Z');
  assert.is(isoUtc('2024-03-01 10:00:00.123456789'), '2024-03-01T10:00:00.1234567Z');
  assert.is(isoUtc(null), null);
});

time.run();
