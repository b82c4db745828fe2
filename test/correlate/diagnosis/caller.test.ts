import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { classifyCaller, RDP_MACHINE_KEY, type SchannelFailure } from '../../../src/correlate/diagnosis/caller.js';

const t = suite('correlate/diagnosis/caller');
const f = (time: string, extra: Partial<SchannelFailure> = {}): SchannelFailure => ({
  time,
  type: 'server',
  file: 'System.evtx',
  recordId: '1',
  ...extra,
});

t('Server 2022: PID 4 / SYSTEM is HTTP.sys, with the IIS remedy set', () => {
  const d = classifyCaller(f('2024-05-02T09:00:00Z', { callerProcessId: '4', callerProcessImageName: 'SYSTEM' }));
  assert.equal([d.service, d.confidence, d.remedySet, d.role], ['http-sys', 'high', 'iis', 'server']);
  assert.equal(d.remedies, []);
  assert.is(
    classifyCaller(f('2024-05-02T09:00:00Z', { callerProcessId: 4, callerProcessImageName: '' })).service,
    'http-sys',
  );
});

t(
  'svchost.exe with RDP connections around it is the Remote Desktop listener: MachineKeys and TermService, no IIS remedy',
  () => {
    const failures = ['09:00:01', '09:10:02', '09:20:00'].map((s) =>
      f(`2024-05-02T${s}Z`, { callerProcessId: 1234, callerProcessImageName: 'C:\\Windows\\System32\\svchost.exe' }),
    );
    const rdp = ['09:00:00', '09:10:00', '09:20:01'].map((s) => ({ time: `2024-05-02T${s}Z`, eventId: 261 }));
    const d = classifyCaller(failures, { rdpEvents: rdp, httpSysActive: true });
    assert.equal([d.service, d.confidence, d.remedySet, d.rdpCoincidences], ['rdp', 'high', 'rdp', 3]);
    assert.ok(d.remedies.some((r) => r.includes(RDP_MACHINE_KEY)));
    assert.ok(RDP_MACHINE_KEY.endsWith('MachineKeys\\f686aace6942fb7f7ceb231212eef4a4_*'));
    assert.ok(d.remedies.some((r) => r.includes('TermService')));
    assert.ok(!d.remedies.some((r) => /IIS|netsh/.test(r)));
    assert.ok(
      d.ruledOut[0]!.startsWith('not HTTP.sys / IIS: the caller is C:\\Windows\\System32\\svchost.exe (PID 1234)'),
    );
  },
);

t('svchost.exe without RDP evidence: a service hosted in svchost.exe, low confidence', () => {
  const d = classifyCaller(
    f('2024-05-02T09:00:00Z', { callerProcessId: 988, callerProcessImageName: 'C:\\Windows\\System32\\svchost.exe' }),
    { rdpEvents: [{ time: '2024-05-02T08:00:00Z', eventId: 261 }] },
  );
  assert.equal([d.service, d.confidence, d.remedySet], ['svchost-service', 'low', 'generic']);
  assert.match(d.displayName, /service hosted in svchost\.exe/);
  const noLog = classifyCaller(f('2024-05-02T09:00:00Z', { callerProcessImageName: 'svchost.exe' }));
  assert.ok(noLog.ruledOut.some((r) => r.includes('no TerminalServices-RemoteConnectionManager log')));
  const certEvent = classifyCaller(f('2024-05-02T09:00:00Z', { callerProcessImageName: 'svchost.exe' }), {
    rdpEvents: [{ time: '2024-05-02T07:00:00Z', eventId: 1058 }],
  });
  assert.is(certEvent.service, 'rdp');
});

t('image names: lsass, AD FS, SQL Server, ADF runtime, Service Fabric, unknown programs; odd casing', () => {
  const by = (image: string): string =>
    classifyCaller(f('2024-05-02T09:00:00Z', { callerProcessId: 700, callerProcessImageName: image })).service;
  assert.is(by('C:\\Windows\\system32\\LSASS.EXE'), 'ldaps');
  assert.is(by('C:\\Windows\\ADFS\\Microsoft.IdentityServer.ServiceHost.exe'), 'adfs');
  assert.is(
    by('C:\\Program Files\\Microsoft SQL Server\\MSSQL16.MSSQLSERVER\\MSSQL\\Binn\\sqlservr.exe'),
    'sql-server',
  );
  assert.is(by('C:\\Program Files\\Microsoft Integration Runtime\\5.0\\Shared\\diahost.exe'), 'adf-shir');
  assert.is(by('D:\\SvcFab\\_App\\bin\\Fabric\\Fabric.Code\\FabricGateway.exe'), 'service-fabric');
  const other = classifyCaller(
    f('2024-05-02T09:00:00Z', { callerProcessId: 5150, callerProcessImageName: 'C:\\Apps\\Contoso.Broker.exe' }),
  );
  assert.equal(
    [other.service, other.displayName, other.remedySet, other.confidence],
    ['other', 'C:\\Apps\\Contoso.Broker.exe', 'generic', 'medium'],
  );
  const adf = classifyCaller(f('2024-05-02T09:00:00Z', { callerProcessImageName: 'diahost.exe' }));
  assert.ok(adf.remedies.some((r) => r.includes('NT SERVICE\\DIAHostService')));
});

t(
  'older Windows, no caller: repeated coincidence with 261 → RDP; HTTP.sys active → HTTP.sys; neither → unknown',
  () => {
    const failures = ['09:00:01', '09:30:03', '10:00:00', '10:30:00'].map((s) => f(`2024-05-02T${s}Z`));
    const rdp = ['09:00:00', '09:30:00', '10:00:02', '10:30:04'].map((s) => ({
      time: `2024-05-02T${s}Z`,
      eventId: 261,
    }));
    const d = classifyCaller(failures, { rdpEvents: rdp, httpSysActive: false });
    assert.equal([d.service, d.confidence, d.remedySet], ['rdp', 'high', 'rdp']);
    assert.match(d.reason, /names no caller \(Windows before Server 2022\), but 4 of 4 failures came within 5 s/);
    const once = classifyCaller(failures, { rdpEvents: rdp.slice(0, 1), httpSysActive: true });
    assert.equal([once.service, once.remedySet, once.confidence], ['http-sys', 'iis', 'medium']);
    assert.ok(once.ruledOut[0]!.includes('1 of 4 failures near an RDP connection'));
    const none = classifyCaller(failures, { rdpEvents: [], httpSysActive: false });
    assert.equal([none.service, none.confidence], ['unknown', 'low']);
    assert.ok(none.ruledOut.some((r) => r.startsWith('not HTTP.sys / IIS')));
    assert.equal(classifyCaller(failures).service, 'unknown');
  },
);

t('Type = client: the host was the TLS client; no IIS remedy even for PID 4', () => {
  const d = classifyCaller(f('2024-05-02T09:00:00Z', { type: 'client' }));
  assert.equal([d.service, d.role, d.remedySet], ['tls-client', 'client', 'tls-client']);
  assert.match(d.roleNote!, /^Type = client: this host acted as a TLS client/);
  const k = classifyCaller(
    f('2024-05-02T09:00:00Z', { type: 'client', callerProcessId: 4, callerProcessImageName: 'SYSTEM' }),
  );
  assert.equal([k.service, k.remedySet, k.confidence], ['http-sys', 'tls-client', 'low']);
  const mixed = classifyCaller([
    f('2024-05-02T09:00:00Z', { type: 'client' }),
    f('2024-05-02T09:01:00Z', { type: 'server' }),
  ]);
  assert.is(mixed.role, 'unknown');
});

t.run();
