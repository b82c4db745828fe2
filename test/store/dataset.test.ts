import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestPaths } from '../../src/ingest/index.js';
import { writePart } from '../../src/store/dataset-part.js';
import { openDataset } from '../../src/store/dataset.js';
import { openDatabase } from '../../src/store/db.js';
import { rows, tempDir } from '../ingest/helpers.js';

const x = suite('store/dataset');

const ev = (host: string, rec: number, time: string): string =>
  `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='EventLog'/><EventID Qualifiers='32768'>6005</EventID><Level>4</Level><TimeCreated SystemTime='${time}'/><EventRecordID>${rec}</EventRecordID><Channel>System</Channel><Computer>${host}</Computer></System><EventData><Binary></Binary></EventData></Event>`;

/** Ingests `files` into a fresh database and writes it as part `name` of `out`. */
async function part(out: string, name: string, files: string[]): Promise<void> {
  const db = await openDatabase(':memory:');
  try {
    await ingestPaths(db, files);
    await writePart(db, out, name);
  } finally {
    db.close();
  }
}

x('parts read as one case: file ids shifted per part, a file in two parts read once', async () => {
  const t = tempDir();
  try {
    for (const d of ['a', 'b', 'z']) mkdirSync(join(t.dir, d));
    const web01 = [ev('WEB01', 1, '2024-03-01T10:00:00Z'), ev('WEB01', 2, '2024-03-02T10:00:00Z')].join('\n');
    writeFileSync(join(t.dir, 'a', 'web01.xml'), web01);
    writeFileSync(join(t.dir, 'z', 'web01-copy.xml'), web01);
    writeFileSync(join(t.dir, 'b', 'web02.xml'), ev('WEB02', 7, '2024-03-01T23:59:59.9999999Z'));
    const out = join(t.dir, 'case');
    await part(out, 'p1', [join(t.dir, 'a', 'web01.xml')]);
    await part(out, 'p2', [join(t.dir, 'b', 'web02.xml'), join(t.dir, 'z', 'web01-copy.xml')]);
    assert.equal(readdirSync(out).sort(), ['part=p1', 'part=p2']);
    assert.ok(existsSync(join(out, 'part=p1', 'events', 'host=WEB01', 'day=2024-03-02')));
    const ds = await openDataset([out]);
    try {
      assert.equal(
        ds.parts.map((p) => [p.manifest.part, p.fileIdOffset, p.droppedFileIds]),
        [
          ['p1', 0, []],
          ['p2', 1, [2]],
        ],
      );
      const got = await rows(
        ds,
        `SELECT e.host, e.record_id::INTEGER AS r, e.ts::VARCHAR AS ts, e.file_id, f.path
         FROM events e JOIN files f USING (file_id) ORDER BY e.host, e.record_id`,
      );
      assert.equal(
        got.map((g) => [g.host, g.r, g.ts, g.file_id, String(g.path).slice(t.dir.length + 1)]),
        [
          ['WEB01', 1, '2024-03-01 10:00:00', 1, 'a/web01.xml'],
          ['WEB01', 2, '2024-03-02 10:00:00', 1, 'a/web01.xml'],
          ['WEB02', 7, '2024-03-01 23:59:59.9999999', 2, 'b/web02.xml'],
        ],
      );
      const types = await rows(
        ds,
        `SELECT typeof(ts) AS ts, typeof(record_id) AS r, typeof(data) AS d FROM events LIMIT 1`,
      );
      assert.equal(types, [{ ts: 'TIMESTAMP_NS', r: 'UBIGINT', d: 'JSON' }]);
      assert.equal(await rows(ds, `SELECT count(*)::INTEGER AS n FROM certificates`), [{ n: 0 }]);
      assert.equal(await rows(ds, `SELECT count(*)::INTEGER AS n FROM reboots`), [{ n: 3 }]);
    } finally {
      ds.close();
    }
  } finally {
    t.cleanup();
  }
});

x.run();
