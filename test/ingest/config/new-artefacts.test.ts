/**
 * The artefacts of issue 10 as ingest reads them: detected by content, parsed through
 * parseConfigArtefact — netsh http show iplisten (English, German in code page 850, empty), a
 * SCHANNEL\Protocols export (UTF-16LE as reg.exe writes it, and REGEDIT4 ASCII), netsh http show
 * sslcert in German and French, and certutil usage / chain lines.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectConfigKind, parseConfigArtefact, type ConfigRows } from '../../../src/ingest/config/index.js';
import { packageRoot } from '../../../src/paths.js';
import { fixture } from './fixture.js';

const t = suite('ingest/config/new-artefacts');

function load(name: string): ConfigRows {
  const { text, file } = fixture(name);
  const kind = detectConfigKind(text);
  assert.ok(kind, `${name} not detected`);
  return parseConfigArtefact(kind!, text, file);
}

t('netsh http show iplisten: English with IPv4 and IPv6, empty list, German (CP 850) read without a warning', () => {
  const en = load('netsh-http-show-iplisten.txt');
  assert.equal([en.kind, en.ipListen, en.warnings, en.bindings], ['netsh-iplisten', ['10.0.0.5', '::1'], [], []]);
  const empty = load('netsh-http-show-iplisten-empty.txt');
  assert.equal([empty.kind, empty.ipListen, empty.warnings], ['netsh-iplisten', [], []]);
  const de = load('netsh-http-show-iplisten-de.txt');
  assert.equal([de.kind, de.ipListen, de.warnings], ['netsh-iplisten', ['192.168.10.20'], []]);
});

t('SCHANNEL\\Protocols .reg: UTF-16LE with BOM as reg export writes it, and REGEDIT4 ASCII', () => {
  const bytes = readFileSync(join(packageRoot(), 'test', 'ingest', 'config', 'fixtures', 'SchannelProtocols.reg'));
  assert.equal([bytes[0], bytes[1], bytes[3]], [0xff, 0xfe, 0x00], 'the fixture is UTF-16LE with BOM');
  const u = load('SchannelProtocols.reg');
  assert.is(u.kind, 'reg-schannel-protocols');
  const get = (r: ConfigRows, p: string, side: string) =>
    r.protocols.find((x) => x.protocol === p && x.side === side) ?? null;
  assert.equal(get(u, 'TLS 1.2', 'Server'), {
    protocol: 'TLS 1.2',
    side: 'Server',
    enabled: 0,
    disabledByDefault: 1,
  });
  assert.is(get(u, 'TLS 1.0', 'Server')!.enabled, 0xffffffff);
  assert.equal(get(u, 'SSL 2.0', 'Client'), {
    protocol: 'SSL 2.0',
    side: 'Client',
    enabled: null,
    disabledByDefault: 1,
  });
  assert.is(get(u, 'Multi-Protocol Unified Hello', 'Server')!.enabled, 0);
  assert.is(u.protocols.length, 7);
  assert.equal(u.warnings, []);
  const a = load('SchannelProtocols-ascii.reg');
  assert.is(a.kind, 'reg-schannel-protocols');
  assert.equal(
    a.protocols.map((p) => [p.protocol, p.enabled, p.disabledByDefault]),
    [
      ['TLS 1.0', 0, 1],
      ['TLS 1.1', 0, 1],
      ['TLS 1.2', 1, 0],
    ],
  );
  assert.is(
    detectConfigKind('Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso]\r\n'),
    null,
  );
});

t('netsh http show sslcert in German (CP 850) and French: the bindings, the unknown French labels named', () => {
  const de = load('netsh-http-show-sslcert-de.txt');
  assert.equal(
    de.bindings.map((b) => [b.endpoint, b.certHash, b.appId, b.problems]),
    [
      ['10.0.0.5:443', 'F665241637B38BD46FFA13D83A7EBF8312E4D709', '{4DC3E181-E14B-4A21-B022-59FC669B0914}', []],
      ['www.contoso.com:443', 'FC64E243E9F795FC7D8DACAF7B91C24836F2A3C7', '{4DC3E181-E14B-4A21-B022-59FC669B0914}', []],
      ['0.0.0.0:8172', null, '{00000000-0000-0000-0000-000000000000}', ['empty-hash', 'null-appid']],
    ],
  );
  assert.equal(de.warnings, []);
  const fr = load('netsh-http-show-sslcert-fr.txt');
  assert.is(fr.kind, 'netsh-sslcert');
  assert.equal(
    fr.bindings.map((b) => [b.endpoint, b.certHash, b.problems]),
    [
      ['10.0.0.5:443', 'F665241637B38BD46FFA13D83A7EBF8312E4D709', []],
      ['www.contoso.com:443', 'FC64E243E9F795FC7D8DACAF7B91C24836F2A3C7', []],
      ['0.0.0.0:8172', 'D4F4E14BE719ECFAD58341CF9B5CB1BC3BAA8F9D', ['null-appid']],
    ],
  );
  assert.equal(fr.warnings, [
    'line 16: unknown label "Adresse IP:port": value read as an IP:port endpoint (a new entry) by its shape',
    'line 17: unknown label "Empreinte numérique": value read as the certificate hash by its shape',
  ]);
});

t('certutil: Enhanced Key Usage, chain verdicts and SAN DNS names land on the certificate rows', () => {
  const r = load('certutil-verifystore-usage.txt');
  assert.is(r.kind, 'certutil-store');
  assert.equal(
    r.certificates.map((c) => [c.thumbprint.slice(0, 4), c.ekus, c.chainProblems, c.dnsNames, c.hasPrivateKey]),
    [
      ['5555', ['1.3.6.1.5.5.7.3.2'], [], ['intranet.contoso.local'], true],
      ['6666', ['1.3.6.1.5.5.7.3.1'], ['untrusted-root'], [], true],
    ],
  );
  const plain = load('certutil-store-my.txt').certificates.find((c) => c.keySpec === 2)!;
  assert.equal([plain.chainProblems, plain.dnsNames], [[], []]);
});

t.run();
