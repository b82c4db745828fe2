import { readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import yazl from 'yazl';
import { isEscaping } from '../../src/ingest/archive.js';
import { ARCHIVE_LIMITS, ingestPaths } from '../../src/ingest/index.js';
import { openDatabase } from '../../src/store/db.js';
import { scalar, tempDir } from './helpers.js';

const limits = suite('ingest/archive-limits');

async function zipOf(entries: Array<{ name: string; data: Buffer }>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(e.data, e.name);
  zip.end();
  const parts: Buffer[] = [];
  for await (const chunk of zip.outputStream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

/** A one-event XML export of `host`. */
const events = (host: string, id: number): Buffer =>
  Buffer.from(
    `<Events><Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Service Control Manager'/><EventID>${id}</EventID><TimeCreated SystemTime='2024-03-01T10:00:00.1234567Z'/><EventRecordID>1</EventRecordID><Channel>System</Channel><Computer>${host}</Computer></System></Event></Events>`,
  );

const unpackDirs = (): string[] => readdirSync(tmpdir()).filter((n) => n.startsWith('bindtrail-unpack-'));

limits('nesting depth, entry count and total size are enforced; the rest loads; temp files go', async () => {
  const t = tempDir();
  const db = await openDatabase(':memory:');
  const before = unpackDirs().length;
  try {
    const deep = await zipOf([
      { name: 'a.xml', data: events('A', 7036) },
      { name: 'inner.zip', data: await zipOf([{ name: 'b.xml', data: events('B', 7036) }]) },
    ]);
    writeFileSync(join(t.dir, 'deep.zip'), deep);
    const many = await zipOf([1, 2, 3].map((i) => ({ name: `${i}.xml`, data: events(`M${i}`, 7036) })));
    writeFileSync(join(t.dir, 'many.zip'), many);
    writeFileSync(join(t.dir, 'big.xml.gz'), gzipSync(Buffer.concat([events('G', 7036), Buffer.alloc(4096, 32)])));
    const s = await ingestPaths(db, [join(t.dir, 'deep.zip'), join(t.dir, 'many.zip'), join(t.dir, 'big.xml.gz')], {
      archiveLimits: { ...ARCHIVE_LIMITS, maxDepth: 1, maxEntries: 2, maxTotalBytes: 2048 },
    });
    const failed = s.files
      .filter((f) => f.status === 'failed')
      .map((f) => `${f.path.slice(t.dir.length + 1)}: ${f.message}`);
    assert.ok(
      failed.includes('deep.zip!inner.zip: refused: archives nested more than 1 deep; unpack the outer ones first'),
      failed.join('\n'),
    );
    assert.ok(failed.includes('many.zip: refused: 3 entries, more than the 2 an archive may hold'), failed.join('\n'));
    assert.ok(
      failed.some((f) => /^big\.xml\.gz: refused: the archive would unpack to more than/.test(f)),
      failed.join('\n'),
    );
    assert.equal(
      s.files.filter((f) => f.status === 'loaded').map((f) => f.path.slice(t.dir.length + 1)),
      ['deep.zip!a.xml'],
    );
    assert.is(await scalar(db, 'SELECT count(*) FROM events'), 1);
    assert.is(unpackDirs().length, before, 'the temporary folder is removed');
  } finally {
    db.close();
    t.cleanup();
  }
});

limits('entry names that leave the archive', () => {
  for (const bad of ['../x.evtx', 'a/../../x', '/etc/passwd', 'C:\\Windows\\x.evtx', 'c:x', '..\\x', 'a\0b'])
    assert.ok(isEscaping(bad), bad);
  for (const ok of ['WEB01/System.evtx', 'a..b/c', '..x/y', 'x/.../y']) assert.not.ok(isEscaping(ok), ok);
});

limits.run();
