/**
 * Timeline entries (data) → the events each host's logs hold. Times are host-clock FILETIME ticks
 * (true time + the host's skew). `at` may be absolute wall-clock in the host zone or relative to
 * an earlier tag: `@iisadmin-1+2.4` (seconds).
 */
import type { Account } from './events-security.js';
import * as sec from './events-security.js';
import * as sys from './events-system.js';
import type { Draft, HostCtx, LogName, Pids } from './events-system.js';
import { listenerConnection, RCM_LOG } from './events-rdp.js';
import { logsHttpService } from './catalogue.js';
import { rng } from './rng.js';
import { SECOND, ticksToDateTime, wallToTicks } from './time.js';
import type { HostDef, TimelineEntry } from './types.js';

export interface LogEvent {
  log: LogName;
  time: bigint;
  draft: Draft;
  tag?: string;
}

/** Host context: randomness for ids and the system process ids of each boot. */
export function hostContext(host: HostDef): HostCtx {
  const boots = host.timeline
    .filter((e): e is Extract<TimelineEntry, { kind: 'reboot' }> => e.kind === 'reboot' && !e.at.startsWith('@'))
    .map((e) => hostTicks(host, e.at) + BigInt(e.downSeconds) * SECOND)
    .sort((a, b) => (a < b ? -1 : 1));
  const cache = new Map<number, Pids>();
  const pids = (t: bigint): Pids => {
    const epoch = boots.filter((b) => b <= t).length;
    let p = cache.get(epoch);
    if (!p) {
      const r = rng(`${host.noiseSeed}/pids/${epoch}`);
      const id = (lo: number, hi: number) => r.int(lo, hi) & ~3;
      p = {
        services: id(560, 720),
        lsass: id(600, 780),
        eventlog: id(900, 1400),
        timeSvc: id(1000, 1600),
        wu: id(1600, 4200),
        winlogon: id(480, 560),
        termService: id(1100, 1500),
      };
      cache.set(epoch, p);
    }
    return p;
  };
  return { host, r: rng(`${host.noiseSeed}/events`), pids };
}

/** Wall-clock in the host zone → host-clock ticks (skew applied). */
export function hostTicks(host: HostDef, wall: string): bigint {
  return wallToTicks(wall, host.timeZone) + BigInt(Math.round((host.skewSeconds ?? 0) * 1000)) * 10000n;
}

/** The administrator as an Account (logon id fixed per host). */
export function adminAccount(host: HostDef): Account {
  return {
    sid: host.admin.sid,
    name: host.admin.user,
    domain: host.admin.domain,
    logonId: 0x5b3c1a + (host.name.length << 8),
  };
}

const ms = (n: number): bigint => BigInt(Math.round(n * 1000)) * 10000n;

/** Expand a host's timeline into log events (unsorted), resolving relative times and tags. */
export function expandTimeline(c: HostCtx): { events: LogEvent[]; tags: Map<string, bigint>; entries: EntrySummary[] } {
  const out: LogEvent[] = [];
  const entries: EntrySummary[] = [];
  const tags = new Map<string, bigint>();
  const at = (s: string): bigint => {
    const m = /^@([\w:.-]+?)([+-]\d+(?:\.\d+)?)?$/.exec(s);
    if (!m) return hostTicks(c.host, s);
    const base = tags.get(m[1]!);
    if (base === undefined) throw new Error(`${c.host.name}: timeline refers to unknown tag ${m[1]}`);
    return base + ms(Number(m[2] ?? 0));
  };
  let current: EntrySummary | null = null;
  const push = (log: LogName, time: bigint, draft: Draft, tag?: string): void => {
    out.push({ log, time, draft, ...(tag ? { tag } : {}) });
    if (tag && !tags.has(tag)) tags.set(tag, time);
    if (current) {
      current.count++;
      if (current.first === null || time < current.first) current.first = time;
      if (current.last === null || time > current.last) current.last = time;
    }
  };
  for (const e of c.host.timeline) {
    current = { entry: e, first: null, last: null, count: 0 };
    entries.push(current);
    expandEntry(c, e, at(e.at), push, at);
  }
  return { events: out, tags, entries };
}

