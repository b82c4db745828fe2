import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  BINDING_LOOKUP_REFERENCE,
  certificateDefects,
  parseEndpoint,
  selectCertificate,
  staleIpBindings,
  type LookupBinding,
  type LookupCertificate,
} from '../../../src/correlate/diagnosis/binding-lookup.js';

const t = suite('correlate/diagnosis/binding-lookup');
const OLD = 'A178873B314030E17463122E23BB285AF0C51338';
const NEW = '1A1F948B21A2993677A88EB23F428C7E47E3D133';
const API = 'FEDCBA98765432100123456789ABCDEFFEDCBA98';
const b = (endpoint: string, certHash: string | null): LookupBinding => ({ endpoint, certHash, source: 'netsh' });
const CERTS: LookupCertificate[] = [
  {
    thumbprint: OLD,
    subject: 'CN=www.contoso.com',
    notBefore: '2023-03-01T00:00:00Z',
    notAfter: '2024-03-01T00:00:00Z',
    hasPrivateKey: true,
  },
  {
    thumbprint: NEW,
    subject: 'CN=www.contoso.com',
    notBefore: '2024-02-20T00:00:00Z',
    notAfter: '2024-05-20T00:00:00Z',
    hasPrivateKey: true,
    ekus: ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2'],
  },
  {
    thumbprint: API,
    subject: 'CN=api.contoso.com',
    notBefore: '2024-02-20T00:00:00Z',
    notAfter: '2024-05-20T00:00:00Z',
    hasPrivateKey: true,
  },
];
const AT = '2024-04-02T10:00:00Z';

