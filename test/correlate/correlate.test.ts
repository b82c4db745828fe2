import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { correlateEvents } from '../../src/correlate/correlate.js';
import { binding, boot, cryptoFailure, FixtureDb, proc, schannel, shutdown, svc } from './fixture-db.js';

const abo = suite('correlate/abo-chain');

abo(
  'IISADMIN start → 15300 without 15301, twice: one critical finding, two occurrences, 0x80092004 absorbed',
  async () => {
    const f = await FixtureDb.open();
    try {
      const sys = await f.file('/logs/WEB01/System.evtx');
      await f.events(sys, [
        svc('2024-03-01 09:00:00', 'W3SVC', 4),
        svc('2024-03-01 10:00:00.1234567', 'IISADMIN', 4),
        binding('2024-03-01 10:00:03', 15300, '0.0.0.0:443'),
        schannel('2024-03-01 10:05:00', '0x80092004'),
        schannel('2024-03-01 10:06:00', '0x80092004'),
        svc('2024-03-01 13:59:00', 'IISADMIN', 1),
        svc('2024-03-01 14:00:00', 'IISADMIN', 4),
        binding('2024-03-01 14:00:02', 15300, '0.0.0.0:443'),
      ]);
      const findings = await correlateEvents(f.conn);
      assert.is(findings.length, 1, JSON.stringify(findings.map((x) => x.id)));
      const x = findings[0]!;
      assert.is(x.kind, 'abo-binding-deleted');
      assert.is(x.host, 'WEB01.contoso.local');
      assert.equal(x.endpoints, ['0.0.0.0:443']);
      assert.is(x.occurrences, 2);
      assert.is(x.confidence, 'high');
      assert.is(x.level, 'critical');
      assert.is(x.start, '2024-03-01T10:00:00.1234567Z');
      assert.is(x.errorCode, null);
      assert.ok(x.symptoms.some((s) => s.includes('0x80092004 CRYPT_E_NOT_FOUND')));
      const trig = x.evidence.filter((e) => e.role === 'trigger');
      assert.is(trig.length, 2);
      assert.equal(
        trig.map((e) => [e.file, e.recordId]),
        [
          ['/logs/WEB01/System.evtx', '2'],
          ['/logs/WEB01/System.evtx', '7'],
        ],
      );
      assert.ok(x.remedies.some((r) => r.includes('5506') && r.includes('KB 2025598')));
      assert.ok(x.evidence.some((e) => e.eventId === 36870));
    } finally {
      f.close();
    }
  },
);

abo('inetmgr6.exe and cscript adsutil.vbs (4688) are triggers', async () => {
  const f = await FixtureDb.open();
  try {
    const sec = await f.file('Security.evtx');
    const sys = await f.file('System.evtx');
    await f.events(sec, [
      proc(
        '2024-03-02 08:00:00',
        'C:\\Windows\\System32\\inetsrv\\inetmgr6.exe',
        '"C:\\Windows\\System32\\inetsrv\\inetmgr6.exe"',
      ),
      proc(
        '2024-03-02 11:00:00',
        'C:\\Windows\\System32\\cscript.exe',
        'cscript C:\\inetpub\\AdminScripts\\adsutil.vbs ENUM /P W3SVC',
      ),
    ]);
    await f.events(sys, [
      binding('2024-03-02 08:00:20', 15300, '10.0.0.5:443'),
      binding('2024-03-02 11:00:05', 15300, '10.0.0.5:443'),
    ]);
    const [x, ...rest] = await correlateEvents(f.conn);
    assert.is(rest.length, 0);
    assert.is(x!.kind, 'abo-binding-deleted');
    assert.is(x!.occurrences, 2);
    assert.match(x!.trigger!, /inetmgr6\.exe started/);
    assert.match(x!.trigger!, /adsutil\.vbs started/);
  } finally {
    f.close();
  }
});

abo('15300 and HttpService 119 for the same deletion count once', async () => {
  const f = await FixtureDb.open();
  try {
    const sys = await f.file('System.evtx');
    await f.events(sys, [
      svc('2024-03-01 10:00:00', 'IISADMIN', 4),
      binding('2024-03-01 10:00:03', 15300, '0.0.0.0:443'),
      {
        ts: '2024-03-01 10:00:03',
        provider: 'Microsoft-Windows-HttpService',
        eventId: 119,
        data: { Endpoint: '0.0.0.0:443' },
        params: ['0.0.0.0:443'],
      },
      schannel('2024-03-01 10:05:00', '0x80092004'),
    ]);
    const [x, ...rest] = await correlateEvents(f.conn);
    assert.is(rest.length, 0);
    assert.match(x!.symptoms[0]!, /deleted 1×/);
    assert.ok(x!.evidence.some((e) => e.eventId === 36870));
  } finally {
    f.close();
  }
});

