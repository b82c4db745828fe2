/**
 * The terminal tables through the real CLI (stdout is a pipe here): plain text, no box-drawing
 * and no ANSI; fitted to COLUMNS when it is set, one line per row for grep when it is not.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { samplesDir } from '../../src/paths.js';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'bindtrail-width-'));
const db = join(dir, 'case.duckdb');
const scenario = join(samplesDir(), 'abo-inetmgr6-adsutil');
const BOX = /[┌┬┐├┼┤└┴┘│─]/;

const width = suite('cli/terminal-width');

width.before(() => {
  const r = runCli(['analyze', scenario, '--db', db, '-o', join(dir, 'r.md')], { env: { COLUMNS: undefined } });
  assert.is(r.code, 0, r.stderr);
});

width.after(() => rmSync(dir, { recursive: true, force: true }));

const widest = (text: string): number => Math.max(...text.split('\n').map((l) => [...l].length));

width('COLUMNS=80: the timeline and the analyze summary fit in 80 columns, plain', () => {
  const t = runCli(['timeline', '--db', db], { env: { COLUMNS: '80' } });
  assert.is(t.code, 0, t.stderr);
  assert.ok(widest(t.stdout) <= 80, `widest line ${widest(t.stdout)}`);
  assert.not.match(t.stdout, BOX);
  assert.not.match(t.stdout, '\u001b');
  assert.match(t.stdout, /^Time \(UTC\) +Host +Role +Event +Record +Summary +Findings\n-{10,}/);
  const a = runCli(['analyze', scenario, '-o', join(dir, 'a.md')], { env: { COLUMNS: '80' } });
  assert.is(a.code, 0, a.stderr);
  // The verdict and counts are sentences (the terminal wraps them); the table fits.
  const table = a.stdout.split('\n').slice(2, -2).join('\n');
  assert.ok(widest(table) <= 80, a.stdout);
  assert.not.match(a.stdout, BOX);
  assert.match(a.stdout, /^ *# +level +confidence +host +kind +first \(UTC\) +occ\. +finding$/m);
});

width('COLUMNS=200: wider rows, still within 200 columns', () => {
  const t = runCli(['timeline', '--db', db], { env: { COLUMNS: '200' } });
  assert.is(t.code, 0, t.stderr);
  const w = widest(t.stdout);
  assert.ok(w > 80 && w <= 200, `widest line ${w}`);
  assert.match(
    t.stdout,
    /2026-03-17 13:47:26\.1180000 +APP02\.contoso\.local +trigger +Microsoft-Windows-Security-Auditing 4688/,
  );
});

width('a pipe without COLUMNS: plain, one line per event (for grep), whatever the length', () => {
  const t = runCli(['timeline', '--db', db], { env: { COLUMNS: undefined } });
  assert.is(t.code, 0, t.stderr);
  assert.not.match(t.stdout, BOX);
  const rows = t.stdout.split('\n').filter((l) => /^\d{4}-\d{2}-\d{2} /.test(l));
  assert.ok(rows.length >= 5);
  assert.ok(
    rows.every((l) => /^\S+ \S+ +\S+ +(trigger|symptom|recovery|context) /.test(l)),
    rows.join('\n'),
  );
  const q = runCli(['query', 'ingested-files', '--db', db], { env: { COLUMNS: undefined } });
  assert.is(q.code, 0, q.stderr);
  assert.not.match(q.stdout, BOX);
  assert.match(q.stdout, /^path +kind +sha256 /);
  const q80 = runCli(['query', 'ingested-files', '--db', db], { env: { COLUMNS: '80' } });
  assert.ok(widest(q80.stdout) <= 80, q80.stdout);
});

width.run();
