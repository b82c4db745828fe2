import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fileSystemError } from '../../src/cli/output-paths.js';
import { binding, boot, FixtureDb, proc, svc } from '../correlate/fixture-db.js';
import { isOneLineError, runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'bindtrail-user-errors-'));
const dbPath = join(dir, 'case.duckdb');

const cli = suite('cli/user-errors');

cli.before(async () => {
  const f = await FixtureDb.open(dbPath);
  const sys = await f.file('/logs/WEB01/System.evtx');
  await f.events(sys, [
    ...boot('2024-03-01 06:00:00'),
    svc('2024-03-01 10:00:00', 'IISADMIN', 4),
    binding('2024-03-01 10:00:03', 15300, '0.0.0.0:443'),
    proc('2024-03-01 10:01:00.7', 'C:\\Windows\\System32\\net.exe', "=cmd|' /C calc'!A0"),
    svc('2024-03-01 11:00:00', 'W3SVC', 4, 'WEB02.contoso.local'),
  ]);
  f.close();
  chmodSync(dbPath, 0o444);
  writeFileSync(join(dir, 'a-file'), 'not a folder\n');
});

cli.after(() => rmSync(dir, { recursive: true, force: true }));

function oneLine(args: string[], re: RegExp): void {
  const r = runCli(args, { timeoutMs: 60_000 });
  assert.ok(isOneLineError(r), `${args.join(' ')} → ${r.code} ${r.stderr}`);
  assert.match(r.stderr, re);
  assert.not.match(r.stderr, /internal error/);
}

cli('host names match by short name, FQDN and case; no match lists the hosts', () => {
  for (const host of ['WEB01', 'web01', 'WEB01.CONTOSO.LOCAL']) {
    const r = runCli(['query', 'iis-service-changes', '--db', dbPath, '--param', `host=${host}`, '-f', 'json']);
    assert.is(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as Array<{ host: string }>;
    assert.ok(rows.length > 0 && rows.every((x) => x.host === 'WEB01.contoso.local'), host);
  }
  const t = runCli(['timeline', '--db', dbPath, '--host', 'web02', '--all']);
  assert.is(t.code, 0, t.stderr);
  assert.match(t.stdout, /WEB02\.contoso\.local/);
  assert.not.match(t.stdout, /WEB01\.contoso\.local/);
  oneLine(
    ['timeline', '--db', dbPath, '--host', 'WEB3'],
    /--host "WEB3" matches no host \(did you mean "WEB01" or "WEB02"\?\); the database holds: WEB01\.contoso\.local, WEB02\.contoso\.local/,
  );
  oneLine(['query', 'reboots', '--db', dbPath, '--param', 'host=DB01'], /--param host "DB01" matches no host/);
});

cli('CSV cells that would start a formula are neutralised; times are 7-digit UTC with Z', () => {
  const csv = runCli(['query', 'iis-admin-processes', '--db', dbPath, '-f', 'csv']);
  assert.is(csv.code, 0, csv.stderr);
  assert.ok(csv.stdout.includes(`"'=cmd|' /C calc'!A0"`) || csv.stdout.includes(`'=cmd|' /C calc'!A0`), csv.stdout);
  assert.match(csv.stdout, /^2024-03-01T10:01:00\.7000000Z,/m);
  const json = runCli(['query', 'iis-admin-processes', '--db', dbPath, '-f', 'json']);
  const rows = JSON.parse(json.stdout) as Array<{ ts: string; command_line: string }>;
  assert.is(rows[0]!.ts, '2024-03-01T10:01:00.7000000Z');
  // JSON is data, not a spreadsheet: the value stays as logged.
  assert.is(rows[0]!.command_line, "=cmd|' /C calc'!A0");
});

cli('parameters are checked with the declared type; one duration parser', () => {
  oneLine(
    ['query', 'reboots', '--db', dbPath, '--param', 'since=yesterday'],
    /--param since "yesterday" is not a time/,
  );
  oneLine(
    ['query', 'ssl-binding-changes', '--db', dbPath, '--param', 'window=5'],
    /--param window "5" is not a duration/,
  );
  oneLine(['report', '--db', dbPath, '--window', '5'], /--window "5" is not a duration/);
  oneLine(
    ['query', 'reboots', '--db', dbPath, '--param', 'hots=WEB01'],
    /has no parameter "hots" \(did you mean "host"\?\)/,
  );
  oneLine(['query', 'rebots', '--db', dbPath], /no saved query with id "rebots" \(did you mean "reboots"\?\)/);
  const long = runCli(['timeline', '--db', dbPath, '--window', '30d']);
  assert.is(long.code, 0, long.stderr);
  assert.match(long.stderr, /warning: --window 30d is longer than a day/);
});

cli('export and query read a read-only database; bad output places are one line', () => {
  const out = join(dir, 'pq');
  const r = runCli(['export', '--db', dbPath, '--parquet', out]);
  assert.is(r.code, 0, r.stderr);
  assert.ok(existsSync(join(out, 'files', 'data_0.parquet')));
  const q = runCli(['query', 'reboots', '--db', dbPath]);
  assert.is(q.code, 0, q.stderr);
  oneLine(
    ['export', '--db', dbPath, '--parquet', join(dir, 'a-file')],
    /a-file: cannot write Parquet files: a part of the path is a file/,
  );
  oneLine(
    ['export', '--db', dbPath, '--parquet', join(dir, 'a-file', 'pq')],
    /a-file\/pq: cannot write Parquet files: a part of the path is a file/,
  );
  oneLine(['queries', 'lint', join(dir, 'nodir')], /nodir: no such folder/);
  oneLine(['analyze', dir, '-o', join(dir, 'no', 'such', 'r.html')], /r\.html: cannot write the report: no such file/);
  oneLine(['analyze', dir, '--db', join(dir, 'a-file', 'x.duckdb')], /x\.duckdb: cannot write the database/);
  oneLine(['ingest', dir, '--db', join(dir, 'a-file', 'x.duckdb')], /x\.duckdb: cannot write the database/);
});

cli('export into a folder the system refuses ends at once (no mkdir loop)', () => {
  // /proc takes no new folders: mkdir answers ENOENT although the parent exists.
  const t0 = Date.now();
  oneLine(['export', '--db', dbPath, '--parquet', '/proc/bindtrail-pq'], /cannot write Parquet files/);
  assert.ok(Date.now() - t0 < 30_000);
});

cli('file-system errors name the path and say what to do', () => {
  const e = fileSystemError(
    Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES', path: '/ro/pq' }),
    'cannot write Parquet files',
  );
  assert.is(e.file, '/ro/pq');
  assert.match(e.message, /cannot write Parquet files: permission denied; choose a folder you can write/);
});

cli.run();
