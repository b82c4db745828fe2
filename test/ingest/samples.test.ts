import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ingestPaths } from '../../src/ingest/index.js';
import { samplesDir } from '../../src/paths.js';
import { openDatabase } from '../../src/store/db.js';
import { countRecords, scalar } from './helpers.js';

const s = suite('ingest/samples');

s('every sample folder: rows = records of its logs, artefacts loaded, only the notes refused', async () => {
  const dir = samplesDir();
  const folders = existsSync(dir) ? readdirSync(dir).filter((f) => !f.startsWith('.')) : [];
  if (folders.length === 0) {
    console.log(`SKIP ingest/samples: no samples in ${dir} (make samples)`);
    return;
  }
  for (const folder of folders) {
    const db = await openDatabase(':memory:');
    try {
      const sum = await ingestPaths(db, [join(dir, folder)]);
      for (const o of sum.files) {
        if (o.status === 'failed') {
          assert.ok(['README.md', 'expected.json'].includes(basename(o.path)), `${o.path}: ${o.message}`);
          continue;
        }
        assert.is(o.status, 'loaded', o.path);
        if (o.kind === 'evtx') assert.is(o.records, await countRecords(o.path), o.path);
        assert.is(o.errors, 0, `${o.path} errors`);
      }
      // localized-de holds an Event Viewer XML export instead of .evtx files
      const logs = sum.files.filter((o) => o.kind === 'evtx' || o.kind === 'xml');
      assert.ok(logs.length > 0, `${folder}: no event log`);
      const records = logs.reduce((n, o) => n + o.records, 0);
      assert.is(await scalar(db, 'SELECT count(*) FROM events'), records - logs.reduce((n, o) => n + o.duplicates, 0));
      // Artefacts carry the host of the logs beside them.
      assert.is(
        await scalar(db, `SELECT count(*) FROM ssl_bindings b WHERE b.host NOT IN (SELECT host FROM events)`),
        0,
        `${folder}: artefact hosts`,
      );
    } finally {
      db.close();
    }
  }
});

s.run();
