/**
 * The scenarios whose analysis is still to come (PENDING_SCENARIOS): each one's logs hold the
 * events its story needs, read back with our reader or, for the XML export, with the ingest's
 * XML event reader; expected.json points at real events of the right host.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { eventFromXml } from '../../src/ingest/xml-event.js';
import { PENDING_SCENARIOS } from '../../src/samples/scenarios/index.js';
import { ticksToIso } from '../../src/samples/time.js';
import { xmlElements } from '../../src/xml/index.js';
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

s(
  'stale-ip-binding-sni: wacs.exe as SYSTEM creates the two SNI bindings; alert 45 after the old certificate expired',
  async () => {
    const sys = await readLog(pendingFile('stale-ip-binding-sni', 'System.evtx'));
    const sec = await readLog(pendingFile('stale-ip-binding-sni', 'Security.evtx'));
    const wacs = sec.find((e) => e.id === 4688 && /wacs\.exe/.test(cmd(e)))!;
    assert.is(wacs.data?.SubjectUserSid, 'S-1-5-18');
    assert.equal(sys.filter((e) => e.id === 15301).map(endpointOf), ['www.contoso.com:443', 'shop.contoso.com:443']);
    assert.is(count(sys, 15300), 0);
    assert.ok(sys.filter((e) => e.id === 36887).every((e) => e.data?.AlertDesc === 45));
    const netsh = readFileSync(pendingFile('stale-ip-binding-sni', 'netsh-http-show-sslcert.txt'), 'latin1');
    assert.match(
      netsh,
      /IP:port {22}: 10\.0\.0\.5:443\r\n {4}Certificate Hash {13}: f665241637b38bd46ffa13d83a7ebf8312e4d709/,
    );
    assert.match(
      netsh,
      /Hostname:port {16}: www\.contoso\.com:443\r\n {4}Certificate Hash {13}: fc64e243e9f795fc7d8dacaf7b91c24836f2a3c7/,
    );
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

s('localized-de: the XML export reads as events with German strings and the language-independent 7036 Binary', () => {
  const text = readFileSync(pendingFile('localized-de', 'System.xml'), 'utf8');
  const events = [...xmlElements(text, (name, depth) => depth <= 1 && name === 'Event')].map((el) => eventFromXml(el));
  assert.ok(events.length > 250);
  const iisadmin = Buffer.from('IISADMIN/4\0', 'utf16le').toString('hex').toUpperCase();
  const runs = events.filter((x) => x.event.eventId === 7036 && x.event.data?.Binary === iisadmin);
  assert.ok(runs.length >= 2);
  assert.is(runs[0]!.event.data?.param1, 'IIS-Verwaltungsdienst');
  assert.is(runs[0]!.event.data?.param2, 'Ausgeführt');
  assert.is(runs[0]!.message, 'Der Dienst "IIS-Verwaltungsdienst" befindet sich jetzt im Status "Ausgeführt".');
  assert.is(events.filter((x) => x.event.eventId === 15300).length, 2);
  assert.is(events.filter((x) => x.event.eventId === 119).length, 2);
  const netsh = readFileSync(pendingFile('localized-de', 'netsh-http-show-sslcert.txt'));
  assert.ok(
    netsh.includes(Buffer.from('\r\n    Zertifikathash              : 54df70fd89c1a56693e0a131c2601e72e21541b6\r\n')),
  );
  assert.ok(netsh.includes(Buffer.from([0x81])), 'CP 850 umlaut');
});

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