/** What one timeline entry produced (for the README). */
export interface EntrySummary {
  entry: TimelineEntry;
  first: bigint | null;
  last: bigint | null;
  count: number;
}

type Push = (log: LogName, time: bigint, draft: Draft, tag?: string) => void;

function expandEntry(c: HostCtx, e: TimelineEntry, t: bigint, push: Push, at: (s: string) => bigint): void {
  const admin = adminAccount(c.host);
  switch (e.kind) {
    case 'service':
      return push('System', t, sys.serviceState(c, t, e.service, e.state), e.tag);
    case 'service-restart': {
      push('System', t, sys.serviceState(c, t, e.service, 'stopped'));
      const up = t + ms(e.downSeconds);
      return push('System', up, sys.serviceState(c, up, e.service, 'running'), e.tag);
    }
    case 'start-type':
      return push('System', t, sys.startType(c, t, e.service, e.from, e.to), e.tag);
    case 'reboot':
      return expandReboot(c, e, t, push);
    case 'binding-deleted':
      push('System', t, sys.bindingDeleted(c, e.endpoint), e.tag);
      if (logsHttpService(c.host.os)) push('System', t, sys.httpServiceDeleted(c, e.endpoint));
      return;
    case 'binding-created':
      return push('System', t, sys.bindingCreated(c, e.endpoint), e.tag);
    case 'binding-updated':
      return push('System', t, sys.bindingUpdated(c, e.endpoint), e.tag);
    case 'ssl-config-error':
      return push('System', t, sys.sslConfigError(c, e.endpoint, e.status), e.tag);
    case 'key-failures':
      return series(c, t, at(e.until), e.meanSeconds, (x, i) => {
        if (e.with5061)
          push(
            'Security',
            x - 10000n,
            sec.cryptoOperation(c, x - 10000n, e.with5061.provider, e.with5061.keyName, e.code),
          );
        push('System', x, sys.keyFailure(c, x, e.code), i === 0 ? e.tag : undefined);
      });
    case 'tls-alerts':
      return series(c, t, at(e.until), e.meanSeconds, (x, i) =>
        push('System', x, sys.alertReceived(c, x, e.alert), i === 0 ? e.tag : undefined),
      );
    case 'process': {
      const pid = c.r.int(1200, 9800) & ~3;
      const who = e.as === 'system' ? sec.machineAccount(c) : admin;
      return push(
        'Security',
        t,
        sec.processCreated(c, t, who, e.image, e.commandLine, e.parent, pid, c.r.int(1200, 9800) & ~3),
        e.tag,
      );
    }
    case 'admin-logon':
      if (e.logonType === 2)
        push(
          'Security',
          t,
          sec.logon(c, t, admin, 2, { workstation: c.host.name.split('.')[0]!.toUpperCase() }),
          e.tag,
        );
      else
        push(
          'Security',
          t,
          sec.logon(c, t, admin, 10, {
            ip: '10.20.4.17',
            port: c.r.int(49152, 65000),
            workstation: 'ADMIN-PC07',
            pkg: 'Kerberos',
          }),
          e.tag,
        );
      return push('Security', t, sec.specialPrivileges(c, t, admin));
    case 'rdp-connections': {
      const code = e.keyFailure;
      return series(c, t, at(e.until), e.meanSeconds, (x, i) => {
        push(RCM_LOG, x, listenerConnection(c, x), code === undefined && i === 0 ? e.tag : undefined);
        if (code === undefined) return;
        const y = x + ms(0.03 + 0.05 * c.r.next());
        push(
          'System',
          y,
          sys.keyFailure(c, y, code, { pid: c.pids(y).termService, image: 'svchost' }),
          i === 0 ? e.tag : undefined,
        );
      });
    }
    case 'http-listener':
      return expandListener(c, e, t, push);
  }
}

