import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ingestPaths } from '../../src/ingest/index.js';
import { openDatabase } from '../../src/store/db.js';
import { packageRoot } from '../../src/paths.js';
import { corpusFiles, countRecords, rows, scalar, tempDir } from './helpers.js';

const ing = suite('ingest/ingestPaths');

ing('corpus: rows = records read for every file; files rows carry the statistics', async () => {
  const files = corpusFiles('corpus rows');
  if (files.length === 0) return;
  const db = await openDatabase(':memory:');
  try {
    const s = await ingestPaths(db, files);
    assert.is(s.failed, 0, JSON.stringify(s.files.filter((o) => o.status !== 'loaded')));
    for (const f of files) {
      const expected = await countRecords(f);
      const o = s.files.find((x) => x.path === f)!;
      assert.is(o.records, expected, `${basename(f)} records`);
      const kept = await scalar(db, 'SELECT count(*) FROM events WHERE file_id = $1', [o.fileId!]);
      assert.is(kept + o.duplicates, expected, `${basename(f)}: rows + duplicates = records`);
      const fr = (
        await rows(db, 'SELECT records, duplicates, sha256, kind FROM files WHERE file_id = $1', [o.fileId!])
      )[0]!;
      assert.is(Number(fr.records), expected);
      assert.is(Number(fr.duplicates), o.duplicates);
      assert.match(String(fr.sha256), /^[0-9a-f]{64}$/);
    }
    // security_bad_string_cache.evtx holds the same records as security.evtx: kept once.
    const dup = s.files.find((o) => o.path.includes('security_bad_string_cache'))!;
    assert.ok(dup.duplicates > 2000, `duplicates ${dup.duplicates}`);
    // Every event has a time and a file; the header record number is kept beside EventRecordID.
    assert.is(await scalar(db, 'SELECT count(*) FROM events WHERE file_id IS NULL OR header_record_id IS NULL'), 0);
  } finally {
    db.close();
  }
});

ing('idempotent by sha256: a second ingest adds nothing; --force replaces the earlier load', async () => {
  const [f] = corpusFiles('idempotence').filter((p) => p.includes('python-evtx__tests__data__system.evtx'));
  if (!f) return;
  const t = tempDir();
  const db = await openDatabase(join(t.dir, 'x.duckdb'));
  try {
    const first = await ingestPaths(db, [f]);
    const n = await scalar(db, 'SELECT count(*) FROM events');
    assert.is(n, first.records);
    const copy = join(t.dir, 'renamed.evtx');
    copyFileSync(f, copy);
    const again = await ingestPaths(db, [f, copy]);
    assert.equal(
      again.files.map((o) => o.status),
      ['skipped', 'skipped'],
    );
    assert.is(await scalar(db, 'SELECT count(*) FROM events'), n);
    assert.is(await scalar(db, 'SELECT count(*) FROM files'), 1);
    const forced = await ingestPaths(db, [f], { force: true });
    assert.is(forced.files[0]!.status, 'loaded');
    assert.is(await scalar(db, 'SELECT count(*) FROM events'), n);
    assert.is(await scalar(db, 'SELECT count(*) FROM files'), 1);
    assert.is.not(forced.files[0]!.fileId, first.files[0]!.fileId);
  } finally {
    db.close();
    t.cleanup();
  }
});

