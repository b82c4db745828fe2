import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseCertutilUsage } from '../../../src/ingest/config/certutil-usage.js';
import { fixture } from './fixture.js';

const t = suite('ingest/config/certutil-usage');

t('the -v fixture: Server Authentication EKU read per certificate', () => {
  const { text } = fixture('certutil-store-my.txt');
  const { rows } = parseCertutilUsage(text);
  const first = rows.find((r) => r.thumbprint === 'A178873B314030E17463122E23BB285AF0C51338')!;
  assert.equal(first.ekus, ['1.3.6.1.5.5.7.3.1']);
  assert.equal(first.effectiveEkus, ['1.3.6.1.5.5.7.3.1']);
  assert.equal(first.chainProblems, []);
});

t('client-only EKU, a store property narrowing it, no EKU at all, untrusted root from -verifystore', () => {
  const text = [
    'my "Personal"',
    '================ Certificate 0 ================',
    'Certificate Extensions: 1',
    '    2.5.29.37: Flags = 0, Length = c',
    '    Enhanced Key Usage',
    '        Client Authentication (1.3.6.1.5.5.7.3.2)',
    '',
    'Cert Hash(sha1): 11 22 33 44 55 66 77 88 99 00 aa bb cc dd ee ff 11 22 33 44',
    '================ Certificate 1 ================',
    '    Enhanced Key Usage',
    '        Server Authentication (1.3.6.1.5.5.7.3.1)',
    '        Client Authentication (1.3.6.1.5.5.7.3.2)',
    '',
    'Cert Hash(sha1): 2222222222222222222222222222222222222222',
    '  CERT_ENHKEY_USAGE_PROP_ID(9):',
    '    Client Authentication (1.3.6.1.5.5.7.3.2)',
    '',
    '================ Certificate 2 ================',
    'Cert Hash(sha1): 3333333333333333333333333333333333333333',
    'A certificate chain processed, but terminated in a root certificate which is not trusted by the trust provider. 0x800b0109 (-2146762487 CERT_E_UNTRUSTEDROOT)',
    '================ Certificate 3 ================',
    'Subject: CN=no hash here',
  ].join('\r\n');
  const { rows, warnings } = parseCertutilUsage(text);
  assert.equal(
    rows.map((r) => [r.thumbprint.slice(0, 4), r.ekus, r.propertyEkus, r.effectiveEkus, r.chainProblems, r.chainCodes]),
    [
      ['1122', ['1.3.6.1.5.5.7.3.2'], null, ['1.3.6.1.5.5.7.3.2'], [], []],
      ['2222', ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2'], ['1.3.6.1.5.5.7.3.2'], ['1.3.6.1.5.5.7.3.2'], [], []],
      ['3333', null, null, null, ['untrusted-root'], ['0x800B0109']],
    ],
  );
  assert.equal(warnings, ['line 21: certificate without a "Cert Hash(sha1)" line; usage not read']);
});

t('wrong-usage code line and no certificates at all', () => {
  const { rows } = parseCertutilUsage(
    '================ Certificate 0 ================\nCert Hash(sha1): 4444444444444444444444444444444444444444\nThe certificate is not valid for the requested usage. 0x800b0110 (-2146762480 CERT_E_WRONG_USAGE)\n',
  );
  assert.equal(rows[0]!.chainProblems, ['wrong-usage']);
  assert.equal(parseCertutilUsage('CertUtil: -store command completed successfully.'), { rows: [], warnings: [] });
});

t.run();
