/**
 * `make samples` output: regenerating gives identical bytes and equals what is committed; every
 * log is valid to the reference parsers (python-evtx, libevtx's evtxexport) with the same record
 * count as ours; files stay small; the artefacts have the formats the tools write.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { samplesDir } from '../../src/paths.js';
import { generateAll, generatePending } from '../../src/samples/cli.js';
import { exists, pendingDir, readLog } from './helpers.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)]))
    .sort();
}

const bundled = (): string[] => [
  ...filesUnder(samplesDir()),
  ...(exists(pendingDir()) ? filesUnder(pendingDir()) : []),
];
const evtxFiles = (): string[] => bundled().filter((f) => f.endsWith('.evtx'));

const gen = suite('samples: generation');

gen('regenerating twice gives identical bytes, equal to the committed samples/', () => {
  const a = mkdtempSync(join(tmpdir(), 'bindtrail-samples-a-'));
  const b = mkdtempSync(join(tmpdir(), 'bindtrail-samples-b-'));
  try {
    const fa = generateAll(a)
      .map((f) => relative(a, f))
      .sort();
    const fb = generateAll(b)
      .map((f) => relative(b, f))
      .sort();
    assert.equal(fa, fb);
    for (const f of fa)
      assert.ok(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), `${f} differs between runs`);
    const committed = filesUnder(samplesDir()).map((f) => relative(samplesDir(), f));
    for (const f of fa) {
      assert.ok(committed.includes(f), `${f} not committed (run make samples)`);
      assert.ok(
        readFileSync(join(a, f)).equals(readFileSync(join(samplesDir(), f))),
        `samples/${f} is stale (run make samples)`,
      );
    }
  } finally {
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  }
});

gen('the pending scenarios regenerate identically, equal to the committed samples-pending/', () => {
  const a = mkdtempSync(join(tmpdir(), 'bindtrail-pending-a-'));
  const b = mkdtempSync(join(tmpdir(), 'bindtrail-pending-b-'));
  try {
    const fa = generatePending(a)
      .map((f) => relative(a, f))
      .sort();
    const fb = generatePending(b)
      .map((f) => relative(b, f))
      .sort();
    assert.equal(fa, fb);
    for (const f of fa) {
      assert.ok(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), `${f} differs between runs`);
      assert.ok(
        exists(join(pendingDir(), f)),
        `${f} not committed (run node dist/src/samples/cli.js samples --pending)`,
      );
      assert.ok(
        readFileSync(join(a, f)).equals(readFileSync(join(pendingDir(), f))),
        `samples-pending/${f} is stale (run node dist/src/samples/cli.js samples --pending)`,
      );
    }
  } finally {
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  }
});

gen('logs are small and hold a few hundred events', async () => {
  const files = evtxFiles();
  assert.ok(files.length >= 13);
  for (const f of files) {
    assert.ok(statSync(f).size < 1_000_000, `${f} under 1 MB`);
    const n = (await readLog(f)).length;
    assert.ok(n >= 200 && n <= 1000, `${f}: ${n} events`);
  }
});

gen('artefacts: reg export is UTF-16LE with BOM; certutil, netsh and applicationHost.config shapes', () => {
  for (const f of bundled()) {
    const bytes = readFileSync(f);
    if (f.endsWith('.reg')) {
      assert.equal([...bytes.subarray(0, 2)], [0xff, 0xfe]);
      const text = bytes.subarray(2).toString('utf16le');
      assert.ok(
        /^Windows Registry Editor Version 5\.00\r\n\r\n\[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\HTTP\\Parameters\\Ssl(Sni)?BindingInfo\]/.test(
          text,
        ),
        f,
      );
      assert.ok(/"SslCertHash"=hex:([0-9a-f]{2},){19}[0-9a-f]{2}\r\n/.test(text) || !text.includes('SslCertHash'));
    } else if (f.endsWith('certutil-store-my.txt')) {
      const text = bytes.toString('latin1');
      assert.ok(text.startsWith('my "Personal"\r\n================ Certificate 0 ================'));
      assert.ok(/Cert Hash\(sha1\): [0-9a-f ]{40,59}\r\n/.test(text));
      assert.ok(/KeySpec = [12] -- AT_(KEYEXCHANGE|SIGNATURE)/.test(text));
      assert.ok(text.endsWith('CertUtil: -store command completed successfully.\r\n'));
    } else if (f.endsWith('netsh-http-show-sslcert.txt')) {
      assert.ok(
        /^\r\n(SSL Certificate bindings|SSL-Zertifikatbindungen):\r\n-------------------------\r\n/.test(
          bytes.toString('latin1'),
        ),
        f,
      );
    } else if (f.endsWith('applicationHost.config')) {
      const text = bytes.toString('utf8');
      for (const m of text.matchAll(/<property id="5506"[^>]*value="([^"]+)"/g))
        assert.is(Buffer.from(m[1]!, 'base64').length, 20);
      assert.ok(/<binding protocol="https" bindingInformation="[^"]*:443:[^"]*" sslFlags="[01]" \/>/.test(text), f);
    }
  }
});

const cross = suite('samples: reference parsers agree');

const python = '/usr/bin/python3';
const hasPythonEvtx =
  existsSync(python) && spawnSync(python, ['-c', 'import Evtx.Evtx'], { encoding: 'utf8' }).status === 0;
const hasEvtxexport = spawnSync('evtxexport', ['-h'], { encoding: 'utf8' }).error === undefined;

cross('python-evtx reads every sample with no error and our record count', async () => {
  if (!hasPythonEvtx) return console.log('SKIP samples cross-check: python-evtx (python3-evtx) not installed');
  // One python process for all files (python-evtx is slow to start and to parse).
  const script =
    'import sys, Evtx.Evtx as e\nfor f in sys.argv[1:]:\n    n = 0\n    with e.Evtx(f) as log:\n        for r in log.records():\n            r.xml(); n += 1\n    print(n)';
  const files = evtxFiles();
  const r = spawnSync(python, ['-c', script, ...files], { encoding: 'utf8' });
  assert.is(r.status, 0, r.stderr);
  assert.is(r.stderr, '');
  const counts = r.stdout.trim().split('\n').map(Number);
  for (const [i, f] of files.entries()) assert.is(counts[i], (await readLog(f)).length, f);
});

cross('evtxexport reads every sample with no error and our record count', async () => {
  if (!hasEvtxexport) return console.log('SKIP samples cross-check: evtxexport (libevtx-utils) not installed');
  for (const f of evtxFiles()) {
    const r = spawnSync('evtxexport', ['-f', 'xml', f], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    assert.is(r.status, 0, `${f}: ${r.stderr}`);
    assert.is((r.stdout.match(/<Event xmlns=/g) ?? []).length, (await readLog(f)).length, f);
  }
});

gen.run();
cross.run();
