/**
 * The scenarios whose analysis is still to come (PENDING_SCENARIOS): each one's logs hold the
 * events its story needs, read back with our reader or, for the XML export, with the ingest's
 * XML event reader; expected.json points at real events of the right host.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { PENDING_SCENARIOS } from '../../src/samples/scenarios/index.js';
import { ticksToIso } from '../../src/samples/time.js';
import { SEC, endpointOf, exists, isRunning, readLog, pendingFile, within, type Ev } from './helpers.js';

const s = suite('samples: pending scenario events');
const count = (evs: Ev[], id: number) => evs.filter((e) => e.id === id).length;
const cmd = (e: Ev) => String(e.data?.CommandLine ?? '');
const RCM = 'Microsoft-Windows-TerminalServices-RemoteConnectionManager%4Operational.evtx';

s(
  'ssrs-rsconfigtool-delete: RSConfigTool.exe 4688 in an RDP session, then one deletion (15300 + 119), no 15301',
  async () => {
    const sys = await readLog(pendingFile('ssrs-rsconfigtool-delete', 'System.evtx'));
    const sec = await readLog(pendingFile('ssrs-rsconfigtool-delete', 'Security.evtx'));
    const tool = sec.find((e) => e.id === 4688 && /RSConfigTool\.exe/.test(cmd(e)))!;
    const del = sys.filter((e) => e.id === 15300);
    assert.is(del.length, 1);
    assert.is(endpointOf(del[0]!), '0.0.0.0:443');
    assert.ok(
      sys.some((e) => e.id === 119 && e.time === del[0]!.time),
      '119 at the same instant',
    );
    assert.ok(within(tool.time, del[0]!.time, 300));
    assert.ok(sec.some((e) => e.id === 4624 && e.data?.LogonType === 10 && e.time < tool.time));
    assert.is(count(sys, 15301) + count(sys, 36870), 0);
    assert.not.ok(
      sys.some((e) => isRunning(e, 'IISADMIN')),
      'no ABO trigger',
    );
  },
);

s('netsh-admin-delete: netsh http delete sslcert 4688 1.3 s before the deletion; show sslcert is earlier', async () => {
  const sys = await readLog(pendingFile('netsh-admin-delete', 'System.evtx'));
  const sec = await readLog(pendingFile('netsh-admin-delete', 'Security.evtx'));
  const netsh = sec.filter((e) => e.id === 4688 && /netsh\.exe$/i.test(String(e.data?.NewProcessName)));
  assert.equal(netsh.map(cmd), ['netsh  http show sslcert', 'netsh  http delete sslcert ipport=0.0.0.0:443']);
  const del = sys.find((e) => e.id === 15300)!;
  assert.ok(within(netsh[1]!.time, del.time, 2));
  assert.is(count(sys, 15300), 1);
  assert.is(count(sys, 119), 1);
  assert.is(count(sys, 15301), 0);
});

s(
  'unexplained-delete: 4624 but no 4688 at all, no interactive logon, no service change around the deletion',
  async () => {
    const sys = await readLog(pendingFile('unexplained-delete', 'System.evtx'));
    const sec = await readLog(pendingFile('unexplained-delete', 'Security.evtx'));
    assert.is(count(sec, 4688), 0);
    assert.ok(count(sec, 4624) > 50);
    assert.not.ok(sec.some((e) => e.id === 4624 && (e.data?.LogonType === 2 || e.data?.LogonType === 10)));
    const del = sys.find((e) => e.id === 15300)!;
    assert.not.ok(sys.some((e) => (e.id === 7036 || e.id === 6005) && within(e.time - 600n * SEC, del.time, 600)));
    assert.is(count(sys, 15301), 0);
  },
);

s(
  'rdp-36870-server2022: every 36870 names svchost with the PID of the 261s and follows a 261 within a second; no HTTP.sys event',
  async () => {
    const sys = await readLog(pendingFile('rdp-36870-server2022', 'System.evtx'));
    const rcm = await readLog(pendingFile('rdp-36870-server2022', RCM));
    const failures = sys.filter((e) => e.id === 36870);
    assert.ok(failures.length > 10);
    const connects = rcm.filter((e) => e.id === 261);
    assert.ok(connects.length > failures.length, 'probes without a handshake too');
    for (const f of failures) {
      assert.is(f.data?.CallerProcessImageName, 'svchost');
      assert.is(String(f.data?.ErrorCode).toLowerCase(), '0x8009030d');
      assert.ok(
        connects.some((c) => within(c.time, f.time, 1)),
        'a 261 just before',
      );
    }
    assert.ok(failures.every((f) => f.data?.CallerProcessId !== 4));
    assert.is(count(sys, 15300) + count(sys, 15021) + count(sys, 119), 0);
  },
);

s('healthy-renewal-15302: one 15302 after wacs.exe, no deletion or creation, no TLS error', async () => {
  const sys = await readLog(pendingFile('healthy-renewal-15302', 'System.evtx'));
  const upd = sys.filter((e) => e.id === 15302);
  assert.equal(upd.map(endpointOf), ['www.contoso.com:443']);
  assert.is(count(sys, 15300) + count(sys, 15301) + count(sys, 119) + count(sys, 36870) + count(sys, 36887), 0);
});

s(
  'win11-routine-httpservice: each 119 is Information, from a process that logged 111/112/113 just before, for a loopback endpoint',
  async () => {
    const sys = await readLog(pendingFile('win11-routine-httpservice', 'System.evtx'));
    const dels = sys.filter((e) => e.id === 119);
    assert.is(dels.length, 4);
    for (const d of dels) {
      assert.match(String(endpointOf(d) ?? d.values[0]), /^(localhost|127\.0\.0\.1):\d+$/);
      assert.ok(sys.some((e) => e.id === 113 && within(e.time, d.time, 1)));
    }
    assert.is(count(sys, 15300) + count(sys, 36870), 0);
    assert.ok(count(sys, 111) >= 5 && count(sys, 112) === count(sys, 113));
  },
);

s("expected.json: every firstTrigger is the time of an event in that host's logs", async () => {
  for (const { name } of PENDING_SCENARIOS) {
    const { findings } = JSON.parse(readFileSync(pendingFile(name, 'expected.json'), 'utf8')) as {
      findings: { host: string; firstTrigger: string | null; kind: string }[];
    };
    const times = new Set<string>();
    for (const f of ['System.evtx', 'Security.evtx', RCM].filter((x) => exists(pendingFile(name, x)))) {
      for (const e of await readLog(pendingFile(name, f))) times.add(ticksToIso(e.time));
    }
    if (exists(pendingFile(name, 'System.xml'))) {
      for (const m of readFileSync(pendingFile(name, 'System.xml'), 'utf8').matchAll(/SystemTime='([^']+)'/g))
        times.add(m[1]!);
    }
    for (const f of findings.filter((x) => x.firstTrigger !== null))
      assert.ok(times.has(f.firstTrigger!), `${name} ${f.kind} ${f.firstTrigger}`);
  }
});

s.run();
