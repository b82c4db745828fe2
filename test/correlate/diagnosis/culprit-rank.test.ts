import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  auditAdvice,
  classifyLogon,
  classifyProcessStart,
  rankCandidates,
  type Candidate,
  type ProcessStartInput,
} from '../../../src/correlate/diagnosis/culprit.js';

const t = suite('correlate/diagnosis/culprit-rank');
const DELETION = {
  endpoint: '0.0.0.0:443',
  time: '2024-05-02T09:15:00.0000000Z',
  file: 'System.evtx',
  recordId: '812',
};
const WINDOW = 120_000;

/** ISO time `s` seconds before the deletion (negative: after). */
const before = (s: number): string =>
  new Date(Date.parse('2024-05-02T09:15:00Z') - s * 1000).toISOString().replace('.000Z', '.0000000Z');
function proc(s: number, image: string, cmd: string | null, id = String(1000 + s)): Candidate {
  const x: ProcessStartInput = {
    time: before(s),
    file: 'Security.evtx',
    recordId: id,
    newProcessName: image,
    commandLine: cmd,
    parentProcessName: null,
    subjectUserName: 'admin',
  };
  const c = classifyProcessStart(x);
  if (!c) throw new Error(`no candidate: ${image} ${cmd}`);
  return c;
}
const NETSH = 'C:\\Windows\\System32\\netsh.exe';

t('a netsh deleting exactly this endpoint ranks first, even when a weightier kind is closer', () => {
  const r = rankCandidates(
    DELETION,
    [proc(5, 'C:\\X\\RSConfigTool.exe', null), proc(90, NETSH, 'netsh http delete sslcert ipport=0.0.0.0:443')],
    WINDOW,
    { processStartsBefore: 312, commandLineLogged: true, aboTriggersInWindow: 0 },
  );
  assert.equal(
    r.ranked.map((c) => c.kind),
    ['netsh-delete', 'ssrs-config-tool'],
  );
  assert.ok(r.ranked[0]!.endpointMatch);
  assert.is(r.confidence, 'high');
  assert.match(r.reason, /netsh\.exe deleted exactly 0\.0\.0\.0:443 90 s before the deletion \(record 1090\)/);
  assert.ok(r.ruledOut.includes('no ABO-mapper trigger within 2 min before the deletion'));
  assert.ok(r.ruledOut.includes('4688 auditing was on: 312 process starts logged in the hour before'));
});

t('a netsh deleting another endpoint is ruled out, not ranked; so are starts after the deletion', () => {
  const r = rankCandidates(
    DELETION,
    [
      proc(10, NETSH, 'netsh http delete sslcert ipport=10.0.0.5:443'),
      proc(-20, 'C:\\tools\\wacs.exe', 'wacs.exe --renew'),
    ],
    WINDOW,
    { processStartsBefore: 40 },
  );
  assert.equal(r.ranked, []);
  assert.ok(
    r.ruledOut.some((x) => /netsh\.exe at .* deleted another endpoint \(10\.0\.0\.5:443\), not 0\.0\.0\.0:443/.test(x)),
  );
  assert.ok(r.ruledOut.some((x) => /wacs\.exe \(win-acme\) started 20 s after the deletion: not its cause/.test(x)));
  assert.is(r.confidence, 'low');
});

t('SSRS tool alone: medium; a second strong tool in the window lowers it to low', () => {
  const one = rankCandidates(DELETION, [proc(40, 'C:\\X\\RSConfigTool.exe', null)], WINDOW, {
    processStartsBefore: 12,
  });
  assert.is(one.confidence, 'medium');
  assert.match(one.reason, /^RSConfigTool\.exe \(SSRS Configuration Manager\) ran 40 s before the deletion/);
  const two = rankCandidates(
    DELETION,
    [proc(40, 'C:\\X\\RSConfigTool.exe', null), proc(60, 'C:\\tools\\wacs.exe', 'wacs.exe --renew')],
    WINDOW,
  );
  assert.is(two.confidence, 'low');
  assert.equal(
    two.ranked.map((c) => c.kind),
    ['ssrs-config-tool', 'renewal-tool'],
  );
  assert.match(two.reason, /wacs\.exe \(win-acme\) also ran in the window/);
});

