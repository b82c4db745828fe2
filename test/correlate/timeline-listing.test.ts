/**
 * The report's timeline stays bounded: routine repeats of a notable event are counted per host,
 * hour and kind instead of listed; `all` still lists every event.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildReportModel } from '../../src/correlate/build-report.js';
import { ROUTINE_PER_HOUR } from '../../src/correlate/timeline.js';
import { binding, boot, FixtureDb, schannel, svc } from './fixture-db.js';

const bound = suite('correlate/timeline-listing');

/** `n` W3SVC state changes a minute apart from 09:`from` (7036: running, then stopped). */
function restarts(n: number, host: string, from = 0): ReturnType<typeof svc>[] {
  return Array.from({ length: n }, (_, i) =>
    svc(`2024-03-01 09:${String(from + i).padStart(2, '0')}:30`, 'W3SVC', i % 2 === 0 ? 4 : 1, host),
  );
}

bound('no finding: rare events listed, routine repeats only counted', async () => {
  const f = await FixtureDb.open();
  try {
    const a = await f.file('WEB01/System.evtx');
    await f.events(a, [...boot('2024-03-01 06:00:00', 'WEB01'), ...restarts(40, 'WEB01')]);
    const m = await buildReportModel(f.conn, { generatedAt: '2024-04-01T00:00:00.000Z' });
    assert.ok(m.timeline.length > 0 && m.timeline.every((e) => e.eventId !== 7036), 'restarts are not listed');
    const scm = m.notableCounts.filter((c) => c.eventId === 7036);
    assert.equal(scm, [
      {
        host: 'WEB01',
        kind: 'service',
        provider: 'Service Control Manager',
        eventId: 7036,
        bucketStart: '2024-03-01T09:00:00.0000000Z',
        bucketEnd: '2024-03-01T10:00:00.0000000Z',
        count: 40,
      },
    ]);
    assert.ok(m.notableCounts.some((c) => c.kind === 'boot' && c.bucketStart === '2024-03-01T06:00:00.0000000Z'));
    const all = await buildReportModel(f.conn, { all: true, generatedAt: '2024-04-01T00:00:00.000Z' });
    assert.is(all.timeline.filter((e) => e.eventId === 7036).length, 40);
  } finally {
    f.close();
  }
});

bound('a few events of a kind in an hour are still listed, and a finding keeps its evidence', async () => {
  const f = await FixtureDb.open();
  try {
    const a = await f.file('WEB01/System.evtx');
    await f.events(a, [
      ...restarts(ROUTINE_PER_HOUR, 'WEB01', 52),
      svc('2024-03-01 10:00:00', 'IISADMIN', 4, 'WEB01'),
      binding('2024-03-01 10:00:03', 15300, '0.0.0.0:443', 'WEB01'),
    ]);
    const m = await buildReportModel(f.conn, { generatedAt: '2024-04-01T00:00:00.000Z' });
    assert.ok(m.findings.length > 0);
    assert.ok(m.timeline.some((e) => e.role === 'trigger') && m.timeline.some((e) => e.role === 'symptom'));
    assert.is(m.timeline.filter((e) => e.role === 'context' && e.eventId === 7036).length, ROUTINE_PER_HOUR);
  } finally {
    f.close();
  }
});

bound('a burst of symptoms: a few listed per hour, the finding keeps them as evidence', async () => {
  const f = await FixtureDb.open();
  try {
    const a = await f.file('WEB01/System.evtx');
    const failures = Array.from({ length: 30 }, (_, i) =>
      schannel(`2024-03-01 10:${String(10 + i).padStart(2, '0')}:00`, '0x80092004', 0, 'WEB01'),
    );
    await f.events(a, [
      svc('2024-03-01 10:00:00', 'IISADMIN', 4, 'WEB01'),
      binding('2024-03-01 10:00:03', 15300, '0.0.0.0:443', 'WEB01'),
      ...failures,
    ]);
    const m = await buildReportModel(f.conn, { generatedAt: '2024-04-01T00:00:00.000Z' });
    const evidence = Math.max(...m.findings.map((x) => x.evidence.filter((e) => e.eventId === 36870).length));
    assert.ok(evidence > ROUTINE_PER_HOUR, `a finding holds the failures as evidence (${evidence})`);
    assert.is(m.timeline.filter((e) => e.eventId === 36870).length, ROUTINE_PER_HOUR);
    assert.is(m.notableCounts.find((c) => c.eventId === 36870)?.count, 30);
    const all = await buildReportModel(f.conn, { all: true, generatedAt: '2024-04-01T00:00:00.000Z' });
    assert.is(all.timeline.filter((e) => e.eventId === 36870).length, 30);
  } finally {
    f.close();
  }
});

bound.run();