abo('a deletion outside the window is not a chain (it is a deletion nothing explains)', async () => {
  const f = await FixtureDb.open();
  try {
    const sys = await f.file('System.evtx');
    await f.events(sys, [
      svc('2024-03-01 10:00:00', 'IISADMIN', 4),
      binding('2024-03-01 10:03:00', 15300, '0.0.0.0:443'),
    ]);
    assert.equal(
      (await correlateEvents(f.conn)).map((x) => x.kind),
      ['binding-deleted-unexplained'],
    );
    assert.equal(
      (await correlateEvents(f.conn, { window: '5 minutes' })).map((x) => x.kind),
      ['abo-binding-deleted'],
    );
  } finally {
    f.close();
  }
});

abo('SMS service start → 15300 + 15301, then failures: rebound; healthy pair by an admin: nothing', async () => {
  const f = await FixtureDb.open();
  try {
    const sys = await f.file('System.evtx');
    await f.events(sys, [
      binding('2024-03-01 09:00:00', 15300, '0.0.0.0:443'),
      binding('2024-03-01 09:00:00', 15301, '0.0.0.0:443'),
      svc('2024-03-01 12:00:00', 'SMS_EXECUTIVE', 4),
      binding('2024-03-01 12:00:10', 15300, '0.0.0.0:443'),
      binding('2024-03-01 12:00:10', 15301, '0.0.0.0:443'),
      schannel('2024-03-01 12:10:00', '0x80092004'),
    ]);
    const findings = await correlateEvents(f.conn);
    assert.equal(
      findings.map((x) => x.kind),
      ['abo-binding-rebound'],
    );
    assert.is(findings[0]!.start, '2024-03-01T12:00:00.0000000Z');
  } finally {
    f.close();
  }
});

abo('a re-create followed by clients rejecting the certificate (36887 alert 42) is a rebound', async () => {
  const f = await FixtureDb.open();
  try {
    const sys = await f.file('System.evtx');
    await f.events(sys, [
      svc('2024-03-01 12:00:00', 'SMS_EXECUTIVE', 4),
      binding('2024-03-01 12:00:10', 15300, '0.0.0.0:443'),
      binding('2024-03-01 12:00:10', 15301, '0.0.0.0:443'),
      { ts: '2024-03-01 12:03:00', provider: 'Schannel', eventId: 36887, data: { AlertDesc: 42 } },
      { ts: '2024-03-01 12:04:00', provider: 'Schannel', eventId: 36887, data: { AlertDesc: 10 } },
    ]);
    const [x, ...rest] = await correlateEvents(f.conn);
    assert.is(rest.length, 0);
    assert.is(x!.kind, 'abo-binding-rebound');
    assert.equal(
      x!.evidence.filter((e) => e.eventId === 36887).map((e) => e.summary),
      ['36887 fatal alert 42 received: the client rejected the certificate'],
    );
  } finally {
    f.close();
  }
});

abo.run();

const pk = suite('correlate/private-key');

pk('reboot then 36870 0x80090016 with 5061: key left in the user store, high', async () => {
  const f = await FixtureDb.open();
  try {
    const sys = await f.file('System.evtx');
    const sec = await f.file('Security.evtx');
    await f.events(sys, [
      shutdown('2024-03-03 02:00:00'),
      ...boot('2024-03-03 02:01:30'),
      svc('2024-03-03 02:01:50', 'IISADMIN', 4),
      svc('2024-03-03 02:01:55', 'W3SVC', 4),
      schannel('2024-03-03 02:03:00', '0x80090016'),
      schannel('2024-03-03 02:04:00', '0x80090016'),
    ]);
    await f.events(sec, [cryptoFailure('2024-03-03 02:03:00', '0x80090016', 'le-WebServer-1234')]);
    const findings = await correlateEvents(f.conn);
    assert.is(findings.length, 1);
    const x = findings[0]!;
    assert.is(x.kind, 'private-key-failure');
    assert.is(x.errorCode, '0x80090016');
    assert.is(x.confidence, 'high');
    assert.match(x.cause, /Current User store/);
    assert.match(x.trigger!, /reboot/);
    assert.ok(x.symptoms.some((s) => s.includes('le-WebServer-1234')));
    assert.ok(x.evidence.some((e) => e.eventId === 5061 && e.file === 'Security.evtx'));
  } finally {
    f.close();
  }
});

