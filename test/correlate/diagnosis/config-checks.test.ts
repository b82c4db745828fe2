import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  boundCertificateProblems,
  certificateUsageProblems,
  ipListenProblems,
  protocolState,
  tlsProtocolProblems,
} from '../../../src/correlate/diagnosis/config-checks.js';

const t = suite('correlate/diagnosis/config-checks');
const H = 'A178873B314030E17463122E23BB285AF0C51338';

t('EKU without Server Authentication → 0x800B0110; untrusted root → 0x800B0109; unrestricted / anyEKU are fine', () => {
  assert.equal(
    certificateUsageProblems({ thumbprint: H, effectiveEkus: ['1.3.6.1.5.5.7.3.2'], chainProblems: [] }).map((p) => [
      p.code,
      p.name,
    ]),
    [['0x800B0110', 'CERT_E_WRONG_USAGE']],
  );
  assert.equal(
    certificateUsageProblems({ thumbprint: H, effectiveEkus: [], chainProblems: ['untrusted-root'] }).map(
      (p) => p.code,
    ),
    ['0x800B0110', '0x800B0109'],
  );
  assert.equal(certificateUsageProblems({ thumbprint: H, effectiveEkus: null, chainProblems: [] }), []);
  assert.equal(certificateUsageProblems({ thumbprint: H, effectiveEkus: ['2.5.29.37.0'], chainProblems: [] }), []);
  assert.equal(
    certificateUsageProblems({ thumbprint: H, effectiveEkus: ['1.3.6.1.5.5.7.3.1'], chainProblems: ['revoked'] }),
    [],
  );
});

t('bound certificate problems name the endpoints using the certificate', () => {
  const r = boundCertificateProblems(
    [
      { endpoint: '0.0.0.0:443', certHash: H.toLowerCase() },
      { endpoint: 'www.contoso.com:443', certHash: H },
      { endpoint: '0.0.0.0:8443', certHash: 'B'.repeat(40) },
    ],
    [
      { thumbprint: H, effectiveEkus: ['1.3.6.1.5.5.7.3.2'], chainProblems: [] },
      { thumbprint: 'B'.repeat(40), effectiveEkus: null, chainProblems: [] },
    ],
  );
  assert.equal(
    r.map((x) => [x.thumbprint, x.endpoints]),
    [[H, ['0.0.0.0:443', 'www.contoso.com:443']]],
  );
});

t('protocol states from Enabled / DisabledByDefault', () => {
  assert.is(protocolState({ enabled: 0, disabledByDefault: null }), 'disabled');
  assert.is(protocolState({ enabled: 0xffffffff, disabledByDefault: 0 }), 'enabled');
  assert.is(protocolState({ enabled: 1, disabledByDefault: 1 }), 'off-by-default');
  assert.is(protocolState({ enabled: null, disabledByDefault: 1 }), 'off-by-default');
  assert.is(protocolState({ enabled: null, disabledByDefault: null }), 'os-default');
  assert.is(protocolState(undefined), 'os-default');
});

t('TLS 1.2 server off with nothing modern left; TLS 1.3 only; hardened but fine', () => {
  const noModern = tlsProtocolProblems([
    { protocol: 'TLS 1.0', side: 'Server', enabled: 1, disabledByDefault: 0 },
    { protocol: 'TLS 1.2', side: 'Server', enabled: 0, disabledByDefault: 1 },
    { protocol: 'TLS 1.2', side: 'Client', enabled: 0, disabledByDefault: 1 },
  ]);
  assert.is(noModern.verdict, 'no-modern-tls');
  assert.match(
    noModern.text!,
    /TLS 1\.2\\Server has Enabled = 0 and TLS 1\.3 is not switched on; only TLS 1\.0 remain/,
  );
  assert.ok(noModern.clientTls12Off);
  const only13 = tlsProtocolProblems([
    { protocol: 'TLS 1.2', side: 'Server', enabled: 1, disabledByDefault: 1 },
    { protocol: 'TLS 1.3', side: 'Server', enabled: 1, disabledByDefault: 0 },
  ]);
  assert.is(only13.verdict, 'tls13-only');
  assert.match(only13.text!, /DisabledByDefault = 1/);
  const hardened = tlsProtocolProblems([
    { protocol: 'SSL 3.0', side: 'Server', enabled: 0, disabledByDefault: 1 },
    { protocol: 'TLS 1.0', side: 'Server', enabled: 0, disabledByDefault: 1 },
    { protocol: 'TLS 1.2', side: 'Server', enabled: 0xffffffff, disabledByDefault: 0 },
  ]);
  assert.equal([hardened.verdict, hardened.text], ['ok', null]);
  assert.is(tlsProtocolProblems([]).verdict, 'ok');
});

t('IP listen list: empty is the default; a list names the bindings on other addresses', () => {
  assert.is(ipListenProblems([], [{ endpoint: '10.0.0.5:443', certHash: H }]), null);
  const r = ipListenProblems(
    ['10.0.0.5'],
    [
      { endpoint: '10.0.0.5:443', certHash: H },
      { endpoint: '10.0.0.6:443', certHash: H },
      { endpoint: '0.0.0.0:443', certHash: H },
      { endpoint: 'www.contoso.com:443', certHash: H },
    ],
  )!;
  assert.equal(r.unreachable, ['10.0.0.6:443']);
  assert.match(
    r.text,
    /^HTTP\.sys listens only on 10\.0\.0\.5 \(netsh http show iplisten\); the SSL bindings 10\.0\.0\.6:443 are on other addresses/,
  );
  assert.equal(
    ipListenProblems(
      ['0.0.0.0'],
      [
        { endpoint: '10.0.0.6:443', certHash: H },
        { endpoint: '[fe80::1]:443', certHash: H },
      ],
    )!.unreachable,
    ['[fe80::1]:443'],
  );
});

t.run();
