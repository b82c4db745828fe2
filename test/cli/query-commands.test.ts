import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { binding, boot, FixtureDb, schannel, svc } from '../correlate/fixture-db.js';
import { isOneLineError, runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'bindtrail-cli-'));
const dbPath = join(dir, 'incident.duckdb');

const cli = suite('cli/queries-query-timeline-report');

cli.before(async () => {
  const f = await FixtureDb.open(dbPath);
  const sys = await f.file('/logs/WEB01/System.evtx');
  await f.events(sys, [
    ...boot('2024-03-01 06:00:00'),
    svc('2024-03-01 10:00:00', 'IISADMIN', 4),
    binding('2024-03-01 10:00:03', 15300, '0.0.0.0:443'),
    schannel('2024-03-01 10:05:00', '0x80092004'),
    { ts: '2024-03-01 10:06:00', provider: 'Evil', eventId: 1, params: ['<script>alert(1)</script>\u001b[2J'] },
    svc('2024-03-01 14:00:00', 'IISADMIN', 4),
    binding('2024-03-01 14:00:02', 15300, '0.0.0.0:443'),
  ]);
  f.close();
  writeFileSync(
    join(dir, 'mine.sql'),
    '-- id: mine\n-- title: Mine\n-- params: host:varchar\nSELECT count(*)::INTEGER AS n FROM events WHERE ($host::VARCHAR IS NULL OR host = $host)\n',
  );
  writeFileSync(join(dir, 'not-a-db.duckdb'), 'hello, this is text\n');
});

cli.after(() => rmSync(dir, { recursive: true, force: true }));

cli('queries lists every saved query; queries lint passes', () => {
  const list = runCli(['queries']);
  assert.is(list.code, 0, list.stderr);
  for (const s of ['abo-binding-chains', 'schannel-36870-by-code', 'iis-service-changes', 'reboots', 'critical'])
    assert.ok(list.stdout.includes(s), s);
  const lint = runCli(['queries', 'lint']);
  assert.is(lint.code, 0, lint.stderr);
  assert.match(lint.stdout, /\d+ queries checked, 0 problem\(s\)/);
});

cli('queries lint DIR fails with the problems listed', () => {
  const bad = mkdtempSync(join(dir, 'q-'));
  writeFileSync(join(bad, 'x.sql'), '-- id: x\n-- title: X\n-- description: d\n-- tags: t\nSELECT * FROM nowhere\n');
  const r = runCli(['queries', 'lint', bad]);
  assert.is(r.code, 1);
  assert.match(r.stderr, /x\.sql: does not prepare/);
});

cli('query runs a saved query with named parameters in every format', () => {
  const json = runCli(['query', 'ssl-binding-changes', '--db', dbPath, '--param', 'window=10m', '--format', 'json']);
  assert.is(json.code, 0, json.stderr);
  const rows = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
  assert.equal(
    rows.map((r) => [r.endpoint, r.deleted, r.deleted_not_recreated]),
    [['0.0.0.0:443', 2, 2]],
  );
  const csv = runCli(['query', 'reboots', '--db', dbPath, '-f', 'csv']);
  assert.is(csv.stdout.split('\r\n')[0], 'ts,host,kind,event_id,provider,unexpected,record_id,file');
  const md = runCli(['query', 'schannel-36870-by-code', '--db', dbPath, '-f', 'md']);
  assert.match(md.stdout, /\| WEB01\.contoso\.local \| 0x80092004 \| CRYPT\\_E\\_NOT\\_FOUND \| 1 \|/);
  const table = runCli([
    'query',
    'all-events',
    '--db',
    dbPath,
    '--param',
    'since=2024-03-01 10:06:00',
    '--param',
    'until=2024-03-01 10:06:00',
  ]);
  assert.is(table.code, 0, table.stderr);
  assert.ok(!table.stdout.includes('\u001b'), 'terminal escape from a log reached the table');
  assert.match(table.stdout, /1 row\(s\)/);
});

cli('query runs a user .sql file', () => {
  const r = runCli([
    'query',
    join(dir, 'mine.sql'),
    '--db',
    dbPath,
    '--param',
    'host=WEB01.contoso.local',
    '-f',
    'json',
  ]);
  assert.is(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout), [{ n: 8 }]);
});