ing('bad files among good ones: each fails alone with a one-line reason, the rest loads', async () => {
  const [good] = corpusFiles('bad files').filter((p) => p.includes('DE_WinEventLogSvc_Crash_System_7036'));
  if (!good) return;
  const t = tempDir();
  const db = await openDatabase(':memory:');
  try {
    const dir = join(t.dir, 'in');
    mkdirSync(dir);
    copyFileSync(good, join(dir, 'a-good.evtx'));
    writeFileSync(join(dir, 'b-notes.txt'), 'just some text\n');
    writeFileSync(join(dir, 'c-empty.evtx'), '');
    writeFileSync(join(dir, 'd-header-only.evtx'), Buffer.concat([Buffer.from('ElfFile\0'), Buffer.alloc(20)]));
    writeFileSync(join(dir, 'e-random.bin'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    writeFileSync(
      join(dir, 'f-broken.xml'),
      '<Events><Event><System><EventID>1</EventID></System></Event><Event><System>',
    );
    const seen: string[] = [];
    const s = await ingestPaths(db, [dir, join(t.dir, 'missing.evtx')], { onFile: (o) => seen.push(o.path) });
    const by = (name: string) => s.files.find((o) => o.path.endsWith(name))!;
    assert.is(by('a-good.evtx').status, 'loaded');
    assert.is(by('a-good.evtx').records, 6);
    // Files of no known kind met in the folder are skipped (one summary line), not failed, unless
    // named like an event log.
    assert.equal(
      s.unknown.map((p) => basename(p)),
      ['b-notes.txt', 'e-random.bin'],
    );
    assert.is(by('c-empty.evtx').status, 'failed');
    assert.is(by('c-empty.evtx').message, 'empty file (0 bytes)');
    assert.is(by('d-header-only.evtx').status, 'failed');
    assert.not.match(by('d-header-only.evtx').message!, /\n/);
    assert.is(by('missing.evtx').status, 'failed');
    // A truncated XML export keeps the events before the damage and records the error.
    assert.is(by('f-broken.xml').status, 'loaded');
    assert.is(by('f-broken.xml').records, 1);
    assert.is(by('f-broken.xml').errors, 1);
    assert.match(
      by('f-broken.xml').damage!.summary,
      /^damaged: XML line 1 column \d+: .*; the events after it were not read$/,
    );
    assert.is(by('a-good.evtx').damage, null);
    assert.is(s.failed, 3);
    assert.is(seen.length, s.files.length);
    assert.is(await scalar(db, `SELECT count(*) FROM ingest_errors WHERE severity = 'error' AND file_id IS NULL`), 3);
    // Ingesting the same inputs again records each failure once, not twice.
    await ingestPaths(db, [dir, join(t.dir, 'missing.evtx')]);
    assert.is(await scalar(db, `SELECT count(*) FROM ingest_errors WHERE severity = 'error' AND file_id IS NULL`), 3);
    assert.is(await scalar(db, 'SELECT count(*) FROM events'), 7);
  } finally {
    db.close();
    t.cleanup();
  }
});

ing('configuration artefacts take the host of the single Computer logged beside them, or --host', async () => {
  const fixtures = join(packageRoot(), 'test', 'ingest', 'config', 'fixtures');
  const t = tempDir();
  const db = await openDatabase(':memory:');
  try {
    const dir = join(t.dir, 'WEB01-export');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'System.xml'),
      xmlEvent(
        'web01.contoso.local',
        7036,
        '<Data Name="param1">IIS Admin Service</Data><Data Name="param2">running</Data><Binary>490049005300410044004D0049004E002F0034000000</Binary>',
      ),
    );
    copyFileSync(join(fixtures, 'netsh-http-show-sslcert.txt'), join(dir, 'netsh.txt'));
    copyFileSync(join(fixtures, 'SslBindingInfo.reg'), join(dir, 'bindings.reg'));
    const s = await ingestPaths(db, [dir]);
    assert.is(s.failed, 0, JSON.stringify(s.files));
    assert.equal(
      s.files.map((o) => o.kind),
      ['xml', 'reg-sslbindinginfo', 'netsh-sslcert'],
    );
    assert.equal(
      (await rows(db, 'SELECT DISTINCT host FROM ssl_bindings')).map((r) => r.host),
      ['web01.contoso.local'],
    );
    const other = join(t.dir, 'lonely');
    mkdirSync(other);
    copyFileSync(join(fixtures, 'certutil-store-my.txt'), join(other, 'certs.txt'));
    await ingestPaths(db, [other]);
    assert.equal(
      (await rows(db, 'SELECT DISTINCT host FROM certificates')).map((r) => r.host),
      ['lonely'],
    );
    await ingestPaths(db, [join(fixtures, 'applicationHost.config')], { host: 'WEB02' });
    assert.equal(
      (await rows(db, 'SELECT DISTINCT host FROM config_metadata')).map((r) => r.host),
      ['WEB02'],
    );
    assert.ok(
      (await scalar(db, `SELECT count(*) FROM files WHERE kind = 'applicationHost.config' AND records > 0`)) === 1,
    );
  } finally {
    db.close();
    t.cleanup();
  }
});

/** One System-log event as Event Viewer exports it. */
export function xmlEvent(
  computer: string,
  id: number,
  eventData: string,
  provider = 'Service Control Manager',
  record = 1,
  time = '2024-03-01T10:00:00.1234567Z',
): string {
  return `<Events><Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='${provider}'/><EventID Qualifiers='16384'>${id}</EventID><Level>4</Level><Task>0</Task><Keywords>0x8080000000000000</Keywords><TimeCreated SystemTime='${time}'/><EventRecordID>${record}</EventRecordID><Channel>System</Channel><Computer>${computer}</Computer><Security/></System><EventData>${eventData}</EventData></Event></Events>`;
}

ing('read-ahead: a skipped copy, a damaged file and the files after them load as when given alone', async () => {
  const root = packageRoot();
  const a = join(root, 'samples', 'abo-5506-iisadmin', 'System.evtx');
  const b = join(root, 'samples', 'netsh-admin-delete', 'Security.evtx');
  const c = join(root, 'samples', 'netsh-admin-delete', 'System.evtx');
  const { dir, cleanup } = tempDir();
  const alone = await openDatabase(':memory:');
  const db = await openDatabase(':memory:');
  try {
    const copy = join(dir, 'copy.evtx');
    const bad = join(dir, 'short.evtx');
    copyFileSync(a, copy);
    // An EVTX signature on a file too short for its header: read as damaged, no record.
    writeFileSync(bad, Buffer.concat([Buffer.from('ElfFile\0', 'latin1'), Buffer.alloc(200)]));
    const each = [];
    for (const f of [a, b, c]) each.push(await ingestPaths(alone, [f]));
    // a's read-ahead is the copy (skipped: dropped unread), b's the damaged file.
    const s = await ingestPaths(db, [a, copy, b, bad, c]);
    const by = (p: string) => s.files.find((o) => o.path === p)!;
    assert.is(by(copy).status, 'skipped');
    assert.is(by(bad).records, 0);
    assert.match(by(bad).damage?.summary ?? '', /truncated at 208 of 4,096 bytes/);
    for (const [i, f] of [a, b, c].entries()) {
      assert.is(by(f).status, 'loaded', f);
      assert.is(by(f).records, each[i]!.records, `${f} records`);
    }
    const digest =
      "SELECT md5(string_agg(md5(e::VARCHAR), '' ORDER BY host, channel, record_id)) AS d FROM (SELECT * EXCLUDE (file_id) FROM events) e";
    assert.is(String((await rows(db, digest))[0]!.d), String((await rows(alone, digest))[0]!.d));
  } finally {
    db.close();
    alone.close();
    cleanup();
  }
});

ing.run();
