import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseRegSslBindingInfo } from '../../../src/ingest/config/index.js';
import { fixture, throwsMatching } from './fixture.js';

const t = suite('ingest/config/reg-sslbindinginfo');

t('UTF-16LE reg export: hash over continued lines, AppId GUID, store name, broken bindings', () => {
  const { text, file } = fixture('SslBindingInfo.reg');
  const rows = parseRegSslBindingInfo(text, file);
  assert.is(rows.kind, 'reg-sslbindinginfo');
  assert.equal(
    rows.bindings.map((b) => [b.endpoint, b.certHash, b.appId, b.certStore, b.problems]),
    [
      ['0.0.0.0:443', 'A178873B314030E17463122E23BB285AF0C51338', '{4DC3E181-E14B-4A21-B022-59FC669B0914}', 'MY', []],
      ['10.0.0.5:8443', null, '{00000000-0000-0000-0000-000000000000}', 'MY', ['empty-hash', 'null-appid']],
      [
        '[::]:4443',
        '0000000000000000000000000000000000000000',
        '{4DC3E181-E14B-4A21-B022-59FC669B0914}',
        'MY',
        ['zero-hash'],
      ],
    ],
  );
  assert.ok(rows.bindings.every((b) => b.source === 'registry'));
  assert.equal(rows.warnings, []);
});

t('UTF-8 export with SNI and CCS keys, deleted keys, comments and malformed lines', () => {
  const text = [
    'Windows Registry Editor Version 5.00',
    '',
    '; exported for the incident',
    '[HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Services\\HTTP\\Parameters\\SslSniBindingInfo\\WWW.Contoso.com:443]',
    '"SslCertHash"=hex:1a,1f,94,8b,21,a2,99,36,77,a8,8e,b2,3f,42,8c,7e,47,e3,d1,33',
    '"SslCertStoreName"="WebHosting"',
    '"AppId"=hex:81,e1,c3,4d,4b,e1,21,4a,b0,22,59,fc,66,9b,09',
    '"DefaultFlags"=dword:zz',
    '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\HTTP\\Parameters\\SslCcsBindingInfo\\0.0.0.0:443]',
    '"AppId"=hex:81,e1,c3,4d,4b,e1,21,4a,b0,22,59,fc,66,9b,09,14',
    '[-HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\HTTP\\Parameters\\SslBindingInfo\\1.2.3.4:443]',
    '"SslCertHash"=hex:01',
    '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\HTTP\\Parameters\\SslBindingInfo\\5.6.7.8:443]',
    '"SslCertStoreName"="My \\"quoted\\""',
    'garbage line',
  ].join('\n');
  const rows = parseRegSslBindingInfo(text, 'sni.reg');
  assert.equal(
    rows.bindings.map((b) => [b.endpoint, b.certHash, b.appId, b.certStore, b.problems]),
    [
      ['www.contoso.com:443', '1A1F948B21A2993677A88EB23F428C7E47E3D133', null, 'WebHosting', ['null-appid']],
      ['ccs:443', null, '{4DC3E181-E14B-4A21-B022-59FC669B0914}', null, []],
      ['5.6.7.8:443', null, null, 'My "quoted"', ['missing-hash', 'missing-appid']],
    ],
  );
  assert.equal(rows.warnings, [
    'line 8: value "DefaultFlags": unknown data "dword:zz"',
    'line 7: AppId has 15 bytes, a GUID has 16',
    'line 15: expected "Name"=value, got "garbage line"',
  ]);
});

t('not a .reg file, or a .reg of something else', () => {
  throwsMatching(
    () => parseRegSslBindingInfo('[HKEY_LOCAL_MACHINE\\X]\n', 'x.reg'),
    /line 1: .* is not a \.reg header/,
  );
  const other = parseRegSslBindingInfo(
    'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\Software\\X]\r\n"a"="b"\r\n',
    'o.reg',
  );
  assert.equal(other.bindings, []);
});

t.run();
