import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import yazl from 'yazl';
import { samplesDir } from '../../src/paths.js';
import { generateAll } from '../../src/samples/cli.js';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'bindtrail-archives-'));
let scenario = join(samplesDir(), 'two-hosts');

const archives = suite('cli/archives');

/** A zip built with yazl from `name → bytes`; `mode` gives an entry Unix mode bits (a symlink). */
async function zipOf(entries: Array<{ name: string; data: Buffer; mode?: number }>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(e.data, e.name, e.mode === undefined ? {} : { mode: e.mode });
  zip.end();
  const parts: Buffer[] = [];
  for await (const chunk of zip.outputStream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

/** Every file under `root` as `prefix/relative path → bytes`. */
function filesOf(root: string, prefix: string): Array<{ name: string; data: Buffer }> {
  const out: Array<{ name: string; data: Buffer }> = [];
  const walk = (d: string): void => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.push({ name: `${prefix}${relative(root, p).split('\\').join('/')}`, data: readFileSync(p) });
    }
  };
  walk(root);
  return out;
}

/** yazl refuses escaping names, as it should; write a same-length name and patch it in. */
function renameEntry(zip: Buffer, from: string, to: string): Buffer {
  assert.is(from.length, to.length);
  const out = Buffer.from(zip);
  let at = out.indexOf(from);
  assert.ok(at >= 0);
  while (at >= 0) {
    out.write(to, at, 'latin1');
    at = out.indexOf(from, at + 1);
  }
  return out;
}

function findings(report: string): string[] {
  const m = JSON.parse(readFileSync(report, 'utf8')) as { findings: Array<{ kind: string; host: string | null }> };
  return m.findings.map((f) => `${f.kind}@${f.host}`);
}

function filePaths(db: string): string[] {
  const r = runCli(['query', 'ingested-files', '--db', db, '--format', 'json']);
  assert.is(r.code, 0, r.stderr);
  return (JSON.parse(r.stdout) as Array<{ path: string }>).map((x) => x.path);
}

archives.before(() => {
  if (!existsSync(join(scenario, 'expected.json'))) {
    generateAll(join(dir, 'samples'));
    scenario = join(dir, 'samples', 'two-hosts');
  }
});

archives.after(() => rmSync(dir, { recursive: true, force: true }));

archives('a zip of two-hosts (one host as a zip inside it) gives the same findings as the folder', async () => {
  const web02 = await zipOf(filesOf(join(scenario, 'WEB02'), 'WEB02/'));
  const outer = await zipOf([...filesOf(join(scenario, 'WEB01'), 'WEB01/'), { name: 'WEB02.zip', data: web02 }]);
  const zip = join(dir, 'case.zip');
  writeFileSync(zip, outer);
  const db = join(dir, 'zip.duckdb');
  const fromZip = runCli(['analyze', zip, '--db', db, '-o', join(dir, 'zip.json')]);
  assert.is(fromZip.code, 0, fromZip.stderr);
  const fromDir = runCli(['analyze', scenario, '-o', join(dir, 'dir.json')]);
  assert.is(fromDir.code, 0, fromDir.stderr);
  assert.equal(findings(join(dir, 'zip.json')), findings(join(dir, 'dir.json')));
  assert.ok(findings(join(dir, 'zip.json')).length > 0);
  const paths = filePaths(db);
  assert.ok(
    paths.some((p) => /case\.zip!WEB01\/.+\.evtx$/.test(p)),
    paths.join('\n'),
  );
  assert.ok(
    paths.some((p) => /case\.zip!WEB02\.zip!WEB02\/.+/.test(p)),
    paths.join('\n'),
  );
  // The same zip again: every entry is recognised by its content (sha256) and skipped.
  const again = runCli(['ingest', zip, '--db', db]);
  assert.is(again.code, 0, again.stderr);
  assert.match(again.stdout, /skipped \(already loaded\)/);
  assert.not.match(again.stdout, /\b\d+ \(\d+ dup\)|failed\s*│\s*$/m);
});

archives('a zip bomb, a path escape and a 7z are refused with one line each; the rest still loads', async () => {
  const evtx = filesOf(join(scenario, 'WEB01'), 'WEB01/').filter((f) => f.name.endsWith('.evtx'));
  const bomb = Buffer.alloc(10 * 1024 * 1024);
  let zip = await zipOf([
    ...evtx,
    { name: 'bomb.bin', data: bomb },
    { name: 'XX/evil.evtx', data: evtx[0]!.data },
    { name: 'link.evtx', data: Buffer.from('/etc/passwd'), mode: 0o120777 },
  ]);
  zip = renameEntry(zip, 'XX/evil.evtx', '../evil.evtx');
  const hostile = join(dir, 'hostile.zip');
  writeFileSync(hostile, zip);
  const seven = join(dir, 'case.7z');
  writeFileSync(seven, Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4, 1, 2, 3, 4]));
  const gz = join(dir, 'applicationHost.config.gz');
  writeFileSync(gz, gzipSync(readFileSync(join(scenario, 'WEB02', 'applicationHost.config'))));
  const db = join(dir, 'hostile.duckdb');
  const r = runCli(['ingest', hostile, seven, gz, '--db', db]);
  assert.is(r.code, 1, r.stderr);
  const lines = r.stderr.trim().split('\n');
  assert.ok(
    lines.some((l) => /hostile\.zip!bomb\.bin: refused: compression ratio \d+:1 is above 200:1/.test(l)),
    r.stderr,
  );
  assert.ok(
    lines.some((l) => /hostile\.zip!\.\.\/evil\.evtx: refused: its path leaves the archive/.test(l)),
    r.stderr,
  );
  assert.ok(
    lines.some((l) => /case\.7z: .*7z x case\.7z/.test(l)),
    r.stderr,
  );
  assert.not.match(r.stderr, /link\.evtx/);
  const paths = filePaths(db);
  assert.is(paths.filter((p) => p.includes('hostile.zip!WEB01/')).length, evtx.length, paths.join('\n'));
  assert.ok(
    paths.some((p) => p.endsWith('applicationHost.config.gz!applicationHost.config')),
    paths.join('\n'),
  );
  // Refusals are kept in ingest_errors once, however often the case is ingested.
  const count = (): number => {
    const q = join(dir, 'errors.sql');
    writeFileSync(
      q,
      '-- id: errors\n-- title: errors\nSELECT count(*)::INTEGER AS n FROM ingest_errors WHERE file_id IS NULL',
    );
    const out = runCli(['query', q, '--db', db, '--format', 'json']);
    assert.is(out.code, 0, out.stderr);
    return (JSON.parse(out.stdout) as Array<{ n: number }>)[0]!.n;
  };
  const first = count();
  assert.is(first, 3);
  runCli(['ingest', hostile, seven, gz, '--db', db]);
  assert.is(count(), first);
});

archives.run();