cli('query: bad input gives one-line errors', () => {
  const cases: Array<[string[], RegExp]> = [
    [['query', 'no-such-query', '--db', dbPath], /no saved query with id "no-such-query"/],
    [['query', 'reboots', '--db', join(dir, 'missing.duckdb')], /missing\.duckdb: database not found/],
    [['query', 'reboots', '--db', join(dir, 'not-a-db.duckdb')], /not-a-db\.duckdb: cannot open database/],
    [['query', 'reboots'], /--db FILE is required/],
    [['query', 'reboots', '--db', dbPath, '--param', 'bogus=1'], /has no parameter "bogus"/],
    [
      ['query', 'reboots', '--db', dbPath, '--param', 'since=yesterday-ish'],
      /--param since "yesterday-ish" is not a time/,
    ],
    [['query', 'reboots', '--db', dbPath, '--param', 'nonsense'], /is not name=value/],
    [['query', 'reboots', '--db', dbPath, '--format', 'xml'], /--format "xml" is not one of/],
    [['query', join(dir, 'nope.sql'), '--db', dbPath], /nope\.sql: cannot read query file/],
  ];
  for (const [args, re] of cases) {
    const r = runCli(args);
    assert.ok(isOneLineError(r), `${args.join(' ')} → ${r.code} ${r.stderr}`);
    assert.match(r.stderr, re);
  }
});

cli('timeline shows the chain, local time with --tz, every event with --all', () => {
  const r = runCli(['timeline', '--db', dbPath, '--tz', 'Europe/Berlin']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /Local \(Europe\/Berlin\)/);
  assert.match(r.stdout, /IISADMIN service entered running/);
  assert.match(r.stdout, /2024-03-01 11:00:03\.000 \+01:00/);
  assert.ok(!r.stdout.includes('<script>'), 'non-notable event without --all');
  const all = runCli(['timeline', '--db', dbPath, '--all', '--from', '2024-03-01T10:06', '--to', '2024-03-01T10:07']);
  assert.is(all.code, 0, all.stderr);
  assert.ok(all.stdout.includes('<script>') && !all.stdout.includes('\u001b'));
  for (const [args, re] of [
    [['timeline', '--db', dbPath, '--tz', 'Mars/Olympus'], /unknown time zone/],
    [['timeline', '--db', dbPath, '--from', 'last tuesday'], /--from "last tuesday" is not a time/],
    [['timeline', '--db', dbPath, '--window', 'soon'], /--window "soon" is not a duration/],
  ] as Array<[string[], RegExp]>) {
    const e = runCli(args);
    assert.ok(isOneLineError(e), `${args.join(' ')} → ${e.code} ${e.stderr}`);
    assert.match(e.stderr, re);
  }
});

cli('report writes md, html and json; format from the extension', () => {
  const json = runCli(['report', '--db', dbPath, '--format', 'json']);
  assert.is(json.code, 0, json.stderr);
  const model = JSON.parse(json.stdout) as {
    summary: { verdict: string };
    findings: Array<{ kind: string; occurrences: number }>;
  };
  assert.is(model.summary.verdict, 'incident');
  assert.equal(
    model.findings.map((f) => [f.kind, f.occurrences]),
    [['abo-binding-deleted', 2]],
  );
  const html = join(dir, 'r.html');
  const r = runCli(['report', '--db', dbPath, '-o', html]);
  assert.is(r.code, 0, r.stderr);
  assert.match(readFileSync(html, 'utf8'), /^<!DOCTYPE html>/);
  const md = runCli(['report', '--db', dbPath]);
  assert.match(md.stdout, /^# bindtrail incident report/);
  for (const [args, re] of [
    [['report', '--db', dbPath, '--format', 'pdf'], /--format "pdf" is not one of md\|html\|json/],
    [['report', '--db', dbPath, '-o', join(dir, 'r.txt')], /cannot tell the report format/],
    [['report', '--db', dbPath, '-o', join(dir, 'no', 'such', 'dir', 'r.md')], /r\.md: cannot write the report/],
  ] as Array<[string[], RegExp]>) {
    const e = runCli(args);
    assert.ok(isOneLineError(e), `${args.join(' ')} → ${e.code} ${e.stderr}`);
    assert.match(e.stderr, re);
  }
});

cli.run();
