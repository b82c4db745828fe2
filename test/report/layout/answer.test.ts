import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { IIS_APPID, joinBindingChecks, netshEndpoint } from '../../../src/report/layout/answer-actions.js';
import type { AnswerInput } from '../../../src/report/layout/answer-types.js';
import { buildAnswer } from '../../../src/report/layout/answer.js';
import { chooseCertificate, nameMatches, sameHost } from '../../../src/report/layout/certificate-choice.js';
import { BAD_5506, GOOD, HOST, WMSVC, aboBindings, aboCase, cert } from './answer-fixtures.js';

const answer = suite('report/layout/answer');

const PLACEHOLDERS = /<IP:port>|<thumbprint>|\{…\}|\{<|<application GUID/;

answer('abo-5506-iisadmin: one incident with cause, outages and filled-in commands', () => {
  const { incidents } = buildAnswer(aboCase());
  assert.is(incidents.length, 1, 'the deletion and the bad 5506 hash are one incident; the medium note is none');
  const inc = incidents[0]!;
  assert.is(inc.level, 'critical');
  assert.is(inc.family, 'abo-mapper');
  assert.is(inc.id, 'abo-binding-deleted:WEB01.contoso.local:0.0.0.0:443');
  assert.is(inc.findingIds.length, 2);
  assert.is(
    inc.cause,
    `IISADMIN service entered running (7036) on ${HOST}; the ABO mapper then deleted the SSL binding of 0.0.0.0:443 and could not re-create it ` +
      `from the legacy <customMetadata> property 5506 of LM/W3SVC/1 (${BAD_5506}, no usable certificate in the store).`,
  );
  assert.equal(
    inc.outages.map((o) => [o.endpoint, o.downAt, o.upAt, o.stillDown, o.logEnd]),
    [
      ['0.0.0.0:443', '2026-03-12T09:14:05.4000000Z', '2026-03-12T10:42:37.5140000Z', false, null],
      ['0.0.0.0:443', '2026-03-14T02:08:13.2840000Z', null, true, '2026-03-14T13:31:25.6844759Z'],
    ],
  );
  assert.equal(inc.failures, {
    host: HOST,
    first: '2026-03-12T09:16:56.7000000Z',
    last: '2026-03-12T10:33:56.7000000Z',
    count: 22,
  });
  assert.equal(
    inc.actions.map((a) => a.kind),
    ['backup-config', 'remove-custom-metadata', 'add-sslcert'],
  );
  const remove = inc.actions[1]!;
  assert.is(remove.keyPath, 'LM/W3SVC/1');
  assert.is(
    remove.element,
    '<key path="LM/W3SVC/1">\n    <property id="5506" dataType="Binary" userType="1" attributes="None" value="oXiHOzFAMOF0YxIuI7soWvDFEzg=" />\n</key>',
  );
  const add = inc.actions[2]!;
  assert.equal(add.commands, [
    `netsh http add sslcert ipport=0.0.0.0:443 certhash=${GOOD} appid=${IIS_APPID} certstorename=MY`,
  ]);
  assert.match(add.appId!.source, 'IIS owns the binding: site "Default Web Site" binds https *:443:');
  assert.is(add.certificate!.chosen!.thumbprint, GOOD);
  const wmsvc = add.certificate!.rejected.find((r) => r.thumbprint === WMSVC)!;
  assert.not.ok(wmsvc.unusable);
  assert.ok(wmsvc.reasons.includes('already bound to another endpoint (0.0.0.0:8172)'), wmsvc.reasons.join('; '));
  assert.ok(wmsvc.reasons.includes('self-signed (issuer = subject)'));
  assert.equal(
    inc.checks.map((c) => c.commands.join(' & ')),
    [
      'netsh http show sslcert ipport=0.0.0.0:443',
      `certutil -verifystore my ${GOOD}`,
      'curl.exe -v https://www.contoso.com/',
      'net stop IISADMIN & net start IISADMIN & netsh http show sslcert ipport=0.0.0.0:443',
    ],
  );
  assert.equal(inc.missing, []);
  assert.not.match(JSON.stringify(incidents), PLACEHOLDERS);
});

answer(
  'certificate choice rejects expired, keyless, KeySpec 2, wrong-name and client-only certificates, saying why',
  () => {
    const at = Date.UTC(2026, 2, 12, 9, 14, 5);
    const certs = [
      cert({ thumbprint: 'E'.repeat(40), notAfter: '2026-01-31T00:00:00.0000000Z' }),
      cert({ thumbprint: 'A'.repeat(40), hasPrivateKey: false }),
      cert({ thumbprint: 'B'.repeat(40), keySpec: 2 }),
      cert({ thumbprint: 'C'.repeat(40), subject: 'CN=intranet.contoso.com', sans: ['intranet.contoso.com'] }),
      cert({ thumbprint: 'D'.repeat(40), eku: ['Client Authentication (1.3.6.1.5.5.7.3.2)'] }),
      cert({ thumbprint: 'F'.repeat(40), notBefore: '2026-06-01T00:00:00.0000000Z' }),
      cert({ thumbprint: BAD_5506 }),
      cert({ thumbprint: GOOD, subject: 'CN=*.contoso.com', sans: null, notAfter: '2026-12-01T00:00:00.0000000Z' }),
      cert({ thumbprint: '9'.repeat(40), host: 'OTHER-HOST' }),
    ];
    const choice = chooseCertificate(certs, {
      host: HOST,
      endpoint: '0.0.0.0:443',
      atMs: at,
      siteNames: ['www.contoso.com'],
      exclude: [BAD_5506],
      bindings: [],
    });
    assert.is(choice.considered, 8, 'certificates of other hosts are not looked at');
    assert.is(choice.chosen!.thumbprint, GOOD);
    assert.ok(choice.chosen!.why.includes('subject/SAN matches www.contoso.com'));
    assert.ok(choice.chosen!.why.includes('KeySpec 1 (AT_KEYEXCHANGE)'));
    const why = (t: string): string => choice.rejected.find((r) => r.thumbprint === t)!.reasons.join('; ');
    assert.match(why('E'.repeat(40)), 'expired on 2026-01-31, before the incident');
    assert.match(why('A'.repeat(40)), 'no private key');
    assert.match(why('B'.repeat(40)), 'KeySpec 2 (AT_SIGNATURE)');
    assert.match(
      why('C'.repeat(40)),
      "subject/SAN intranet.contoso.com, intranet.contoso.com does not match the site's host name www.contoso.com",
    );
    assert.match(why('D'.repeat(40)), 'no Server Authentication in its EKU');
    assert.match(why('F'.repeat(40)), 'not valid before 2026-06-01');
    assert.match(why(BAD_5506), 'the certificate the incident is about');
    assert.ok(choice.rejected.every((r) => r.unusable));
    const none = chooseCertificate(certs.slice(0, 5), {
      host: HOST,
      endpoint: '0.0.0.0:443',
      atMs: at,
      siteNames: ['www.contoso.com'],
      exclude: [],
      bindings: [],
    });
    assert.is(none.chosen, null);
    assert.is(none.rejected.length, 5);
  },
);

answer('newest notAfter wins among equals; a certificate bound here before wins over it', () => {
  const older = cert({ thumbprint: 'A'.repeat(40), notAfter: '2026-10-01T00:00:00.0000000Z' });
  const newer = cert({ thumbprint: 'B'.repeat(40), notAfter: '2027-10-01T00:00:00.0000000Z' });
  const ctx = { host: HOST, endpoint: '0.0.0.0:443', atMs: null, siteNames: [], exclude: [], bindings: [] };
  const plain = chooseCertificate([older, newer], ctx);
  assert.is(plain.chosen!.thumbprint, newer.thumbprint);
  assert.match(plain.rejected[0]!.reasons.join(), 'expires earlier (2026-10-01)');
  const before = chooseCertificate([older, newer], {
    ...ctx,
    bindings: [
      {
        host: HOST,
        source: 'registry',
        endpoint: '0.0.0.0:443',
        certHash: older.thumbprint,
        certStore: 'MY',
        appId: null,
      },
    ],
  });
  assert.is(before.chosen!.thumbprint, older.thumbprint);
  assert.ok(before.chosen!.why.includes('bound to 0.0.0.0:443 before'));
  assert.ok(nameMatches('*.contoso.com', 'www.contoso.com'));
  assert.not.ok(nameMatches('*.contoso.com', 'a.b.contoso.com'));
  assert.not.ok(nameMatches('*.contoso.com', 'contoso.com'));
});

answer(
  'a certificate bound while clients rejected it ranks last; host names match FQDN to FQDN or by short name',
  () => {
    const old = cert({ thumbprint: 'A'.repeat(40), notAfter: '2027-10-01T00:00:00.0000000Z' });
    const renewed = cert({ thumbprint: 'B'.repeat(40), notAfter: '2026-10-01T00:00:00.0000000Z' });
    const bindings = [
      { host: HOST, source: 'netsh', endpoint: '0.0.0.0:443', certHash: old.thumbprint, certStore: 'MY', appId: null },
    ];
    const ctx = { host: HOST, endpoint: '0.0.0.0:443', atMs: null, siteNames: [], exclude: [], bindings };
    assert.is(chooseCertificate([old, renewed], ctx).chosen!.thumbprint, old.thumbprint);
    const choice = chooseCertificate([old, renewed], { ...ctx, suspect: [old.thumbprint] });
    assert.is(choice.chosen!.thumbprint, renewed.thumbprint);
    assert.match(choice.rejected[0]!.reasons[0]!, 'while the failures happened');
    assert.ok(sameHost('WEB01', 'web01.contoso.local'));
    assert.ok(sameHost(null, 'WEB01.contoso.local'));
    assert.not.ok(sameHost('WEB01.fabrikam.local', 'WEB01.contoso.local'));
    assert.not.ok(sameHost('WEB01', 'WEB02'));
    const other = chooseCertificate([{ ...old, host: 'WEB01.fabrikam.local' }], ctx);
    assert.is(other.considered, 0);
  },
);

answer('no certificate store listing: a missing entry naming certutil instead of a placeholder', () => {
  const input: AnswerInput = { ...aboCase(), certificates: [] };
  const inc = buildAnswer(input).incidents[0]!;
  assert.ok(
    inc.missing.some((m) => m.collect === `collect \`certutil -v -store my\` from ${HOST}`),
    JSON.stringify(inc.missing),
  );
  assert.not.ok(inc.actions.some((a) => a.kind === 'add-sslcert'));
  assert.ok(inc.checks.some((c) => c.kind === 'verify-binding'));
  assert.not.match(JSON.stringify(inc), PLACEHOLDERS);
  // The files list decides when given: a certutil file for another host does not count.
  const files = [
    { kind: 'certutil-store', hosts: ['WEB09'] },
    { kind: 'applicationHost.config', hosts: [] },
  ];
  const other = buildAnswer({ ...aboCase(), files }).incidents[0]!;
  assert.ok(other.missing.some((m) => /certutil -v -store my/.test(m.collect)));
});

answer('one check per host lists the bindings of all its endpoints; other checks and hosts stay apart', () => {
  const verify = (host: string, endpoint: string) => ({
    kind: 'verify-binding' as const,
    host,
    endpoint,
    title: `Check that HTTP.sys lists the binding of ${endpoint}`,
    commands: [`netsh http show sslcert ${netshEndpoint(endpoint)}`],
  });
  const cert = {
    kind: 'verify-certificate' as const,
    host: 'WEB01',
    title: 'Check certificate',
    commands: ['certutil'],
  };
  const joined = joinBindingChecks([
    verify('WEB01', '0.0.0.0:443'),
    cert,
    verify('WEB02', '0.0.0.0:443'),
    verify('WEB01', 'www.contoso.com:443'),
  ]);
  assert.equal(
    joined.map((c) => [c.host, c.title, c.commands, c.endpoint ?? null]),
    [
      [
        'WEB01',
        'Check that HTTP.sys lists the bindings of 0.0.0.0:443, www.contoso.com:443',
        ['netsh http show sslcert ipport=0.0.0.0:443', 'netsh http show sslcert hostnameport=www.contoso.com:443'],
        null,
      ],
      ['WEB01', 'Check certificate', ['certutil'], null],
      [
        'WEB02',
        'Check that HTTP.sys lists the binding of 0.0.0.0:443',
        ['netsh http show sslcert ipport=0.0.0.0:443'],
        '0.0.0.0:443',
      ],
    ],
  );
});

answer('no applicationHost.config: the key path and the appid are named as missing', () => {
  const input: AnswerInput = {
    ...aboCase(),
    metadata: [],
    bindings: aboBindings().filter((b) => b.source !== 'config'),
  };
  const inc = buildAnswer(input).incidents[0]!;
  assert.equal(
    inc.actions.map((a) => a.kind),
    [],
  );
  assert.ok(
    inc.missing.some(
      (m) => m.collect === `collect %windir%\\System32\\inetsrv\\config\\applicationHost.config from ${HOST}`,
    ),
  );
  assert.ok(
    inc.missing.some(
      (m) => m.what === 'the application id of 0.0.0.0:443' && /netsh http show sslcert/.test(m.collect),
    ),
  );
  assert.not.match(JSON.stringify(inc), PLACEHOLDERS);
});

answer('SNI endpoint: hostnameport, certstorename=MY, appid from the registry export of that endpoint', () => {
  const input = aboCase();
  const sni = '{11111111-2222-3333-4444-555555555555}';
  input.findings = input.findings.map((f) => ({
    ...f,
    endpoints: ['www.contoso.com:443'],
    evidence: f.evidence.map((e) => ({ ...e, summary: e.summary.replace('0.0.0.0:443', 'www.contoso.com:443') })),
  }));
  input.events = [];
  input.bindings = [
    ...input.bindings,
    {
      host: HOST,
      source: 'registry',
      endpoint: 'www.contoso.com:443',
      certHash: GOOD,
      certStore: 'MY',
      appId: sni,
      file: 'SslBindingInfo.reg',
    },
  ];
  const inc = buildAnswer(input).incidents[0]!;
  const add = inc.actions.find((a) => a.kind === 'add-sslcert')!;
  assert.equal(add.commands, [
    `netsh http add sslcert hostnameport=www.contoso.com:443 certhash=${GOOD} appid=${sni} certstorename=MY`,
  ]);
  assert.match(add.appId!.source, 'the SslBindingInfo registry export of www.contoso.com:443 (SslBindingInfo.reg)');
  assert.ok(add.certificate!.chosen!.why.includes('bound to www.contoso.com:443 before'));
  assert.is(netshEndpoint('[::]:443'), 'ipport=[::]:443');
  assert.is(netshEndpoint('10.0.0.5:8443'), 'ipport=10.0.0.5:8443');
});

answer('private-key incident: repair the key, re-bind to a usable certificate of the store', () => {
  const host = 'SHOP01.contoso.local';
  const broken = 'AB'.repeat(20);
  const input: AnswerInput = {
    findings: [
      {
        id: `config-certificate-problem:${host}:${broken}`,
        kind: 'config-certificate-problem',
        level: 'high',
        host,
        title: 'no private key',
        cause: 'Schannel cannot open the private key. More text.',
        start: null,
        end: null,
        endpoints: ['0.0.0.0:443'],
        trigger: null,
        evidence: [],
      },
      {
        id: `private-key-failure:${host}:0x80090016`,
        kind: 'private-key-failure',
        level: 'high',
        host,
        title: 'Schannel cannot use the SSL private key: 0x80090016',
        cause:
          'The certificate was moved from the Current User store to Local Machine. It shows after the next reboot.',
        start: '2026-03-20T06:33:22.3190000Z',
        end: '2026-03-20T08:09:04.4570000Z',
        endpoints: [],
        trigger: 'reboot (EventLog 6005)',
        errorCode: '0x80090016',
        evidence: [],
      },
    ],
    bindings: [
      { host: null, source: 'netsh', endpoint: '0.0.0.0:443', certHash: broken, certStore: 'MY', appId: IIS_APPID },
    ],
    certificates: [cert({ thumbprint: broken, hasPrivateKey: false }), cert({ thumbprint: GOOD })],
    metadata: [],
    hosts: [{ host, lastTime: '2026-03-20T20:41:59.9423854Z' }],
  };
  const { incidents } = buildAnswer(input);
  assert.is(incidents.length, 1);
  const inc = incidents[0]!;
  assert.is(inc.family, 'private-key');
  assert.is(inc.cause, 'The certificate was moved from the Current User store to Local Machine.');
  assert.equal(
    inc.actions.map((a) => a.commands.join(' & ')),
    [
      `certutil -repairstore my ${broken}`,
      'netsh http delete sslcert ipport=0.0.0.0:443',
      `netsh http add sslcert ipport=0.0.0.0:443 certhash=${GOOD} appid=${IIS_APPID} certstorename=MY`,
    ],
  );
  const rejected = inc.actions[2]!.certificate!.rejected;
  assert.match(rejected.find((r) => r.thumbprint === broken)!.reasons.join(), 'the certificate the incident is about');
  assert.equal(inc.outages, []);
  assert.not.match(JSON.stringify(inc), PLACEHOLDERS);
});

answer.run();
