import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { samplesDir } from '../../src/paths.js';
import { generateAll } from '../../src/samples/cli.js';
import { SCHEMA_VERSION } from '../../src/store/schema.js';
import { isOneLineError, runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'bindtrail-parquet-'));
const dataset = join(dir, 'case');
// The runs name the samples by the same relative paths, so the reports name the same files.
let cwd = join(samplesDir(), '..');
const PARTS: Record<string, string[]> = { a: [], b: [], c: [] };

const ds = suite('cli/parquet-dataset');

const ingestPart = (name: string, scenarios: string[]): ReturnType<typeof runCli> =>
  runCli(['ingest', ...scenarios.map((s) => `samples/${s}`), '--parquet', dataset, '--part', name], { cwd });

/** The JSON report without its generation time (the one field that legitimately differs). */
const reportOf = (file: string): unknown => {
  const m = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  delete m.generatedAt;
  return m;
};

const countQuery = join(dir, 'count.sql');
/** Hosts of all samples, as the one-database analyze counts them. */
let hostCount = 0;

ds.before(() => {
  if (!existsSync(join(samplesDir(), 'two-hosts', 'expected.json'))) {
    generateAll(join(dir, 'samples'));
    cwd = dir;
  }
  // Part c holds the two fabrikam hosts (two-hosts) and sccm; every other sample is dealt over a and b.
  PARTS.c = ['sccm-5511-2161', 'two-hosts'];
  const names = readdirSync(join(cwd, 'samples'))
    .filter((s) => !s.includes('.') && !PARTS.c!.includes(s))
    .sort();
  names.forEach((s, i) => PARTS['ab'[i % 2]!]!.push(s));
  writeFileSync(
    countQuery,
    '-- id: count\n-- title: events per host\nSELECT host, count(*) AS n FROM events GROUP BY host ORDER BY host\n',
  );
});

ds.after(() => rmSync(dir, { recursive: true, force: true }));

ds('three parts ingested apart give the findings and report of one analyze over all samples', () => {
  assert.ok(PARTS.c!.length > 0, 'the samples fill three parts');
  for (const [name, scenarios] of Object.entries(PARTS)) {
    const r = ingestPart(name, scenarios);
    assert.match(r.stdout, new RegExp(`part ${name} written to`), r.stderr);
  }
  assert.equal(readdirSync(dataset).sort(), ['part=a', 'part=b', 'part=c']);
  assert.ok(existsSync(join(dataset, 'part=c', 'events')));
  const one = join(dir, 'one.json');
  const many = join(dir, 'many.json');
  assert.is(runCli(['analyze', 'samples', '-o', one], { cwd }).code, 0);
  const r = runCli(['analyze', '--parquet', dataset, '-o', many], { cwd });
  assert.is(r.code, 0, r.stderr);
  assert.equal(reportOf(many), reportOf(one));
  hostCount = (reportOf(one) as { summary: { hosts: number } }).summary.hosts;
});

ds('query, timeline and report read the dataset; several --parquet globs add up', () => {
  const q = runCli([
    'query',
    countQuery,
    '--parquet',
    join(dataset, 'part=a'),
    '--parquet',
    `${dataset}/part=[bc]`,
    '-f',
    'json',
  ]);
  assert.is(q.code, 0, q.stderr);
  const rows = JSON.parse(q.stdout) as Array<{ host: string; n: number }>;
  assert.is(rows.length, hostCount);
  const t = runCli(['timeline', '--parquet', dataset]);
  assert.is(t.code, 0, t.stderr);
  assert.match(t.stdout, /WEB02\.fabrikam\.local/);
  const md = runCli(['report', '--parquet', dataset, '-f', 'md']);
  assert.is(md.code, 0, md.stderr);
  assert.match(md.stdout, /SSL binding deleted by the ABO mapper/);
});

ds('a part run again replaces its rows and leaves no temporary folder', () => {
  const before = JSON.parse(runCli(['query', countQuery, '--parquet', dataset, '-f', 'json']).stdout) as unknown[];
  assert.is(before.length, hostCount);
  const r = ingestPart('c', ['sccm-5511-2161']);
  assert.match(r.stdout, /part c written to/, r.stderr);
  const after = JSON.parse(runCli(['query', countQuery, '--parquet', dataset, '-f', 'json']).stdout) as Array<{
    host: string;
  }>;
  assert.equal(
    after.map((x) => x.host),
    (before as Array<{ host: string }>).map((x) => x.host).filter((h) => !h.includes('fabrikam')),
  );
  assert.equal(readdirSync(dataset).sort(), ['part=a', 'part=b', 'part=c']);
  const manifest = JSON.parse(readFileSync(join(dataset, 'part=c', 'manifest.json'), 'utf8')) as {
    part: string;
    schemaVersion: number;
    files: Array<{ path: string; sha256: string }>;
    tables: Record<string, number>;
  };
  assert.is(manifest.part, 'c');
  assert.is(manifest.schemaVersion, SCHEMA_VERSION);
  assert.ok(
    manifest.files.every((f) => f.path.startsWith('samples/sccm-5511-2161/') && /^[0-9a-f]{64}$/.test(f.sha256)),
  );
  assert.ok((manifest.tables.events ?? 0) > 0);
});

ds('a part of another schema version is refused in one line naming it', () => {
  const file = join(dataset, 'part=b', 'manifest.json');
  const m = JSON.parse(readFileSync(file, 'utf8')) as { schemaVersion: number };
  writeFileSync(file, JSON.stringify({ ...m, schemaVersion: SCHEMA_VERSION - 1 }));
  const r = runCli(['analyze', '--parquet', dataset]);
  assert.ok(isOneLineError(r), r.stderr);
  assert.match(r.stderr, new RegExp(`part "b" was written with schema version ${SCHEMA_VERSION - 1}`));
  assert.match(r.stderr, /part=b/);
  writeFileSync(file, JSON.stringify(m));
});

ds('refusals: no part at the place named, --db with --parquet', () => {
  const none = runCli(['report', '--parquet', join(dir, 'nowhere')]);
  assert.ok(isOneLineError(none), none.stderr);
  assert.match(none.stderr, /no bindtrail Parquet part here/);
  const both = runCli(['query', 'host-summary', '--db', join(dir, 'x.duckdb'), '--parquet', dataset]);
  assert.ok(isOneLineError(both), both.stderr);
  assert.match(both.stderr, /not both/);
  const ingestBoth = runCli(['ingest', 'samples/two-hosts', '--db', join(dir, 'x.duckdb'), '--parquet', dataset], {
    cwd,
  });
  assert.ok(isOneLineError(ingestBoth), ingestBoth.stderr);
});

ds.run();
