import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { lintQueries } from '../../src/cli/lint-queries.js';
import { queriesDir } from '../../src/paths.js';
import { loadSavedQueries } from '../../src/store/saved-query.js';
import { runSavedQuery } from '../../src/store/run-query.js';
import { binding, boot, cryptoFailure, FixtureDb, proc, schannel, svc } from '../correlate/fixture-db.js';

const lint = suite('queries/lint');

lint('every bundled query has a valid header and prepares against the schema', async () => {
  const { queries, problems } = await lintQueries(queriesDir(), { bundled: true });
  assert.equal(problems, []);
  assert.ok(queries.length >= 15);
  const ids = queries.map((q) => q.id);
  for (const id of [
    'ssl-binding-changes',
    'schannel-36870-by-code',
    'iis-service-changes',
    'reboots',
    'iis-admin-processes',
    'security-5061-failures',
    'event-counts',
    'abo-binding-chains',
    'private-key-failure-bursts',
  ]) {
    assert.ok(ids.includes(id), id);
  }
  const groups = new Set(queries.map((q) => q.group));
  for (const g of ['boot', 'general', 'services', 'ssl']) assert.ok(groups.has(g), g);
});

lint('reports bad SQL, undeclared and unused parameters, missing header keys, a wrong folder', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bindtrail-lint-'));
  try {
    mkdirSync(join(dir, 'misc'));
    writeFileSync(
      join(dir, 'misc', 'bad-sql.sql'),
      '-- id: bad-sql\n-- title: t\n-- description: d\n-- tags: x\nSELECT nope FROM no_such_table\n',
    );
    writeFileSync(
      join(dir, 'misc', 'params.sql'),
      '-- id: params\n-- title: t\n-- description: d\n-- tags: x\n-- params: unused:varchar\nSELECT * FROM events WHERE host = $host\n',
    );
    writeFileSync(join(dir, 'misc', 'header.sql'), '-- id: other-name\n-- level: urgent\nSELECT 1\n');
    const { problems } = await lintQueries(dir, { bundled: true });
    const text = problems.join('\n');
    assert.match(text, /bad-sql\.sql: does not prepare: .*no_such_table/);
    assert.match(text, /params\.sql: uses \$host, not declared/);
    assert.match(text, /params\.sql: declares param "unused"/);
    assert.match(text, /header\.sql: .*differs from the file name/);
    assert.match(text, /header\.sql: missing "-- title:"/);
    assert.match(text, /header\.sql: level "urgent"/);
    assert.match(text, /folder "misc" is not one of/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

lint.run();

const run = suite('queries/run');

run('every bundled query runs with its defaults on a sample-shaped database', async () => {
  const f = await FixtureDb.open();
  try {
    const sys = await f.file('System.evtx');
    const sec = await f.file('Security.evtx');
    await f.events(sys, [
      ...boot('2024-03-01 06:00:00'),
      svc('2024-03-01 10:00:00', 'IISADMIN', 4),
      binding('2024-03-01 10:00:03', 15300, '0.0.0.0:443'),
      schannel('2024-03-01 10:05:00', '0x80092004'),
      { ts: '2024-03-01 11:00:00', provider: 'EventLog', eventId: 6008, params: ['11:00', '01/03/2024'] },
      {
        ts: '2024-03-01 11:00:00',
        provider: 'Service Control Manager',
        eventId: 7034,
        params: ['World Wide Web Publishing Service', '1'],
      },
      {
        ts: '2024-03-01 10:04:59',
        provider: 'Microsoft-Windows-TerminalServices-RemoteConnectionManager',
        eventId: 261,
        data: { listenerName: 'RDP-Tcp' },
        params: ['RDP-Tcp'],
      },
    ]);
    await f.events(sec, [
      proc('2024-03-01 09:59:00', 'C:\\Windows\\System32\\iisreset.exe', 'iisreset /restart'),
      cryptoFailure('2024-03-01 10:05:00', '0x80090016', 'key-1'),
    ]);
    // An input that could not be loaded (damaged-files lists it).
    await f.conn.run(
      `INSERT INTO ingest_errors (path, severity, message) VALUES ('gone.evtx', 'error', 'no such file')`,
    );
    for (const q of loadSavedQueries(queriesDir())) {
      const r = await runSavedQuery(f.conn, q, {});
      assert.ok(r.columns.length > 0, q.id);
      // config/ queries read the artefact tables, empty here
      if (q.group !== 'config') assert.ok(r.rows.length > 0, `${q.id} returned no row`);
    }
  } finally {
    f.close();
  }
});

run.run();
