import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseCertutilStore } from '../../../src/ingest/config/index.js';
import { parseCertutilDate } from '../../../src/ingest/config/certutil-store.js';
import { fixture, throwsMatching } from './fixture.js';

const t = suite('ingest/config/certutil-store');

t('verbose and short layouts: thumbprint, names, dates, key state, provider, KeySpec, exportability', () => {
  const { text, file } = fixture('certutil-store-my.txt');
  const rows = parseCertutilStore(text, file);
  assert.is(rows.kind, 'certutil-store');
  const [a, b, c, d] = rows.certificates;
  assert.is(rows.certificates.length, 4);
  assert.equal(a, {
    store: 'MY',
    thumbprint: 'A178873B314030E17463122E23BB285AF0C51338',
    subject: 'CN=www.contoso.com, O=Contoso Ltd, C=US',
    issuer: 'CN=Contoso Issuing CA 01, DC=contoso, DC=local',
    serial: '330000A1B2C3D4E5F60718293A4B5C6D',
    notBefore: '2024-03-01T09:15:00Z',
    notAfter: '2034-03-01T09:15:00Z',
    hasPrivateKey: true,
    provider: 'Microsoft RSA SChannel Cryptographic Provider',
    keyContainer: 'le-3f1e2d4c-5b6a-4978-8a9b-0c1d2e3f4a5b',
    keySpec: 1,
    exportable: null,
    ekus: ['1.3.6.1.5.5.7.3.1'],
    chainProblems: [],
    dnsNames: ['www.contoso.com'],
  });
  assert.equal(
    [b!.thumbprint, b!.subject, b!.notAfter, b!.hasPrivateKey, b!.keySpec, b!.exportable, b!.provider],
    [
      '1A1F948B21A2993677A88EB23F428C7E47E3D133',
      'CN=shop.contoso.com',
      '2024-01-10T14:05:00Z',
      true,
      2,
      false,
      'Microsoft Strong Cryptographic Provider',
    ],
  );
  assert.equal(
    [c!.thumbprint, c!.serial, c!.issuer, c!.notBefore, c!.notAfter, c!.hasPrivateKey, c!.keyContainer, c!.keySpec],
    [
      '9C2D4E810A112233445566778899AABBCCDDEEFF',
      '0E4F1299',
      'CN=intranet.contoso.local',
      '2024-11-02T00:30:00Z',
      '2029-11-02T12:30:00Z',
      false,
      'tq-user-dragged',
      null,
    ],
  );
  assert.equal(
    [d!.notBefore, d!.notAfter, d!.hasPrivateKey, d!.keyContainer],
    ['2009-04-16T11:04:00Z', '2109-03-23T11:04:00Z', false, null],
  );
  assert.equal(rows.warnings.length, 1);
  assert.match(rows.warnings[0]!, /certificate without a "Cert Hash\(sha1\)" line; skipped/);
});

t('dates certutil prints', () => {
  assert.is(parseCertutilDate('12/31/2039 6:59 PM'), '2039-12-31T18:59:00Z');
  assert.is(parseCertutilDate('1/1/2020 12:00 AM'), '2020-01-01T00:00:00Z');
  assert.is(parseCertutilDate('1/1/2020 12:05:09 PM'), '2020-01-01T12:05:09Z');
  assert.is(parseCertutilDate('26.06.2019 10:40'), '2019-06-26T10:40:00Z');
  assert.is(parseCertutilDate('2019-06-26 10:40'), '2019-06-26T10:40:00Z');
  assert.is(parseCertutilDate('2/30/2020 1:00 AM'), null);
  assert.is(parseCertutilDate('yesterday'), null);
});

t('no certificates; not certutil output; failed key tests', () => {
  assert.equal(
    parseCertutilStore('my "Personal"\r\nCertUtil: -store command completed successfully.\r\n', 'e.txt').certificates,
    [],
  );
  throwsMatching(() => parseCertutilStore('Serial Number: 01\n', 'x.txt'), /not `certutil -store` output/);
  const rows = parseCertutilStore(
    'MY\n================ Certificate 0 ================\nCert Hash(sha1): 0123456789abcdef0123456789abcdef01234567\n  Key Container = k\nEncryption test FAILED\n NotAfter: soon\n',
    'f.txt',
  );
  assert.equal([rows.certificates[0]!.hasPrivateKey, rows.certificates[0]!.store], [false, 'MY']);
  assert.equal(rows.warnings.length, 2);
});

t.run();
