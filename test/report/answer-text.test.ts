import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { missingLines, outageLines } from '../../src/report/answer-text.js';
import type { Outage } from '../../src/report/layout/answer-types.js';

const t = suite('report/answer-text');

const outage = (downAt: string, upAt: string | null, endpoint = '0.0.0.0:443'): Outage => ({
  host: 'WEB01',
  endpoint,
  downAt,
  upAt,
  stillDown: upAt === null,
  logEnd: upAt === null ? '2026-01-02T00:00:00.0000000Z' : null,
  down: { file: 'System.evtx', recordId: '1' },
  up: upAt === null ? null : { file: 'System.evtx', recordId: '2' },
});

t('up to two outages of an endpoint are listed, more are one line with count, longest and last', () => {
  const two = outageLines([outage('2026-01-01T10:00:00.0000000Z', '2026-01-01T10:30:00.0000000Z')], null);
  assert.equal(two, [
    {
      text: '0.0.0.0:443 on WEB01: down at 2026-01-01 10:00:00.0000000 UTC, re-created at 2026-01-01 10:30:00.0000000 UTC (down 30 min)',
      stillDown: false,
    },
  ]);
  const many = outageLines(
    [
      outage('2026-01-01T10:00:00.0000000Z', '2026-01-01T10:30:00.0000000Z'),
      outage('2026-01-01T11:00:00.0000000Z', '2026-01-01T13:00:00.0000000Z'),
      outage('2026-01-01T14:00:00.0000000Z', null),
      outage('2026-01-01T10:00:00.0000000Z', null, '0.0.0.0:8443'),
    ],
    null,
  );
  assert.is(many.length, 2);
  assert.match(
    many[0]!.text,
    /^0\.0\.0\.0:443 on WEB01: 3 outages from 2026-01-01 10:00:00\.0000000 UTC, the longest 10 h; the last down at 2026-01-01 14:00:00/,
  );
  assert.match(many[0]!.text, /still down at the end of the logs/);
  assert.ok(many[0]!.stillDown);
  assert.match(many[1]!.text, /^0\.0\.0\.0:8443 on WEB01: down at/);
});

t('missing values that need the same artefact are one line; values differing by endpoint are named once', () => {
  const certutil = 'collect `certutil -v -store my` from WEB01';
  assert.equal(
    missingLines([
      { host: 'WEB01', what: 'the thumbprint for 0.0.0.0:443', collect: certutil },
      { host: 'WEB01', what: 'the thumbprint for [::]:8443', collect: certutil },
      { host: 'WEB01', what: 'a usable certificate for www.contoso.com:443: none qualifies', collect: certutil },
      { host: 'WEB01', what: 'the thumbprint for ccs:443', collect: certutil },
      { host: 'WEB01', what: 'the application id', collect: 'collect `netsh http show sslcert` from WEB01' },
    ]),
    [
      'the thumbprint for 0.0.0.0:443, [::]:8443, ccs:443; a usable certificate for www.contoso.com:443: none qualifies: collect `certutil -v -store my` from WEB01',
      'the application id: collect `netsh http show sslcert` from WEB01',
    ],
  );
});

t.run();
