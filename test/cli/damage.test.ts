/**
 * Damaged inputs through the real CLI: truncated and corrupted copies of a bundled sample each
 * get one line saying what was lost, the exit status is 1, and the report is still written with
 * the damage as data (JSON) and as a banner (Markdown, HTML).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { DamageEntry } from '../../src/model/index.js';
import { samplesDir } from '../../src/paths.js';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'bindtrail-damage-'));
// 135,168 bytes: the 4 KiB file header and two 64 KiB chunks, records 48401–48576.
const source = join(samplesDir(), 'abo-5506-iisadmin', 'System.evtx');
const bytes = readFileSync(source);

function cut(name: string, length: number): string {
  const p = join(dir, name);
  writeFileSync(p, bytes.subarray(0, length));
  return p;
}

function flipped(name: string, at: number, length: number): string {
  const p = join(dir, name);
  const b = Buffer.from(bytes);
  for (let i = at; i < at + length; i++) b[i] = b[i]! ^ 0xff;
  writeFileSync(p, b);
  return p;
}

function analyzeJson(input: string): { code: number; lines: string[]; damage: DamageEntry[] } {
  const out = join(dir, 'report.json');
  rmSync(out, { force: true });
  const r = runCli(['analyze', input, '-o', out]);
  const lines = r.stderr.split('\n').filter((l) => l.startsWith('bindtrail: '));
  const model = JSON.parse(readFileSync(out, 'utf8')) as { damage: DamageEntry[] };
  return { code: r.code, lines, damage: model.damage };
}

const damage = suite('cli/damage');

damage.after(() => rmSync(dir, { recursive: true, force: true }));

damage('a log read whole: no damage line, exit 0, an empty damage list', () => {
  const r = analyzeJson(source);
  assert.is(r.code, 0);
  assert.equal(r.lines, []);
  assert.equal(r.damage, []);
});

damage('cut at 100 kB: one line with bytes, chunks, records and the time after which records are missing', () => {
  const r = analyzeJson(cut('cut-100k.evtx', 102_400));
  assert.is(r.code, 1);
  assert.equal(r.lines, [
    `bindtrail: ${join(dir, 'cut-100k.evtx')}: truncated at 102,400 of 135,168 bytes: 1 chunk partly read, ` +
      '1 record damaged (records 48485–48576 may be missing, after 2026-03-14 02:08:01 UTC)',
  ]);
  const d = r.damage[0]!;
  assert.is(r.damage.length, 1);
  assert.is(d.status, 'damaged');
  assert.equal(d.hosts, ['WEB01.contoso.local']);
  assert.is(d.size, 102_400);
  assert.is(d.expectedSize, 135_168);
  assert.is(d.chunksPartlyRead, 1);
  assert.is(d.recordsDamaged, 1);
  assert.equal(d.gaps, [{ first: '48485', last: '48576', after: '2026-03-14T02:08:01.3800000Z', before: null }]);
  assert.is(d.from, '2026-03-14T02:08:01.3800000Z');
  assert.is(d.to, null);
});

damage('cut at a chunk boundary: the chunk after it is unread', () => {
  const r = analyzeJson(cut('cut-chunk.evtx', 4096 + 65_536));
  assert.is(r.code, 1);
  assert.is(r.lines.length, 1);
  assert.match(
    r.lines[0]!,
    /truncated at 69,632 of 135,168 bytes: 1 chunk unread \(records 48402–48576 may be missing, after /,
  );
  assert.is(r.damage[0]!.chunksUnread, 1);
  assert.is(r.damage[0]!.recordsDamaged, 0);
});

damage('cut inside the file header block: nothing read, still one line and a report', () => {
  const r = analyzeJson(cut('cut-header.evtx', 2000));
  assert.is(r.code, 1);
  assert.is(r.lines.length, 1);
  assert.match(
    r.lines[0]!,
    /truncated at 2,000 of 135,168 bytes: 2 chunks unread, no record could be read \(records up to 48576 may be missing\)/,
  );
});

damage('cut inside the file header itself, and an empty file: unreadable, listed in the report', () => {
  const short = cut('cut-128.evtx', 100);
  const empty = cut('empty.evtx', 0);
  const out = join(dir, 'unreadable.md');
  const r = runCli(['analyze', short, empty, source, '-o', out]);
  assert.is(r.code, 1);
  const lines = r.stderr.split('\n').filter((l) => l.startsWith('bindtrail: '));
  // Files of no known type are reported while the inputs are sorted out, before any is loaded.
  assert.equal(lines, [
    `bindtrail: ${empty}: empty file (0 bytes)`,
    `bindtrail: ${short} @ 0x0: not an EVTX file: 100 bytes, a file header needs 128`,
  ]);
  const md = readFileSync(out, 'utf8');
  assert.match(
    md,
    /> \*\*Warning: 2 input files were read only in part or not at all: the timeline may have gaps\.\*\*/,
  );
  assert.match(md, /empty\.evtx: not read: empty file \(0 bytes\)/);
});

damage('a corrupted record inside a chunk: the record and the time span around it', () => {
  const r = analyzeJson(flipped('flipped-record.evtx', 4096 + 65_536 + 2000, 8));
  assert.is(r.code, 1);
  assert.is(r.lines.length, 1);
  assert.match(
    r.lines[0]!,
    /: damaged: 1 chunk partly read, 1 record damaged \(record 48402 may be missing, between 2026-03-13 13:03:31 UTC and /,
  );
  const g = r.damage[0]!.gaps[0]!;
  assert.ok(g.after !== null && g.before !== null && g.after < g.before);
});

damage('a chunk whose signature is destroyed is unread; the HTML report carries the banner', () => {
  const p = flipped('flipped-chunk.evtx', 4096, 4);
  const out = join(dir, 'flipped.html');
  const r = runCli(['analyze', p, '-o', out]);
  assert.is(r.code, 1);
  assert.match(r.stderr, /flipped-chunk\.evtx: damaged: 1 chunk unread/);
  const html = readFileSync(out, 'utf8');
  const banner = html.indexOf('<section id="damage"');
  assert.ok(banner > html.indexOf('</header>') && banner < html.indexOf('<nav'), 'the banner follows the title');
  assert.match(html, /<code>[^<]*flipped-chunk\.evtx<\/code> \(WEB01\.contoso\.local\): damaged: 1 chunk unread/);
});

damage('ingest prints the same line and exits 1; report --db shows the damage later', () => {
  const db = join(dir, 'case.duckdb');
  const p = cut('ingest-cut.evtx', 102_400);
  copyFileSync(p, join(dir, 'copy.evtx'));
  const r = runCli(['ingest', p, '--db', db]);
  assert.is(r.code, 1, r.stderr);
  assert.match(r.stderr, /ingest-cut\.evtx: truncated at 102,400 of 135,168 bytes/);
  const rep = runCli(['report', '--db', db, '--format', 'json']);
  assert.is(rep.code, 0, rep.stderr);
  const model = JSON.parse(rep.stdout) as { damage: DamageEntry[] };
  assert.is(model.damage.length, 1);
  assert.is(model.damage[0]!.expectedSize, 135_168);
});

damage.run();
