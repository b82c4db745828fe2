/**
 * SSL binding deletions whatever deleted them (REAL-WORLD.md §2) and the event semantics of
 * 15301/15302/119 across Windows versions, on sample-shaped rows.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { correlateEvents } from '../../src/correlate/correlate.js';
import { runBundled } from '../../src/correlate/bundled-queries.js';
import { binding, type Ev, FixtureDb, proc, svc } from './fixture-db.js';

const t = suite('correlate/binding-deletions');

const SEC = 'Microsoft-Windows-Security-Auditing';

function httpService(ts: string, eventId: 111 | 112 | 113 | 119, value: string, pid = 5120): Ev {
  const data: Record<string, string> =
    eventId === 119 ? { Endpoint: value } : eventId === 111 ? { UrlGroupId: value } : { Url: value, Status: '0' };
  return { ts, provider: 'Microsoft-Windows-HttpService', eventId, data, params: Object.values(data), processId: pid };
}

function logon(ts: string, type: number, user = 'jdoe'): Ev {
  return {
    ts,
    provider: SEC,
    eventId: 4624,
    data: { LogonType: String(type), TargetUserName: user, TargetDomainName: 'CONTOSO', IpAddress: '10.0.0.7' },
  };
}

async function run(events: Ev[], security: Ev[] = []) {
  const f = await FixtureDb.open();
  const sys = await f.file('System.evtx');
  await f.events(sys, events);
  if (security.length) await f.events(await f.file('Security.evtx'), security);
  return f;
}

t(
  'a netsh delete naming exactly the endpoint: binding-deleted-by-tool, high, remedy with the command line',
  async () => {
    const f = await run(
      [binding('2024-04-21 08:36:09.9', 15300, '0.0.0.0:443')],
      [
        logon('2024-04-21 08:31:02', 10),
        proc('2024-04-21 08:34:15', 'C:\\Windows\\System32\\netsh.exe', 'netsh http show sslcert'),
        proc(
          '2024-04-21 08:36:08.6',
          'C:\\Windows\\System32\\netsh.exe',
          'netsh http delete sslcert ipport=0.0.0.0:443',
        ),
      ],
    );
    try {
      const [x, ...rest] = await correlateEvents(f.conn);
      assert.is(rest.length, 0);
      assert.is(x!.kind, 'binding-deleted-by-tool');
      assert.is(x!.confidence, 'high');
      assert.is(x!.level, 'critical');
      assert.is(x!.trigger, 'netsh.exe');
      const trig = x!.evidence.filter((e) => e.role === 'trigger');
      assert.equal(
        trig.map((e) => [e.file, e.recordId, e.eventId]),
        [['Security.evtx', '3', 4688]],
      );
      assert.ok(x!.remedies.some((r) => r.includes('netsh http delete sslcert ipport=0.0.0.0:443')));
      assert.ok(x!.remedies.some((r) => r.includes('netsh http add sslcert ipport=0.0.0.0:443')));
      assert.ok(x!.remedies.every((r) => !r.includes('2025598')));
      assert.ok(x!.symptoms.some((s) => s.startsWith('Ruled out: no ABO-mapper trigger within 2 min')));
    } finally {
      f.close();
    }
  },
);

t('a netsh delete of ANOTHER endpoint is not the culprit: ruled out, the deletion stays unexplained', async () => {
  const f = await run(
    [binding('2024-04-21 08:36:09', 15300, '0.0.0.0:443')],
    [proc('2024-04-21 08:36:08', 'C:\\Windows\\System32\\netsh.exe', 'netsh http delete sslcert ipport=0.0.0.0:4443')],
  );
  try {
    const found = await correlateEvents(f.conn);
    assert.equal(
      found.map((x) => x.kind),
      ['binding-deleted-unexplained'],
    );
    assert.ok(found[0]!.symptoms.some((s) => s.includes('deleted another endpoint (0.0.0.0:4443), not 0.0.0.0:443')));
    assert.is(found[0]!.trigger, null);
  } finally {
    f.close();
  }
});

t('ABO trigger and an exact netsh delete in the window: the command explains it, no ABO finding', async () => {
  const f = await run(
    [svc('2024-03-01 10:00:00', 'IISADMIN', 4), binding('2024-03-01 10:00:30', 15300, '0.0.0.0:443')],
    [proc('2024-03-01 10:00:29', 'C:\\Windows\\System32\\netsh.exe', 'netsh http delete sslcert ipport=0.0.0.0:443')],
  );
  try {
    const found = await correlateEvents(f.conn);
    assert.equal(
      found.map((x) => x.kind),
      ['binding-deleted-by-tool'],
    );
    assert.ok(
      found[0]!.symptoms.some((s) => s.includes('the ABO-mapper trigger IISADMIN') && s.includes('names exactly')),
    );
  } finally {
    f.close();
  }
});

t('ABO trigger and a netsh command that names no endpoint: the ABO mapper keeps it', async () => {
  const f = await run(
    [svc('2024-03-01 10:00:00', 'IISADMIN', 4), binding('2024-03-01 10:00:03', 15300, '0.0.0.0:443')],
    [proc('2024-03-01 09:59:00', 'C:\\Windows\\System32\\netsh.exe', 'netsh http show sslcert')],
  );
  try {
    const found = await correlateEvents(f.conn);
    assert.equal(
      found.map((x) => x.kind),
      ['abo-binding-deleted'],
    );
  } finally {
    f.close();
  }
});

t('RSConfigTool 3 min before, an RDP logon before that: the tool is the trigger, the logon context', async () => {
  const f = await run(
    [binding('2024-04-07 12:09:02', 15300, '0.0.0.0:443'), httpService('2024-04-07 12:09:02', 119, '0.0.0.0:443')],
    [
      logon('2024-04-07 12:02:11', 10),
      proc('2024-04-07 12:05:40', 'C:\\Program Files\\SSRS\\Shared Tools\\RSConfigTool.exe', ''),
    ],
  );
  try {
    const [x, ...rest] = await correlateEvents(f.conn);
    assert.is(rest.length, 0);
    assert.is(x!.kind, 'binding-deleted-by-tool');
    assert.is(x!.occurrences, 1, 'the 15300 and its 119 are one deletion');
    assert.equal(
      x!.evidence.map((e) => [e.role, e.eventId]),
      [
        ['context', 4624],
        ['trigger', 4688],
        ['symptom', 15300],
        ['symptom', 119],
      ],
    );
    assert.ok(x!.remedies.some((r) => r.includes('own port or an SNI host name')));
  } finally {
    f.close();
  }
});

t('nothing in the logs: binding-deleted-unexplained with audit advice; network logons are not candidates', async () => {
  const f = await run(
    [binding('2024-04-28 00:17:44', 15300, '0.0.0.0:443')],
    [logon('2024-04-28 00:15:00', 3, 'svc-monitor')],
  );
  try {
    const [x, ...rest] = await correlateEvents(f.conn);
    assert.is(rest.length, 0);
    assert.is(x!.kind, 'binding-deleted-unexplained');
    assert.ok(x!.symptoms.some((s) => s.includes('no 4688 events in the hour before')));
    assert.ok(x!.remedies.some((r) => r.includes('Audit Process Creation')));
    assert.ok(x!.remedies.some((r) => r.includes('Include command line in process creation events')));
    assert.ok(!x!.symptoms.some((s) => s.includes('svc-monitor')));
  } finally {
    f.close();
  }
});

/** The re-create remedy of a deletion of two endpoints, with these certificates in the case's store. */
async function recreateRemedy(thumbprints: string[]): Promise<string> {
  const f = await run([
    binding('2024-04-28 00:17:44', 15300, '0.0.0.0:443'),
    binding('2024-04-28 00:17:44.5', 15300, 'www.contoso.com:443'),
  ]);
  try {
    const store = await f.file('certutil-store-my.txt', 'certutil-store');
    for (const thumbprint of thumbprints) await f.certificate(store, 'WEB01', { thumbprint });
    const [x] = await correlateEvents(f.conn);
    return x!.remedies.find((r) => r.startsWith('Re-create the SSL binding'))!;
  } finally {
    f.close();
  }
}

