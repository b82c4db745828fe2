/**
 * The configuration artefacts of the incident samples (samples/<scenario>/): each is detected by
 * content and parses without a warning, with the facts its scenario README states; loaded alone
 * (no events), they yield the configuration findings expected.json names.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { configFindings } from '../../../src/correlate/config-findings.js';
import { detectConfigKind, parseConfigArtefact, type ConfigRows } from '../../../src/ingest/config/index.js';
import { samplesDir } from '../../../src/paths.js';
import { insertConfigRows } from '../../../src/store/config-rows.js';
import { openDatabase } from '../../../src/store/db.js';
import { decodeText } from '../../../src/xml/index.js';

const t = suite('ingest/config/samples');
const root = samplesDir();
const ARTEFACTS = [
  'applicationHost.config',
  'netsh-http-show-sslcert.txt',
  'SslBindingInfo.reg',
  'certutil-store-my.txt',
];

/** Every artefact folder (a scenario, or a host folder of a multi-host scenario). */
function folders(): string[] {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (d: string): void => {
    if (ARTEFACTS.some((a) => existsSync(join(d, a)))) out.push(d);
    for (const n of readdirSync(d)) if (statSync(join(d, n)).isDirectory()) walk(join(d, n));
  };
  walk(root);
  return out.sort();
}

function parseFolder(dir: string): Map<string, ConfigRows> {
  const out = new Map<string, ConfigRows>();
  for (const a of ARTEFACTS) {
    const p = join(dir, a);
    if (!existsSync(p)) continue;
    const text = decodeText(readFileSync(p));
    const kind = detectConfigKind(text);
    assert.ok(kind, `${p}: not detected`);
    out.set(a, parseConfigArtefact(kind!, text, p));
  }
  return out;
}

const dirs = folders();
if (dirs.length === 0) console.log(`SKIP ingest/config/samples: no sample artefacts under ${root} (run make samples)`);

t('every sample artefact is detected and parses without warnings', () => {
  for (const d of dirs) {
    for (const [name, rows] of parseFolder(d)) assert.equal(rows.warnings, [], `${relative(root, d)}/${name}`);
  }
});

t('the facts the scenarios describe', () => {
  if (!dirs.includes(join(root, 'abo-5506-iisadmin'))) return;
  const abo = parseFolder(join(root, 'abo-5506-iisadmin'));
  const hash = abo.get('applicationHost.config')!.metadata.find((m) => m.propertyId === 5506)!;
  assert.equal([hash.keyPath, hash.decoded], ['LM/W3SVC/1', 'A178873B314030E17463122E23BB285AF0C51338']);
  assert.not.ok(abo.get('certutil-store-my.txt')!.certificates.some((c) => c.thumbprint === hash.decoded));
  const sccm = parseFolder(join(root, 'sccm-5511-2161'))
    .get('applicationHost.config')!
    .metadata.map((m) => m.propertyId);
  assert.ok(sccm.includes(5511) && sccm.includes(2161));
  const nonexp = parseFolder(join(root, 'nonexportable-0x8009030d'));
  const bound = nonexp.get('netsh-http-show-sslcert.txt')!.bindings[0]!.certHash;
  const cert = nonexp.get('certutil-store-my.txt')!.certificates.find((c) => c.thumbprint === bound)!;
  assert.equal([cert.keySpec, cert.exportable], [2, false]);
  const keyset = parseFolder(join(root, 'keyset-dragdrop-0x80090016'));
  const kb = keyset.get('SslBindingInfo.reg')!.bindings[0]!;
  assert.equal([kb.endpoint, kb.problems], ['0.0.0.0:443', []]);
  assert.is(
    keyset.get('certutil-store-my.txt')!.certificates.find((c) => c.thumbprint === kb.certHash)!.hasPrivateKey,
    false,
  );
});

for (const d of dirs.filter(
  (x) => existsSync(join(x, '..', 'expected.json')) || existsSync(join(x, 'expected.json')),
)) {
  t(`${relative(root, d)}: the artefacts alone yield the expected configuration findings`, async () => {
    const exp = existsSync(join(d, 'expected.json')) ? join(d, 'expected.json') : join(d, '..', 'expected.json');
    const host = existsSync(join(d, 'expected.json')) ? null : relative(join(d, '..'), d);
    const expected = (JSON.parse(readFileSync(exp, 'utf8')) as { findings: { kind: string; host: string }[] }).findings
      .filter(
        (f) => f.kind.startsWith('config-') && (host === null || f.host.toUpperCase().startsWith(host.toUpperCase())),
      )
      .map((f) => f.kind);
    const db = await openDatabase(':memory:');
    try {
      let id = 0;
      for (const [name, rows] of parseFolder(d)) {
        await db.conn.run(
          `INSERT INTO files (file_id, path, sha256, size, kind) VALUES (${++id}, '${name}', 'x', 0, '${rows.kind}')`,
        );
        await insertConfigRows(db, id, host, rows);
      }
      // Without events expiry is judged against today: certificates that expired since the
      // scenario's time may add a certificate finding; the other kinds must match exactly.
      const got = (await configFindings(db.conn)).map((f) => f.kind);
      assert.equal(
        got.filter((k) => k !== 'config-certificate-problem').sort(),
        expected.filter((k) => k !== 'config-certificate-problem').sort(),
      );
      for (const k of expected.filter((x) => x === 'config-certificate-problem')) assert.ok(got.includes(k), k);
    } finally {
      db.close();
    }
  });
}

t.run();