pk('binding added, 36870 0x8009030D state 10001, certutil KeySpec 2 not exportable', async () => {
  const f = await FixtureDb.open();
  try {
    const sys = await f.file('System.evtx');
    const cert = await f.file('certutil-store-my.txt', 'certutil-store');
    await f.events(sys, [
      ...boot('2024-03-01 00:00:00'),
      binding('2024-03-04 15:00:00', 15301, '0.0.0.0:443'),
      schannel('2024-03-04 15:00:05', '0x8009030D', 10001),
    ]);
    await f.certificate(cert, 'WEB01', { thumbprint: 'A'.repeat(40), keySpec: 2, exportable: false });
    const [x, ...rest] = await correlateEvents(f.conn);
    assert.is(rest.length, 0);
    assert.is(x!.errorCode, '0x8009030D');
    assert.is(x!.confidence, 'high');
    assert.match(x!.cause, /KeySpec = 2/);
    assert.match(x!.cause, /exported/);
    assert.ok(x!.evidence.some((e) => e.role === 'configuration' && e.file === 'certutil-store-my.txt'));
  } finally {
    f.close();
  }
});

pk('36870 0x8009030D at binding time, no certutil: key not exportable, high with state 10001', async () => {
  const f = await FixtureDb.open();
  try {
    const sys = await f.file('System.evtx');
    await f.events(sys, [
      binding('2024-03-04 15:00:00', 15301, '0.0.0.0:443'),
      schannel('2024-03-04 15:00:05', '0x8009030D', 10001),
    ]);
    const [x] = await correlateEvents(f.conn);
    assert.match(x!.cause, /Allow this certificate to be exported/);
    assert.is(x!.confidence, 'high');
    assert.equal(x!.endpoints, []);
    assert.ok(x!.symptoms.some((s) => s.includes('0.0.0.0:443')));
  } finally {
    f.close();
  }
});

pk('0x8009001A stops after a 15300/15301 pair: corrupt certificate replaced, recovery evidence', async () => {
  const f = await FixtureDb.open();
  try {
    const sys = await f.file('System.evtx');
    await f.events(sys, [
      schannel('2024-03-05 09:00:00', '0x8009001A'),
      schannel('2024-03-05 09:10:00', '0x8009001A'),
      binding('2024-03-05 09:20:00', 15300, '0.0.0.0:443'),
      binding('2024-03-05 09:20:00', 15301, '0.0.0.0:443'),
    ]);
    const [x, ...rest] = await correlateEvents(f.conn);
    assert.is(rest.length, 0);
    assert.is(x!.confidence, 'high');
    assert.is(x!.level, 'medium');
    assert.ok(x!.evidence.some((e) => e.role === 'recovery'));
    assert.match(x!.cause, /corrupted/);
  } finally {
    f.close();
  }
});

pk('healthy log: reboots, restarts, renewal pair in the same second → no finding', async () => {
  const f = await FixtureDb.open();
  try {
    const sys = await f.file('System.evtx');
    const sec = await f.file('Security.evtx');
    await f.events(sys, [
      ...boot('2024-03-01 06:00:00'),
      svc('2024-03-01 06:00:20', 'IISADMIN', 4),
      svc('2024-03-01 06:00:25', 'W3SVC', 4),
      svc('2024-03-01 12:00:00', 'W3SVC', 1),
      svc('2024-03-01 12:00:05', 'W3SVC', 4),
      binding('2024-03-01 14:00:00', 15300, '0.0.0.0:443'),
      binding('2024-03-01 14:00:00', 15301, '0.0.0.0:443'),
      shutdown('2024-03-02 03:00:00'),
      ...boot('2024-03-02 03:01:00'),
    ]);
    await f.events(sec, [proc('2024-03-01 12:00:00', 'C:\\Windows\\System32\\iisreset.exe', 'iisreset /restart')]);
    assert.equal(await correlateEvents(f.conn), []);
  } finally {
    f.close();
  }
});

pk('two hosts: only the affected one has a finding', async () => {
  const f = await FixtureDb.open();
  try {
    const a = await f.file('WEB01/System.evtx');
    const b = await f.file('WEB02/System.evtx');
    await f.events(a, [
      svc('2024-03-01 10:00:00', 'IISADMIN', 4, 'WEB01'),
      binding('2024-03-01 10:00:03', 15300, '0.0.0.0:443', 'WEB01'),
    ]);
    await f.events(b, [
      svc('2024-03-01 10:00:00', 'IISADMIN', 4, 'WEB02'),
      binding('2024-03-01 10:00:03', 15300, '0.0.0.0:443', 'WEB02'),
      binding('2024-03-01 10:00:03', 15301, '0.0.0.0:443', 'WEB02'),
    ]);
    const findings = await correlateEvents(f.conn);
    assert.equal(
      findings.map((x) => x.host),
      ['WEB01'],
    );
  } finally {
    f.close();
  }
});

pk.run();