t('several endpoints and no certificate in the case: one command per endpoint, what to collect said once', async () => {
  const remedy = await recreateRemedy([]);
  assert.ok(remedy.includes('netsh http add sslcert ipport=0.0.0.0:443 appid='), remedy);
  assert.ok(remedy.includes('netsh http add sslcert hostnameport=www.contoso.com:443 appid='), remedy);
  assert.ok(remedy.includes(', each with certhash= the thumbprint'), remedy);
  assert.is(remedy.split('which the case does not show').length, 2, 'said once');
});

t('several endpoints and several usable certificates: the choices per endpoint, why once', async () => {
  const remedy = await recreateRemedy(['A'.repeat(40), 'B'.repeat(40)]);
  assert.is(remedy.split('one of: ').length, 3, remedy);
  assert.ok(
    remedy.includes(`netsh http add sslcert hostnameport=www.contoso.com:443 certhash=${'b'.repeat(40)}`),
    remedy,
  );
  assert.is(remedy.split('usable unbound certificates').length, 2, 'said once');
});

t('no Security log at all: unexplained, says process starts are unknown', async () => {
  const f = await run([binding('2024-04-28 00:17:44', 15300, '0.0.0.0:443')]);
  try {
    const [x] = await correlateEvents(f.conn);
    assert.is(x!.kind, 'binding-deleted-unexplained');
    assert.is(x!.confidence, 'low');
    assert.ok(x!.symptoms.some((s) => s.includes('no Security log among the inputs')));
  } finally {
    f.close();
  }
});

