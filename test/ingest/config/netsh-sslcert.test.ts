import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseNetshSslCert } from '../../../src/ingest/config/index.js';
import { fixture, throwsMatching } from './fixture.js';

const t = suite('ingest/config/netsh-sslcert');

t('IP:port, Hostname:port and Central Certificate Store entries of a Windows Server 2022 listing', () => {
  const { text, file } = fixture('netsh-http-show-sslcert.txt');
  const rows = parseNetshSslCert(text, file);
  assert.is(rows.kind, 'netsh-sslcert');
  assert.equal(
    rows.bindings.map((b) => [b.endpoint, b.certHash, b.appId, b.certStore, b.problems]),
    [
      ['0.0.0.0:443', 'A178873B314030E17463122E23BB285AF0C51338', '{4DC3E181-E14B-4A21-B022-59FC669B0914}', 'MY', []],
      [
        'shop.contoso.com:443',
        '1A1F948B21A2993677A88EB23F428C7E47E3D133',
        '{00000000-0000-0000-0000-000000000000}',
        'WebHosting',
        ['null-appid'],
      ],
      ['[::]:8443', null, '{4DC3E181-E14B-4A21-B022-59FC669B0914}', null, ['empty-hash']],
      ['ccs:443', null, '{4DC3E181-E14B-4A21-B022-59FC669B0914}', null, []],
    ],
  );
  assert.ok(rows.bindings.every((b) => b.source === 'netsh' && b.site === null));
  assert.equal(rows.warnings, []);
});

t('Windows Server 2008 layout (fewer fields), zero hash, missing AppId', () => {
  const text = [
    '',
    'SSL Certificate bindings:',
    '-------------------------',
    '',
    '    IP:port                 : 10.1.2.3:443',
    '    Certificate Hash        : 0000000000000000000000000000000000000000',
    '    Application ID          : {00000000-0000-0000-0000-000000000000}',
    '    Certificate Store Name  : (null)',
    '    Verify Client Certificate Revocation    : Enabled',
    '',
    '    IP:port                 : 10.1.2.4:443',
    '    Certificate Hash        : 12ab',
    '',
    '    IP:port                 : not-an-endpoint',
    '    Certificate Hash        : xyz',
  ].join('\r\n');
  const rows = parseNetshSslCert(text, 'n.txt');
  assert.equal(
    rows.bindings.map((b) => [b.endpoint, b.certHash, b.problems]),
    [
      ['10.1.2.3:443', '0000000000000000000000000000000000000000', ['zero-hash', 'null-appid']],
      ['10.1.2.4:443', '12AB', ['bad-hash-length', 'missing-appid']],
      [null, null, ['bad-endpoint', 'bad-hash', 'missing-appid']],
    ],
  );
  assert.equal(rows.warnings, [
    'line 14: endpoint "not-an-endpoint" is not IP:port or hostname:port',
    'line 15: certificate hash "xyz" is not hexadecimal',
  ]);
});

t('an empty listing is valid; other text is refused', () => {
  assert.equal(
    parseNetshSslCert('\r\nSSL Certificate bindings:\r\n-------------------------\r\n\r\n', 'e.txt').bindings,
    [],
  );
  throwsMatching(
    () => parseNetshSslCert('hello world\nfoo : bar\n', 'notes.txt'),
    /not `netsh http show sslcert` output/,
  );
  throwsMatching(() => parseNetshSslCert('', 'empty.txt'), /not `netsh/);
});

t.run();
