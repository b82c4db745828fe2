/** Schannel 36870 by who asked for the key (REAL-WORLD.md §3), on sample-shaped rows. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { correlateEvents } from '../../src/correlate/correlate.js';
import { runBundled } from '../../src/correlate/bundled-queries.js';
import { binding, type Ev, FixtureDb, svc } from './fixture-db.js';

const t = suite('correlate/key-callers');

function key(ts: string, extra: Record<string, string> = {}, type = 'server'): Ev {
  return {
    ts,
    provider: 'Schannel',
    eventId: 36870,
    data: { Type: type, ErrorCode: '0x8009030d', ErrorStatus: '10001', ...extra },
  };
}

const rdp = (ts: string): Ev => ({
  ts,
  provider: 'Microsoft-Windows-TerminalServices-RemoteConnectionManager',
  channel: 'Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational',
  eventId: 261,
  data: { listenerName: 'RDP-Tcp' },
  params: ['RDP-Tcp'],
});

const IIS_REMEDY = /IIS Manager|repairstore|Allow this certificate to be exported|https binding/i;

async function findings(events: Ev[]) {
  const f = await FixtureDb.open();
  try {
    await f.events(await f.file('System.evtx'), events);
    return { found: await correlateEvents(f.conn), rdpRows: await runBundled(f.conn, 'rdp-connections') };
  } finally {
    f.close();
  }
}

t('Server 2022 caller svchost beside RDP 261: service-key-failure for Remote Desktop, no IIS remedy', async () => {
  const caller = { CallerProcessImageName: 'svchost', CallerProcessId: '1136' };
  const { found, rdpRows } = await findings([
    svc('2024-06-09 07:00:00', 'W3SVC', 4),
    rdp('2024-06-09 07:55:31.420'),
    key('2024-06-09 07:55:31.472', caller),
    rdp('2024-06-09 07:58:50.980'),
    key('2024-06-09 07:58:51.023', caller),
  ]);
  assert.equal(
    found.map((x) => [x.kind, x.errorCode, x.confidence]),
    [['service-key-failure', '0x8009030D', 'high']],
  );
  const x = found[0]!;
  assert.match(x.title, /Remote Desktop listener/);
  assert.ok(x.remedies.some((r) => r.includes('f686aace6942fb7f7ceb231212eef4a4_')));
  assert.ok(x.remedies.some((r) => r.includes('TermService')));
  assert.ok(!x.remedies.some((r) => IIS_REMEDY.test(r)), x.remedies.join('\n'));
  assert.ok(x.evidence.some((e) => e.eventId === 261 && e.role === 'context'));
  assert.is(rdpRows.length, 2, 'rdp-connections lists the 261s');
});

t('caller svchost with no RDP events: "a service hosted in svchost" at low confidence, no IIS remedy', async () => {
  const { found } = await findings([
    key('2024-06-09 08:00:00', {
      CallerProcessImageName: 'C:\\Windows\\System32\\svchost.exe',
      CallerProcessId: '988',
    }),
  ]);
  assert.equal(
    found.map((x) => [x.kind, x.confidence]),
    [['service-key-failure', 'low']],
  );
  assert.match(found[0]!.title, /a service hosted in svchost\.exe/);
  assert.ok(!found[0]!.remedies.some((r) => IIS_REMEDY.test(r)));
  assert.ok(found[0]!.symptoms.some((s) => s.includes('no TerminalServices-RemoteConnectionManager log')));
});

t('caller PID 4 / SYSTEM is HTTP.sys: the IIS private-key finding as before', async () => {
  const { found } = await findings([
    key('2024-06-09 08:00:00', { CallerProcessImageName: 'System', CallerProcessId: '4' }),
    binding('2024-06-09 07:58:00', 15300, '0.0.0.0:443'),
    binding('2024-06-09 07:58:00', 15301, '0.0.0.0:443'),
  ]);
  assert.equal(
    found.map((x) => x.kind),
    ['private-key-failure'],
  );
});

t('caller lsass.exe: LDAPS with its own remedy', async () => {
  const { found } = await findings([
    key('2024-06-09 08:00:00', { CallerProcessImageName: 'C:\\Windows\\System32\\lsass.exe', CallerProcessId: '712' }),
  ]);
  assert.equal(
    found.map((x) => x.kind),
    ['service-key-failure'],
  );
  assert.match(found[0]!.title, /LDAPS/);
  assert.ok(found[0]!.remedies.some((r) => r.includes('636')));
});

t('Type = client: the host acted as a TLS client, said in the cause', async () => {
  const { found } = await findings([key('2024-06-09 08:00:00', {}, 'client')]);
  assert.equal(
    found.map((x) => x.kind),
    ['service-key-failure'],
  );
  assert.match(found[0]!.cause, /acted as a TLS client/);
  assert.ok(found[0]!.remedies.some((r) => r.includes('do not change the HTTP.sys bindings')));
});

t('older Windows without a caller: failures right after RDP connections are the Remote Desktop listener', async () => {
  const { found } = await findings([
    rdp('2024-06-09 07:55:31.420'),
    key('2024-06-09 07:55:31.472'),
    rdp('2024-06-09 07:58:50.980'),
    key('2024-06-09 07:58:51.023'),
    rdp('2024-06-09 08:10:00.000'),
    key('2024-06-09 08:10:00.100'),
  ]);
  assert.equal(
    found.map((x) => x.kind),
    ['service-key-failure'],
  );
  assert.match(found[0]!.title, /Remote Desktop listener/);
});

t('older Windows without a caller, no RDP, HTTP.sys active: stays an IIS private-key finding', async () => {
  const { found } = await findings([svc('2024-06-09 07:00:00', 'W3SVC', 4), key('2024-06-09 08:00:00')]);
  assert.equal(
    found.map((x) => x.kind),
    ['private-key-failure'],
  );
});

t.run();