t('15302 is an in-place update: binding-renewed at info, naming the renewal tool; never a loss', async () => {
  const f = await run(
    [
      {
        ts: '2024-04-01 06:00:42',
        provider: 'Microsoft-Windows-HttpEvent',
        eventId: 15302,
        data: { DeviceObject: '\\Device\\Http\\ReqQueue', EndPoint: 'www.contoso.com:443' },
        params: ['\\Device\\Http\\ReqQueue', 'www.contoso.com:443'],
      },
    ],
    [proc('2024-04-01 06:00:04', 'C:\\Program Files\\win-acme\\wacs.exe', 'wacs.exe --renew')],
  );
  try {
    const found = await correlateEvents(f.conn);
    assert.equal(
      found.map((x) => [x.kind, x.level, x.trigger]),
      [['binding-renewed', 'info', 'wacs.exe (win-acme)']],
    );
    const changes = await runBundled(f.conn, 'ssl-binding-changes');
    assert.equal(
      changes.map((r) => [r.deleted, r.updated, r.deleted_not_recreated]),
      [[0, 1, 0]],
    );
  } finally {
    f.close();
  }
});

t(
  'an admin delete + re-create (15300 + 15301) with no renewal tool is nothing; with wacs.exe it is a renewal',
  async () => {
    const plain = await run([
      binding('2024-03-01 10:00:00', 15300, '0.0.0.0:443'),
      binding('2024-03-01 10:00:00', 15301, '0.0.0.0:443'),
    ]);
    try {
      assert.equal(await correlateEvents(plain.conn), []);
    } finally {
      plain.close();
    }
    const renewal = await run(
      [binding('2024-03-01 10:00:00', 15300, '0.0.0.0:443'), binding('2024-03-01 10:00:00', 15301, '0.0.0.0:443')],
      [proc('2024-03-01 09:59:30', 'C:\\Program Files\\win-acme\\wacs.exe', 'wacs.exe --renew')],
    );
    try {
      assert.equal(
        (await correlateEvents(renewal.conn)).map((x) => [x.kind, x.level]),
        [['binding-renewed', 'info']],
      );
    } finally {
      renewal.close();
    }
  },
);

t(
  'HttpService 119 of a localhost listener beside 111/112/113 (Windows 11) is routine: no finding, not counted',
  async () => {
    const f = await run([
      httpService('2024-05-12 07:17:55.930', 111, '0xff00000007dcd301', 11236),
      httpService('2024-05-12 07:17:55.938', 112, 'https://localhost:44300/', 11236),
      httpService('2024-05-12 07:17:55.939', 113, 'https://localhost:44300/', 11236),
      httpService('2024-05-12 07:17:55.949', 119, 'localhost:44300', 11236),
    ]);
    try {
      assert.equal(await correlateEvents(f.conn), []);
      const changes = await runBundled(f.conn, 'ssl-binding-changes');
      assert.equal(
        changes.map((r) => r.deleted),
        [],
      );
    } finally {
      f.close();
    }
  },
);

t(
  'HttpService 119 with a 15300 twin on a server counts once; a lone 119 of a real endpoint is a deletion',
  async () => {
    const f = await run([
      binding('2024-04-21 08:36:09.911', 15300, '0.0.0.0:443'),
      httpService('2024-04-21 08:36:09.911', 119, '0.0.0.0:443', 4),
      httpService('2024-04-22 03:00:00', 119, '10.0.0.5:8443', 4),
    ]);
    try {
      const found = await correlateEvents(f.conn);
      assert.equal(
        found.map((x) => [x.kind, x.endpoints, x.occurrences]),
        [['binding-deleted-unexplained', ['0.0.0.0:443', '10.0.0.5:8443'], 2]],
      );
      const changes = await runBundled(f.conn, 'ssl-binding-changes');
      assert.equal(
        changes.map((r) => [r.endpoint, r.deleted, r.deleted_not_recreated]),
        [
          ['0.0.0.0:443', 1, 1],
          ['10.0.0.5:8443', 1, 1],
        ],
      );
      const events = await runBundled(f.conn, 'ssl-binding-events');
      assert.equal(
        events.map((r) => [r.event_id, r.duplicate_of === null ? null : String(r.duplicate_of)]),
        [
          [15300, null],
          [119, '1'],
          [119, null],
        ],
      );
    } finally {
      f.close();
    }
  },
);

t('PowerShell -EncodedCommand removing IIS:\\SslBindings of the endpoint: decoded, exact, high', async () => {
  const script = "Remove-Item -Path 'IIS:\\SslBindings\\0.0.0.0!443'";
  const enc = Buffer.from(script, 'utf16le').toString('base64');
  const f = await run(
    [binding('2024-04-21 08:36:09', 15300, '0.0.0.0:443')],
    [
      proc(
        '2024-04-21 08:36:05',
        'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
        `powershell.exe -NoProfile -enc ${enc}`,
      ),
    ],
  );
  try {
    const found = await correlateEvents(f.conn);
    assert.equal(
      found.map((x) => [x.kind, x.confidence]),
      [['binding-deleted-by-tool', 'high']],
    );
    assert.ok(found[0]!.symptoms.some((s) => s.includes('-EncodedCommand decoded')));
  } finally {
    f.close();
  }
});

t.run();