t('closer in time wins between candidates of equal weight; outside the window is shown apart', () => {
  const r = rankCandidates(
    DELETION,
    [
      proc(100, 'C:\\tools\\wacs.exe', 'wacs.exe --renew', 'a'),
      proc(10, 'C:\\tools\\wacs.exe', 'wacs.exe --renew', 'b'),
      proc(900, 'C:\\X\\RSConfigTool.exe', null),
    ],
    WINDOW,
  );
  assert.equal(
    r.ranked.map((c) => c.ref.recordId),
    ['b', 'a'],
  );
  assert.equal(
    r.outsideWindow.map((c) => c.kind),
    ['ssrs-config-tool'],
  );
});

t('ABO starters are kept apart; logons alone give low confidence', () => {
  const abo = rankCandidates(DELETION, [proc(30, 'C:\\Windows\\System32\\net.exe', 'net start iisadmin')], WINDOW);
  assert.equal(abo.ranked, []);
  assert.equal(
    abo.abo.map((c) => c.kind),
    ['abo-starter'],
  );
  assert.is(abo.confidence, 'medium');
  const logon = classifyLogon({
    time: before(50),
    file: 'Security.evtx',
    recordId: '7',
    logonType: 10,
    targetUserName: 'admin',
    ipAddress: '10.0.0.20',
  })!;
  const r = rankCandidates(DELETION, [logon], WINDOW, { processStartsBefore: 0 });
  assert.is(r.confidence, 'low');
  assert.match(r.reason, /^Only weak candidates: RDP logon of admin from 10\.0\.0\.20/);
  assert.ok(r.ruledOut.includes('no 4688 events in the hour before the deletion: process-creation auditing off?'));
});

t('no candidate: says so, and auditAdvice says what to turn on', () => {
  const facts = { processStartsBefore: null, aboTriggersInWindow: 0 };
  const r = rankCandidates(DELETION, [], WINDOW, facts);
  assert.is(r.confidence, 'low');
  assert.match(r.reason, /cannot be named/);
  assert.ok(
    r.ruledOut.includes('no Security log among the inputs: process starts (4688) and logons (4624) are unknown'),
  );
  const advice = auditAdvice(facts);
  assert.ok(
    advice.some((a) => a.includes('Audit Process Creation') && a.includes('0CCE922B-69AE-11D9-BED3-505054503030')),
  );
  assert.ok(advice.some((a) => a.includes('ProcessCreationIncludeCmdLine_Enabled')));
  assert.ok(advice.some((a) => a.includes('wevtutil sl Security')));
  assert.equal(auditAdvice({ processStartsBefore: 500, commandLineLogged: true, logonsBefore: 3 }), []);
  const cmdOnly = auditAdvice({ processStartsBefore: 500, commandLineLogged: false });
  assert.ok(cmdOnly[0]!.includes('Include command line'));
  assert.ok(!cmdOnly.some((a) => a.includes('Audit Process Creation =')));
});

t('a Security log that starts after the deletion window is reported as rolled over', () => {
  const facts = { processStartsBefore: 3, securityLogStart: before(600) };
  const r = rankCandidates(DELETION, [], WINDOW, facts);
  assert.ok(r.ruledOut.some((x) => x.startsWith('the Security log starts only 10 min before the deletion')));
  assert.ok(auditAdvice(facts, DELETION.time).some((a) => a.startsWith('Raise the Security log maximum size')));
});

t('candidates without a readable time and without an endpoint on the deletion are handled', () => {
  const bad = { ...proc(10, NETSH, 'netsh http delete sslcert ipport=0.0.0.0:443'), timeMs: Number.NaN };
  assert.equal(rankCandidates(DELETION, [bad], WINDOW).ranked, []);
  const r = rankCandidates(
    { endpoint: null, time: DELETION.time },
    [proc(10, NETSH, 'netsh http delete sslcert ipport=0.0.0.0:443')],
    WINDOW,
  );
  assert.equal(
    r.ranked.map((c) => c.endpointMatch),
    [false],
  );
  assert.is(r.confidence, 'medium');
});

t.run();
