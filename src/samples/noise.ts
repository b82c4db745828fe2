/**
 * Background activity of an ordinary server so the incident's events are not alone: services
 * that start and stop on their own, start-type flips, time sync, Windows Update, service and
 * network logons, ordinary process creation. Never an IIS/SCCM service, a binding or Schannel event.
 */
import * as sec from './events-security.js';
import type { Account } from './events-security.js';
import * as sys from './events-system.js';
import type { HostCtx } from './events-system.js';
import { TRANSIENT_SERVICES, isNt10 } from './catalogue.js';
import { rng, type Rng } from './rng.js';
import type { LogEvent } from './timeline.js';
import { SECOND } from './time.js';

const ORDINARY_PROCESSES = [
  [
    'C:\\Windows\\System32\\svchost.exe',
    'C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule',
    'C:\\Windows\\System32\\services.exe',
  ],
  [
    'C:\\Windows\\System32\\wbem\\WmiPrvSE.exe',
    'C:\\Windows\\system32\\wbem\\wmiprvse.exe -secured -Embedding',
    'C:\\Windows\\System32\\svchost.exe',
  ],
  [
    'C:\\Windows\\System32\\conhost.exe',
    '\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1',
    'C:\\Windows\\System32\\cmd.exe',
  ],
  ['C:\\Windows\\System32\\taskhostw.exe', 'taskhostw.exe', 'C:\\Windows\\System32\\svchost.exe'],
  [
    'C:\\Windows\\System32\\inetsrv\\w3wp.exe',
    'c:\\windows\\system32\\inetsrv\\w3wp.exe -ap "DefaultAppPool" -v "v4.0" -l "webengine4.dll" -a \\\\.\\pipe\\iisipm -h "C:\\inetpub\\temp\\apppools\\DefaultAppPool\\DefaultAppPool.config" -w "" -m 0',
    'C:\\Windows\\System32\\svchost.exe',
  ],
  [
    'C:\\Windows\\System32\\backgroundTaskHost.exe',
    'backgroundTaskHost.exe -ServerName:BackgroundTaskHost.WebAccountProvider',
    'C:\\Windows\\System32\\svchost.exe',
  ],
  [
    'C:\\Windows\\System32\\MpCmdRun.exe',
    '"C:\\ProgramData\\Microsoft\\Windows Defender\\platform\\4.18.24090.11-0\\MpCmdRun.exe" SignatureUpdate -ScheduleJob -RestrictPrivileges',
    'C:\\Windows\\System32\\svchost.exe',
  ],
] as const;

const UPDATES = [
  [
    'Security Intelligence Update for Microsoft Defender Antivirus - KB2267602 (Version 1.425.118.0)',
    '{42DF7AA2-AC65-4F32-B807-A7567BED14F1}',
  ],
  [
    '2026-02 Cumulative Update for .NET Framework 3.5, 4.8 and 4.8.1 (KB5051979)',
    '{0B3C8A7E-6D1F-4A52-9E8B-3C2D6F1A7B90}',
  ],
  ['Windows Malicious Software Removal Tool x64 - v5.133 (KB890830)', '{7C1E9D2B-54A0-4F8E-B3C6-1D2E3F4A5B6C}'],
] as const;

/** Generate about `n` events per log between `from` and `until` (host-clock ticks). */
export function noise(c: HostCtx, from: bigint, until: bigint, n: { System: number; Security: number }): LogEvent[] {
  const r = rng(`${c.host.noiseSeed}/noise`);
  const out: LogEvent[] = [];
  const span = Number(until - from);
  const when = (): bigint => from + BigInt(Math.floor(r.next() * span));
  const count = (log: 'System' | 'Security') => out.filter((e) => e.log === log).length;
  const domain = c.host.name.split('.').slice(1).join('.');
  while (count('System') < n.System) systemActivity(c, r, when(), out, domain);
  if (c.host.security) {
    const monitor: Account = {
      sid: 'S-1-5-21-3623811015-3361044348-30300820-1147',
      name: 'svc-monitor',
      domain: c.host.admin.domain,
      logonId: 0,
    };
    while (count('Security') < n.Security) securityActivity(c, r, when(), out, monitor);
  }
  return out.filter((e) => e.time >= from && e.time <= until);
}

function systemActivity(c: HostCtx, r: Rng, t: bigint, out: LogEvent[], domain: string): void {
  const roll = r.next();
  if (roll < 0.7) {
    const key = r.pick(TRANSIENT_SERVICES);
    out.push({ log: 'System', time: t, draft: sys.serviceState(c, t, key, 'running') });
    const stop = t + BigInt(r.int(20, 600)) * SECOND + BigInt(r.int(0, 9_999_999));
    out.push({ log: 'System', time: stop, draft: sys.serviceState(c, stop, key, 'stopped') });
  } else if (roll < 0.78) {
    const [from, to] = r.chance(0.5) ? ['demand start', 'auto start'] : ['auto start', 'demand start'];
    out.push({ log: 'System', time: t, draft: sys.startType(c, t, 'BITS', from, to) });
  } else if (roll < 0.93) {
    const src = `dc0${r.int(1, 2)}.${domain}`;
    out.push({ log: 'System', time: t, draft: sys.timeSync(c, t, false, src) });
    if (r.chance(0.4)) out.push({ log: 'System', time: t + 200_000n, draft: sys.timeSync(c, t + 200_000n, true, src) });
    if (c.host.security && r.chance(0.5))
      out.push({
        log: 'Security',
        time: t + 300_000n,
        draft: sec.timeChanged(c, t + 300_000n, t + 300_000n - BigInt(r.int(1, 900_000))),
      });
  } else {
    const [title, guid] = r.pick(UPDATES);
    let x = t;
    for (const id of [44, 43, 19] as const) {
      out.push({ log: 'System', time: x, draft: sys.windowsUpdate(c, x, id, title, guid) });
      x += BigInt(r.int(30, 400)) * SECOND;
    }
  }
}

function securityActivity(c: HostCtx, r: Rng, t: bigint, out: LogEvent[], monitor: Account): void {
  const roll = r.next();
  // Process creation in the noise only where 4688 is audited (2016+ with auditing on).
  const modern = isNt10(c.host.os) && c.host.processAuditing !== false;
  if (roll < 0.45) {
    const who = { ...monitor, logonId: r.int(0x100000, 0xfffffff) };
    out.push({
      log: 'Security',
      time: t,
      draft: sec.logon(c, t, who, 3, {
        ip: `10.20.${r.int(1, 9)}.${r.int(2, 250)}`,
        port: r.int(49152, 65000),
        pkg: r.chance(0.7) ? 'Kerberos' : 'NTLM',
        workstation: r.chance(0.5) ? 'MON01' : '-',
      }),
    });
    const off = t + BigInt(r.int(1, 30)) * SECOND;
    out.push({ log: 'Security', time: off, draft: sec.logoff(c, off, who, 3) });
  } else if (roll < 0.7 || !modern) {
    out.push({ log: 'Security', time: t, draft: sec.logon(c, t, sec.SYSTEM_ACCOUNT, 5) });
    out.push({ log: 'Security', time: t + 1000n, draft: sec.specialPrivileges(c, t + 1000n, sec.SYSTEM_ACCOUNT) });
  } else {
    const [image, cmd, parent] = r.pick(ORDINARY_PROCESSES);
    out.push({
      log: 'Security',
      time: t,
      draft: sec.processCreated(
        c,
        t,
        sec.machineAccount(c),
        image,
        cmd,
        parent,
        r.int(1200, 9800) & ~3,
        r.int(600, 2000) & ~3,
      ),
    });
  }
}
