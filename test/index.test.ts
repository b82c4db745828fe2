import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import * as lib from '../src/index.js';
import { packageRoot, samplesDir } from '../src/paths.js';
import { generateAll } from '../src/samples/cli.js';

const entry = suite('index (library entry)');

entry('package.json main and types name the built entry', async () => {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { main: string; types: string };
  assert.ok(existsSync(join(packageRoot(), pkg.types)), pkg.types);
  const viaMain = (await import(pathToFileURL(join(packageRoot(), pkg.main)).href)) as typeof lib;
  assert.is(viaMain.ingestPaths, lib.ingestPaths);
});

entry('a sample end to end: read, ingest into memory, saved query, report model, Markdown', async () => {
  let scenario = join(samplesDir(), 'abo-5506-iisadmin');
  const tmp = existsSync(join(scenario, 'expected.json')) ? null : mkdtempSync(join(tmpdir(), 'bindtrail-lib-'));
  if (tmp) {
    generateAll(join(tmp, 'samples'));
    scenario = join(tmp, 'samples', 'abo-5506-iisadmin');
  }
  let records = 0;
  for await (const item of lib.readEvtx(join(scenario, 'System.evtx'))) if (item.kind === 'record') records += 1;
  const db = await lib.openDatabase(':memory:');
  try {
    const ingest = await lib.ingestPaths(db, [scenario], { host: null });
    assert.ok(ingest.files.some((f) => f.kind === 'evtx' && f.status === 'loaded' && f.records === records));
    const triggers = await lib.runSavedQuery(db.conn, lib.resolveSavedQuery('abo-triggers', lib.queriesDir()), {});
    assert.ok(triggers.rows.length > 0);
    const model = await lib.buildReportModel(db.conn, { window: '2 minutes' });
    assert.ok(model.findings.some((f) => f.kind === 'abo-binding-deleted'));
    const md = lib.renderReport(model, 'md');
    assert.match(md, /^# bindtrail incident report/);
    assert.match(md, /abo-binding-deleted/);
  } finally {
    db.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
});

entry.run();
