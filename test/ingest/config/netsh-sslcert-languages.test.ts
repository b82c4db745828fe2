import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { detectConfigKind, parseNetshSslCert } from '../../../src/ingest/config/index.js';
import { looksLikeNetshSslCert } from '../../../src/ingest/config/netsh-sslcert.js';
import { NETSH_LABELS } from '../../../src/ingest/config/netsh-sslcert-labels.js';
import { throwsMatching } from './fixture.js';

const t = suite('ingest/config/netsh-sslcert-languages');
const rowsOf = (r: ReturnType<typeof parseNetshSslCert>): unknown[] =>
  r.bindings.map((b) => [b.endpoint, b.certHash, b.appId, b.certStore, b.problems]);

t('English layout of Windows Server 2008: the rows and warnings the English-only parser gave', () => {
  const old = [
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
  const r = parseNetshSslCert(old, 'n.txt');
  assert.equal(rowsOf(r), [
    [
      '10.1.2.3:443',
      '0000000000000000000000000000000000000000',
      '{00000000-0000-0000-0000-000000000000}',
      null,
      ['zero-hash', 'null-appid'],
    ],
    ['10.1.2.4:443', '12AB', null, null, ['bad-hash-length', 'missing-appid']],
    [null, null, null, null, ['bad-endpoint', 'bad-hash', 'missing-appid']],
  ]);
  assert.equal(r.warnings, [
    'line 14: endpoint "not-an-endpoint" is not IP:port or hostname:port',
    'line 15: certificate hash "xyz" is not hexadecimal',
  ]);
  const empty = parseNetshSslCert('\r\nSSL Certificate bindings:\r\n-------------------------\r\n\r\n', 'e.txt');
  assert.equal([empty.bindings, empty.warnings], [[], []]);
  throwsMatching(
    () => parseNetshSslCert('hello world\nfoo : bar\n', 'notes.txt'),
    /not `netsh http show sslcert` output/,
  );
  throwsMatching(() => parseNetshSslCert('', 'empty.txt'), /not `netsh/);
});

const GERMAN = [
  '',
  'SSL-Zertifikatbindungen:',
  '-------------------------',
  '',
  '    IP:Port                      : 0.0.0.0:443',
  '    Zertifikathash               : a178873b314030e17463122e23bb285af0c51338',
  '    Anwendungs-ID                : {4dc3e181-e14b-4a21-b022-59fc669b0914}',
  '    Zertifikatspeichername       : My',
  '    Clientzertifikatsperrung überprüfen : Aktiviert',
  '    Sperrung mit zwischengespeichertem Clientzertifikat überprüfen : Deaktiviert',
  '    Verwendung der DS-Zuordnung  : Deaktiviert',
  '',
  '    Hostname:Port                : shop.contoso.com:443',
  '    Zertifikathash               : 1a1f948b21a2993677a88eb23f428c7e47e3d133',
  '    Anwendungs-ID                : {00000000-0000-0000-0000-000000000000}',
  '    Zertifikatspeichername       : WebHosting',
  '',
  '    IP:Port                      : [::]:8443',
  '    Zertifikathash               : ',
  '    Anwendungs-ID                : {4dc3e181-e14b-4a21-b022-59fc669b0914}',
  '',
].join('\r\n');

t('German listing: same rows as the English fixture would give, no warnings', () => {
  const r = parseNetshSslCert(GERMAN, 'de.txt');
  assert.is(r.kind, 'netsh-sslcert');
  assert.equal(rowsOf(r), [
    ['0.0.0.0:443', 'A178873B314030E17463122E23BB285AF0C51338', '{4DC3E181-E14B-4A21-B022-59FC669B0914}', 'My', []],
    [
      'shop.contoso.com:443',
      '1A1F948B21A2993677A88EB23F428C7E47E3D133',
      '{00000000-0000-0000-0000-000000000000}',
      'WebHosting',
      ['null-appid'],
    ],
    ['[::]:8443', null, '{4DC3E181-E14B-4A21-B022-59FC669B0914}', null, ['empty-hash']],
  ]);
  assert.equal(r.warnings, []);
  assert.ok(looksLikeNetshSslCert(GERMAN));
  assert.is(detectConfigKind(GERMAN), 'netsh-sslcert');
});

t('unknown labels: values read by shape, with one warning naming the label', () => {
  const text = [
    'Liaisons des certificats SSL :',
    '-------------------------',
    '',
    '    Adresse IP:port             : 10.0.0.5:443',
    '    Empreinte du certificat     : A178873B314030E17463122E23BB285AF0C51338',
    '    Identificateur application  : {4dc3e181-e14b-4a21-b022-59fc669b0914}',
    '    Vérifier la révocation      : Activé',
    '',
    '    Adresse IP:port             : 10.0.0.6:443',
    '    Empreinte du certificat     : 1A1F948B21A2993677A88EB23F428C7E47E3D133',
  ].join('\n');
  const r = parseNetshSslCert(text, 'fr.txt');
  assert.equal(rowsOf(r), [
    ['10.0.0.5:443', 'A178873B314030E17463122E23BB285AF0C51338', '{4DC3E181-E14B-4A21-B022-59FC669B0914}', null, []],
    ['10.0.0.6:443', '1A1F948B21A2993677A88EB23F428C7E47E3D133', null, null, ['missing-appid']],
  ]);
  assert.equal(r.warnings, [
    'line 4: unknown label "Adresse IP:port": value read as an IP:port endpoint (a new entry) by its shape',
    'line 5: unknown label "Empreinte du certificat": value read as the certificate hash by its shape',
    'line 6: unknown label "Identificateur application": value read as the application ID by its shape',
  ]);
});

t('French and Spanish labels of the table (unverified) are read without warnings', () => {
  const fr = [
    'Liaisons de certificat SSL :',
    '-----------------',
    '',
    '    IP:port                        : 0.0.0.0:443',
    '    Hachage du certificat          : a178873b314030e17463122e23bb285af0c51338',
    "    ID de l'application            : {4dc3e181-e14b-4a21-b022-59fc669b0914}",
    '    Nom du magasin de certificats  : My',
  ].join('\n');
  const es = [
    'Enlaces de certificado SSL:',
    '-----------------',
    '',
    '    IP:puerto                      : 0.0.0.0:443',
    '    Hash de certificado            : a178873b314030e17463122e23bb285af0c51338',
    '    Id. de aplicación              : {4dc3e181-e14b-4a21-b022-59fc669b0914}',
    '    Nombre del almacén de certificados : My',
  ].join('\n');
  for (const text of [fr, es]) {
    const r = parseNetshSslCert(text, 'x.txt');
    assert.equal(rowsOf(r), [
      ['0.0.0.0:443', 'A178873B314030E17463122E23BB285AF0C51338', '{4DC3E181-E14B-4A21-B022-59FC669B0914}', 'My', []],
    ]);
    assert.equal(r.warnings, []);
  }
  assert.ok(NETSH_LABELS.filter((l) => l.lang === 'fr' || l.lang === 'es').every((l) => !l.verified));
  assert.ok(NETSH_LABELS.filter((l) => l.lang === 'en').every((l) => l.verified));
});

t('hostile input: huge lines, odd values, fields before any entry', () => {
  const r = parseNetshSslCert(
    [
      'SSL-Zertifikatbindungen:',
      '----------',
      '    Zertifikathash : ' + 'a'.repeat(40),
      `    IP:Port : ${'9'.repeat(5_000)}:443`,
      '    Anwendungs-ID : {not-a-guid}',
    ].join('\n'),
    'h.txt',
  );
  assert.equal(
    r.bindings.map((b) => [b.endpoint, b.problems]),
    [[null, ['bad-endpoint', 'missing-hash', 'null-appid']]],
  );
  assert.ok(r.warnings[0]!.startsWith('line 3: "Zertifikathash" before any IP:port'));
  assert.ok(r.warnings.some((w) => w.includes('is not a GUID')));
  assert.not.ok(looksLikeNetshSslCert('random text\n----\n'));
});

t.run();
