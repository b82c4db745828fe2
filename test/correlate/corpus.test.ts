import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildReportModel } from '../../src/correlate/build-report.js';
import { ingestPaths } from '../../src/ingest/index.js';
import { packageRoot } from '../../src/paths.js';
import { openDatabase } from '../../src/store/db.js';

const corpus = process.env.BINDTRAIL_CORPUS ?? join(packageRoot(), '..', 'shared', 'corpus');
const evtxDir = join(corpus, 'evtx');

const test = suite('correlate/corpus');

test('every real corpus log yields no finding', async () => {
  if (!existsSync(evtxDir)) {
    console.log(`SKIP correlate/corpus: no corpus at ${evtxDir} (set BINDTRAIL_CORPUS)`);
    return;
  }
  const files = readdirSync(evtxDir)
    .filter((f) => f.endsWith('.evtx'))
    .map((f) => join(evtxDir, f));
  const dir = mkdtempSync(join(tmpdir(), 'bindtrail-corpus-'));
  const db = await openDatabase(join(dir, 'corpus.duckdb'));
  try {
    const summary = await ingestPaths(db, files);
    assert.ok(summary.records > 30_000, `only ${summary.records} records ingested`);
    const model = await buildReportModel(db.conn);
    assert.equal(
      model.findings.map((f) => `${f.kind} ${f.host}`),
      [],
    );
    assert.is(model.summary.verdict, 'no-incident');
    // the corpus holds reboots and 7036 changes: the timeline still shows them
    assert.ok(model.timeline.length > 10);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
