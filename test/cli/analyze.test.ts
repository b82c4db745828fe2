import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { samplesDir } from '../../src/paths.js';
import { generateAll } from '../../src/samples/cli.js';
import { isOneLineError, runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'bindtrail-analyze-'));
const committed = join(samplesDir(), 'abo-inetmgr6-adsutil');
let scenario = committed;

const analyze = suite('cli/analyze');

analyze.before(() => {
  if (!existsSync(join(committed, 'expected.json'))) {
    generateAll(join(dir, 'samples'));
    scenario = join(dir, 'samples', 'abo-inetmgr6-adsutil');
  }
  writeFileSync(join(dir, 'notes.txt'), 'not a log\n');
});

analyze.after(() => rmSync(dir, { recursive: true, force: true }));

analyze('ingests into a temporary database, prints the summary, writes the report', () => {
  const out = join(dir, 'incident.json');
  const r = runCli(['analyze', scenario, '-o', out, '--window', '90s', '--tz', 'Europe/Berlin']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /INCIDENT: SSL binding deleted by the ABO mapper \(0\.0\.0\.0:443\) on APP02\.contoso\.local/);
  assert.match(r.stdout, /abo-binding-deleted/);
  assert.match(r.stdout, new RegExp(`report written to ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  assert.match(r.stderr, /skipped 2 file\(s\) that are neither event logs nor known artefacts/);
  const model = JSON.parse(readFileSync(out, 'utf8')) as { timeZone: string; findings: Array<{ kind: string }> };
  assert.is(model.timeZone, 'Europe/Berlin');
  assert.ok(model.findings.some((f) => f.kind === 'abo-binding-deleted'));
});

analyze('--db keeps the database for query, timeline and report', () => {
  const db = join(dir, 'case.duckdb');
  const r = runCli(['analyze', scenario, '--db', db, '-o', join(dir, 'r.md')]);
  assert.is(r.code, 0, r.stderr);
  const t = runCli(['timeline', '--db', db]);
  assert.is(t.code, 0, t.stderr);
  assert.match(t.stdout, /inetmgr6\.exe started \(4688\)/i);
  const q = runCli(['query', 'abo-triggers', '--db', db, '-f', 'json']);
  assert.ok((JSON.parse(q.stdout) as unknown[]).length >= 2);
});

analyze('without -o the Markdown report goes to stdout and the summary to stderr', () => {
  const r = runCli(['analyze', scenario]);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /^# bindtrail incident report/);
  assert.match(r.stderr, /INCIDENT:/);
});

analyze('bad input: one-line errors; an unknown file named on the command line sets exit 1', () => {
  for (const [args, re] of [
    [['analyze', join(dir, 'nowhere')], /nowhere: no such file or directory/],
    [['analyze', join(dir, 'notes.txt')], /notes\.txt: not an EVTX file/],
    [['analyze', scenario, '-o', join(dir, 'r.pdf')], /cannot tell the report format/],
    [['analyze', scenario, '--window', 'soon'], /--window "soon" is not a duration/],
    [['analyze', scenario, '--tz', 'Nowhere/Land'], /unknown time zone/],
  ] as Array<[string[], RegExp]>) {
    const e = runCli(args);
    assert.ok(isOneLineError(e), `${args.join(' ')} → ${e.code} ${e.stderr}`);
    assert.match(e.stderr, re);
  }
  const mixed = runCli(['analyze', scenario, join(dir, 'notes.txt'), '-o', join(dir, 'mixed.md')]);
  assert.is(mixed.code, 1);
  assert.match(mixed.stderr, /notes\.txt: not an EVTX file/);
  assert.ok(existsSync(join(dir, 'mixed.md')), 'the rest is still analysed');
});

analyze.run();