/** An app starting an HTTP.sys listener: 111 URL group, 112/113 per URL, 119 when it refreshes its SSL binding. */
function expandListener(c: HostCtx, e: Extract<TimelineEntry, { kind: 'http-listener' }>, t: bigint, push: Push): void {
  const sid = e.user === 'system' ? 'S-1-5-18' : e.user === 'local-service' ? 'S-1-5-19' : c.host.admin.sid;
  const group = (0xff00000000000000n + BigInt(c.r.int(1, 0xffffff)) * 0x100n) | 1n;
  let x = t;
  push('System', x, sys.httpServiceUrl(c, 111, e.pid, sid, group, ''), e.tag);
  for (const url of e.urls) {
    x += ms(0.002 + 0.004 * c.r.next());
    push('System', x, sys.httpServiceUrl(c, 112, e.pid, sid, group, url));
    x += ms(0.001);
    push('System', x, sys.httpServiceUrl(c, 113, e.pid, sid, group, url));
  }
  if (e.sslEndpoint) push('System', x + ms(0.01), { ...sys.httpServiceDeleted(c, e.sslEndpoint), processId: e.pid });
}

/** Events from `from` to `until` at irregular intervals around `meanSeconds`. */
function series(
  c: HostCtx,
  from: bigint,
  until: bigint,
  meanSeconds: number,
  emit: (t: bigint, i: number) => void,
): void {
  let x = from;
  for (let i = 0; x <= until && i < 10_000; i++) {
    emit(x, i);
    x += ms(meanSeconds * (0.25 + 1.5 * c.r.next()));
  }
}

/** Restart: 1074, IIS services stop, 6006, 1100, 13; boot: 12, 6009, 6005, services running, time sync. */
function expandReboot(c: HostCtx, e: Extract<TimelineEntry, { kind: 'reboot' }>, t: bigint, push: Push): void {
  const h = c.host;
  push('System', t, sys.shutdownInitiated(c, t, e.reason), e.tag ? `${e.tag}:shutdown` : undefined);
  let x = t + ms(1.5);
  for (const key of [...h.bootServices].reverse()) {
    x += ms(0.2 + c.r.next());
    push('System', x, sys.serviceState(c, x, key, 'stopped'));
  }
  x += ms(3);
  push('System', x, sys.eventLogStopped(c, x));
  if (h.security) push('Security', x, sec.loggingShutdown(c, x));
  x += ms(1.2);
  push('System', x, sys.kernelStop(c, x));
  const boot = t + ms(e.downSeconds);
  const k = boot + ms(12 + 6 * c.r.next());
  push('System', k, sys.kernelStart(c, k, boot));
  let y = k + ms(14 + 5 * c.r.next());
  push('System', y, sys.osVersion(c, y));
  y += ms(0.01);
  const local = ticksToDateTime(y, h.timeZone);
  push(
    'System',
    y,
    sys.eventLogStarted(
      c,
      y,
      new Date(
        Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond),
      ),
    ),
    e.tag,
  );
  for (const key of h.bootServices) {
    y += ms(0.3 + 2.5 * c.r.next());
    push('System', y, sys.serviceState(c, y, key, 'running'), e.tag ? `${e.tag}:${key}` : undefined);
    if (h.security && c.r.chance(0.5)) {
      push('Security', y - ms(0.05), sec.logon(c, y, sec.SYSTEM_ACCOUNT, 5));
      push('Security', y - ms(0.04), sec.specialPrivileges(c, y, sec.SYSTEM_ACCOUNT));
    }
  }
  const s = y + ms(90 + 30 * c.r.next());
  push('System', s, sys.timeSync(c, s, false, 'dc01.' + h.name.split('.').slice(1).join('.')));
  push('System', s + ms(0.02), sys.timeSync(c, s + ms(0.02), true, 'dc01.' + h.name.split('.').slice(1).join('.')));
}
