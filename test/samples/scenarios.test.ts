/**
 * Each scenario's logs hold the events its story needs (read back with our reader), and its
 * expected.json points at real events of the right host.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { eventFromXml } from '../../src/ingest/xml-event.js';
import { ticksToIso } from '../../src/samples/time.js';
import { xmlElements } from '../../src/xml/index.js';
import { SEC, endpointOf, exists, isRunning, readLog, sampleFile, within, type Ev } from './helpers.js';

const s = suite('samples: scenario events');
const count = (evs: Ev[], id: number) => evs.filter((e) => e.id === id).length;
const cmd = (e: Ev) => String(e.data?.CommandLine ?? '');
const code = (e: Ev) => String(e.data?.ErrorCode ?? '').toLowerCase();

s(
  'abo-5506-iisadmin: 15300 for 0.0.0.0:443 seconds after IISADMIN runs, no 15301 after it, twice; then 0x80092004',
  async () => {
    const sys = await readLog(sampleFile('abo-5506-iisadmin', 'System.evtx'));
    const starts = sys.filter((e) => isRunning(e, 'IISADMIN'));
    const deletions = sys.filter((e) => e.id === 15300);
    assert.is(deletions.length, 2);
    for (const d of deletions) {
      assert.is(endpointOf(d), '0.0.0.0:443');
      assert.ok(
        starts.some((t) => within(t.time, d.time, 10)),
        'IISADMIN running seconds before',
      );
      assert.not.ok(
        sys.some((e) => e.id === 15301 && within(d.time, e.time, 120)),
        'no 15301 within 2 min',
      );
    }
    const failures = sys.filter((e) => e.id === 36870);
    assert.ok(failures.length > 10);
    assert.ok(failures.every((e) => code(e) === '0x80092004' && e.time > deletions[0]!.time));
  },
);

s(
  'abo-inetmgr6-adsutil: 4688 InetMgr6.exe and adsutil.vbs each followed by 15300 (+119), no IISADMIN restart',
  async () => {
    const sys = await readLog(sampleFile('abo-inetmgr6-adsutil', 'System.evtx'));
    const sec = await readLog(sampleFile('abo-inetmgr6-adsutil', 'Security.evtx'));
    const triggers = sec.filter(
      (e) => e.id === 4688 && /inetmgr6\.exe|adsutil\.vbs/i.test(String(e.data?.CommandLine)),
    );
    assert.is(triggers.length, 2);
    for (const t of triggers)
      assert.ok(sys.some((e) => e.id === 15300 && endpointOf(e) === '0.0.0.0:443' && within(t.time, e.time, 10)));
    assert.is(count(sys, 119), count(sys, 15300), 'HttpService 119 beside each 15300');
    assert.not.ok(
      sys.some((e) => isRunning(e, 'IISADMIN')),
      'no service restart',
    );
  },
);

s('sccm-5511-2161: SMS_EXECUTIVE running → 15300 and 15301 within seconds, then 36887 alerts', async () => {
  const sys = await readLog(sampleFile('sccm-5511-2161', 'System.evtx'));
  const starts = sys.filter((e) => isRunning(e, 'SMS_EXECUTIVE'));
  assert.is(starts.length, 2);
  for (const t of starts) {
    assert.ok(sys.some((e) => e.id === 15300 && within(t.time, e.time, 5)));
    assert.ok(sys.some((e) => e.id === 15301 && within(t.time, e.time, 5)));
    assert.ok(sys.some((e) => e.id === 36887 && within(t.time, e.time, 300)));
  }
  assert.is(count(sys, 36870), 0);
});

s('keyset-dragdrop-0x80090016: reboot, then 36870 0x80090016 each beside a 5061 with the same ReturnCode', async () => {
  const sys = await readLog(sampleFile('keyset-dragdrop-0x80090016', 'System.evtx'));
  const sec = await readLog(sampleFile('keyset-dragdrop-0x80090016', 'Security.evtx'));
  const boot = sys.find((e) => e.id === 6005)!;
  assert.ok(sys.some((e) => e.id === 6006 && e.time < boot.time) && sys.some((e) => e.id === 6009));
  const failures = sys.filter((e) => e.id === 36870);
  assert.ok(failures.length > 20);
  assert.ok(failures.every((e) => code(e) === '0x80090016' && e.time > boot.time));
  const audits = sec.filter((e) => e.id === 5061);
  assert.is(audits.length, failures.length);
  for (const f of failures)
    assert.ok(
      audits.some((a) => String(a.data?.ReturnCode).toLowerCase() === '0x80090016' && within(a.time, f.time, 1)),
    );
});

s('nonexportable-0x8009030d: 36870 0x8009030D state 10001 right after the binding is added, no reboot', async () => {
  const sys = await readLog(sampleFile('nonexportable-0x8009030d', 'System.evtx'));
  const created = sys.find((e) => e.id === 15301)!;
  const failures = sys.filter((e) => e.id === 36870);
  assert.ok(failures.every((e) => code(e) === '0x8009030d' && e.data?.ErrorStatus === 10001));
  assert.ok(within(created.time, failures[0]!.time, 1));
  assert.is(count(sys, 6005), 0);
});

s('corrupt-key-0x8009001a: failures stop after the 15300/15301 pair', async () => {
  const sys = await readLog(sampleFile('corrupt-key-0x8009001a', 'System.evtx'));
  const fix = sys.find((e) => e.id === 15301)!;
  const failures = sys.filter((e) => e.id === 36870);
  assert.ok(failures.length > 20 && failures.every((e) => code(e) === '0x8009001a' && e.time < fix.time));
  assert.ok(sys.some((e) => e.id === 15300 && within(e.time, fix.time, 1)));
});

s('healthy-baseline: triggers without deletions; the renewal pair is in the same second; no failure', async () => {
  const sys = await readLog(sampleFile('healthy-baseline', 'System.evtx'));
  assert.ok(sys.filter((e) => isRunning(e, 'IISADMIN')).length >= 3);
  assert.is(count(sys, 36870) + count(sys, 36887) + count(sys, 15021), 0);
  const del = sys.filter((e) => e.id === 15300);
  assert.is(del.length, 1);
  assert.ok(sys.some((e) => e.id === 15301 && within(del[0]!.time, e.time, 1)));
  assert.is(count(sys, 6005), 2);
});

s(
  'two-hosts: only WEB02 loses its binding; WEB02 logs the shared restart before WEB01 although it came later',
  async () => {
    const web01 = await readLog(sampleFile('two-hosts', 'WEB01', 'System.evtx'));
    const web02 = await readLog(sampleFile('two-hosts', 'WEB02', 'System.evtx'));
    assert.is(count(web01, 15300) + count(web01, 36870), 0);
    assert.is(count(web02, 15300), 2);
    const r1 = web01.find((e) => isRunning(e, 'IISADMIN'))!;
    const r2 = web02.find((e) => isRunning(e, 'IISADMIN'))!;
    assert.ok(r2.time < r1.time && r1.time - r2.time < 300n * SEC, 'WEB02 clock 252 s behind');
  },
);

s(
  'stale-ip-binding-sni: wacs.exe as SYSTEM creates the two SNI bindings; alert 45 after the old certificate expired',
  async () => {
    const sys = await readLog(sampleFile('stale-ip-binding-sni', 'System.evtx'));
    const sec = await readLog(sampleFile('stale-ip-binding-sni', 'Security.evtx'));
    const wacs = sec.find((e) => e.id === 4688 && /wacs\.exe/.test(cmd(e)))!;
    assert.is(wacs.data?.SubjectUserSid, 'S-1-5-18');
    assert.equal(sys.filter((e) => e.id === 15301).map(endpointOf), ['www.contoso.com:443', 'shop.contoso.com:443']);
    assert.is(count(sys, 15300), 0);
    assert.ok(sys.filter((e) => e.id === 36887).every((e) => e.data?.AlertDesc === 45));
    const netsh = readFileSync(sampleFile('stale-ip-binding-sni', 'netsh-http-show-sslcert.txt'), 'latin1');
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

s('localized-de: the XML export reads as events with German strings and the language-independent 7036 Binary', () => {
  const text = readFileSync(sampleFile('localized-de', 'System.xml'), 'utf8');
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
  const netsh = readFileSync(sampleFile('localized-de', 'netsh-http-show-sslcert.txt'));
  assert.ok(
    netsh.includes(Buffer.from('\r\n    Zertifikathash              : 54df70fd89c1a56693e0a131c2601e72e21541b6\r\n')),
  );
  assert.ok(netsh.includes(Buffer.from([0x81])), 'CP 850 umlaut');
  const { findings } = JSON.parse(readFileSync(sampleFile('localized-de', 'expected.json'), 'utf8')) as {
    findings: { firstTrigger: string | null }[];
  };
  const times = new Set([...text.matchAll(/SystemTime='([^']+)'/g)].map((m) => m[1]!));
  for (const f of findings.filter((x) => x.firstTrigger !== null))
    assert.ok(times.has(f.firstTrigger!), f.firstTrigger!);
});

s("expected.json: every firstTrigger is the time of an event in that host's logs", async () => {
  const names = [
    'abo-5506-iisadmin',
    'abo-inetmgr6-adsutil',
    'sccm-5511-2161',
    'keyset-dragdrop-0x80090016',
    'nonexportable-0x8009030d',
    'corrupt-key-0x8009001a',
    'healthy-baseline',
    'two-hosts',
    'stale-ip-binding-sni',
  ];
  for (const name of names) {
    const { findings } = JSON.parse(readFileSync(sampleFile(name, 'expected.json'), 'utf8')) as {
      findings: { host: string; firstTrigger: string | null; kind: string }[];
    };
    if (name === 'healthy-baseline') assert.is(findings.length, 0);
    else assert.ok(findings.length > 0, name);
    for (const f of findings.filter((x) => x.firstTrigger !== null)) {
      const short = f.host.split('.')[0]!;
      const dir = name === 'two-hosts' ? [name, short] : [name];
      const logs = [...(await readLog(sampleFile(...dir, 'System.evtx')))];
      if (exists(sampleFile(...dir, 'Security.evtx')))
        logs.push(...(await readLog(sampleFile(...dir, 'Security.evtx'))));
      assert.ok(
        logs.some((e) => ticksToIso(e.time) === f.firstTrigger),
        `${name} ${f.kind} ${f.firstTrigger}`,
      );
    }
  }
});

s.run();