t('the reference names a Microsoft page', () => {
  assert.match(BINDING_LOOKUP_REFERENCE.url, /^https:\/\/learn\.microsoft\.com\//);
  assert.equal([...BINDING_LOOKUP_REFERENCE.order], ['sni', 'ccs', 'ip', 'wildcard']);
});

t('endpoints: IPv4, IPv6, wildcards, SNI host names, CCS; junk is null', () => {
  assert.equal(parseEndpoint('0.0.0.0:443'), {
    kind: 'wildcard',
    family: 'ipv4',
    address: '0.0.0.0',
    host: null,
    port: 443,
  });
  assert.equal(parseEndpoint('[::]:443')?.kind, 'wildcard');
  assert.equal(parseEndpoint('[FE80::1%12]:8443'), {
    kind: 'ip',
    family: 'ipv6',
    address: 'fe80::1%12',
    host: null,
    port: 8443,
  });
  assert.equal(parseEndpoint('WWW.Contoso.com:443'), {
    kind: 'sni',
    family: null,
    address: null,
    host: 'www.contoso.com',
    port: 443,
  });
  assert.equal(parseEndpoint('ccs:443')?.kind, 'ccs');
  assert.is(parseEndpoint('not an endpoint'), null);
  assert.is(parseEndpoint(null), null);
});

t('lookup order: SNI exact, wildcard host, CCS, IP:port, 0.0.0.0 / [::], none', () => {
  const bindings = [
    b('0.0.0.0:443', OLD),
    b('10.0.0.5:443', API),
    b('www.contoso.com:443', NEW),
    b('*.shop.contoso.com:443', API),
    b('[::]:443', OLD),
  ];
  const pick = (sni: string | null, address: string, port = 443): string => {
    const r = selectCertificate(bindings, { sni, address, port });
    return `${r.step}:${r.binding?.endpoint ?? '-'}`;
  };
  assert.is(pick('www.contoso.com', '10.0.0.5'), 'sni:www.contoso.com:443');
  assert.is(pick('WWW.CONTOSO.COM.', '10.0.0.7'), 'sni:www.contoso.com:443');
  assert.is(pick('eu.shop.contoso.com', '10.0.0.7'), 'sni-wildcard:*.shop.contoso.com:443');
  assert.is(pick('a.eu.shop.contoso.com', '10.0.0.7'), 'wildcard:0.0.0.0:443');
  assert.is(pick(null, '10.0.0.5'), 'ip:10.0.0.5:443');
  assert.is(pick('alias.contoso.com', '10.0.0.5'), 'ip:10.0.0.5:443');
  assert.is(pick(null, '10.0.0.9'), 'wildcard:0.0.0.0:443');
  assert.is(pick(null, '2001:db8::5'), 'wildcard:[::]:443');
  assert.is(pick(null, '10.0.0.9', 8443), 'none:-');
  const ccs = [b('ccs:443', null), b('0.0.0.0:443', OLD)];
  const r = selectCertificate(ccs, { sni: 'www.fabrikam.com', address: '10.0.0.9', port: 443 });
  assert.equal([r.step, r.certHash], ['ccs', null]);
  assert.match(r.note, /www\.fabrikam\.com\.pfx/);
  assert.is(selectCertificate(ccs, { sni: null, address: '10.0.0.9', port: 443 }).step, 'wildcard');
  const sniOnly = selectCertificate([b('www.contoso.com:443', NEW)], { sni: null, address: '10.0.0.9', port: 443 });
  assert.is(sniOnly.step, 'none');
  assert.match(sniOnly.note, /the client sends no SNI/);
});

t('certificate defects: expired, not yet valid, no key, wrong EKU, untrusted root, not in store, empty hash', () => {
  const certs: LookupCertificate[] = [
    ...CERTS,
    {
      thumbprint: 'B'.repeat(40),
      notBefore: '2025-01-01T00:00:00Z',
      notAfter: '2026-01-01T00:00:00Z',
      hasPrivateKey: false,
      ekus: ['1.3.6.1.5.5.7.3.2'],
      chainProblems: ['untrusted-root'],
    },
    { thumbprint: 'C'.repeat(40), ekus: ['2.5.29.37.0'] },
  ];
  assert.equal(certificateDefects(OLD, certs, AT), ['expired']);
  assert.equal(certificateDefects(NEW.toLowerCase(), certs, AT), []);
  assert.equal(certificateDefects('B'.repeat(40), certs, AT), [
    'not-yet-valid',
    'no-private-key',
    'wrong-eku',
    'untrusted-root',
  ]);
  assert.equal(certificateDefects('C'.repeat(40), certs, AT), []);
  assert.equal(certificateDefects('D'.repeat(40), certs, AT), ['not-in-store']);
  assert.equal(certificateDefects('D'.repeat(40), [], AT), [], 'no store listing: nothing known');
  assert.equal(certificateDefects(null, certs, AT), ['empty-hash']);
  assert.equal(certificateDefects(OLD, certs), [], 'no reference time: validity not judged');
});

t('stale 0.0.0.0:443 with an expired certificate beside renewed SNI bindings: who gets which certificate', () => {
  const bindings = [
    b('0.0.0.0:443', OLD),
    b('www.contoso.com:443', NEW),
    b('api.contoso.com:443', API),
    b('0.0.0.0:8172', API),
  ];
  const [s, ...rest] = staleIpBindings(bindings, CERTS, AT);
  assert.equal(rest, []);
  assert.equal(
    [s!.endpoint, s!.port, s!.certHash, s!.defects, s!.differs, s!.worse],
    ['0.0.0.0:443', 443, OLD, ['expired'], true, true],
  );
  assert.equal(
    s!.sniBindings.map((x) => x.endpoint),
    ['www.contoso.com:443', 'api.contoso.com:443'],
  );
  const by = Object.fromEntries(s!.outcomes.map((o) => [o.clients, [o.servedBy, o.certHash, o.defects]]));
  assert.equal(by['clients sending SNI www.contoso.com'], ['www.contoso.com:443', NEW, []]);
  assert.equal(by['clients sending SNI api.contoso.com'], ['api.contoso.com:443', API, []]);
  assert.equal(
    by[
      'clients without SNI connecting to any ipv4 address (old clients, load-balancer probes, health checks, scripts)'
    ],
    ['0.0.0.0:443', OLD, ['expired']],
  );
  assert.equal(by['clients sending a name with no SNI binding (an alias, or https://the-address/ by address)'], [
    '0.0.0.0:443',
    OLD,
    ['expired'],
  ]);
});

t('a specific IP binding that only differs is reported (differs, not worse); a matching one is not', () => {
  const stale = staleIpBindings([b('10.0.0.5:443', API), b('www.contoso.com:443', NEW)], CERTS, AT);
  assert.equal(
    stale.map((s) => [s.endpoint, s.differs, s.worse]),
    [['10.0.0.5:443', true, false]],
  );
  assert.ok(
    stale[0]!.outcomes.some(
      (o) => o.clients.startsWith('clients without SNI connecting to 10.0.0.5') && o.certHash === API,
    ),
  );
  assert.equal(staleIpBindings([b('0.0.0.0:443', NEW), b('www.contoso.com:443', NEW)], CERTS, AT), []);
  assert.equal(staleIpBindings([b('0.0.0.0:443', OLD)], CERTS, AT), [], 'no SNI binding on the port: nothing stale');
  assert.equal(
    staleIpBindings([b('0.0.0.0:443', OLD), b('www.contoso.com:8443', NEW)], CERTS, AT),
    [],
    'SNI on another port',
  );
});

t('a stale wildcard is shadowed on addresses with their own IP binding; empty hashes and junk endpoints', () => {
  const stale = staleIpBindings(
    [b('0.0.0.0:443', OLD), b('10.0.0.5:443', NEW), b('www.contoso.com:443', NEW), b('garbage', null)],
    CERTS,
    AT,
  );
  assert.equal(
    stale.map((s) => s.endpoint),
    ['0.0.0.0:443'],
  );
  assert.ok(stale[0]!.outcomes.some((o) => o.address === '10.0.0.5' && o.servedBy === '10.0.0.5:443'));
  const empty = staleIpBindings([b('0.0.0.0:443', null), b('www.contoso.com:443', NEW)], CERTS, AT);
  assert.equal(
    empty.map((s) => [s.defects, s.worse]),
    [[['empty-hash'], true]],
  );
});

t.run();
