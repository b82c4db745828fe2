/**
 * A large, busy-looking log for benchmarks: the System/Security mix of an IIS server (service
 * changes, logons, process creation, crypto audits, time sync, updates, TLS events) plus a family
 * of other providers with their own templates, streamed to disk chunk by chunk.
 */
import { EvtxWriter, FileSink, v, type EventSpec } from '../evtx/writer/index.js';
import { SERVICES } from './catalogue.js';
import * as sec from './events-security.js';
import * as sys from './events-system.js';
import type { Draft, HostCtx, Pids } from './events-system.js';
import { rng, type Rng } from './rng.js';
import { SECOND, wallToTicks } from './time.js';
import type { HostDef } from './types.js';

export interface SynthOptions {
  events: number;
  out: string;
  seed: string;
  /** Computer name of every event (default IIS-BUSY01.contoso.local): several hosts make a fleet case. */
  host?: string;
  /** Progress callback every 100k events. */
  onProgress?: (written: number) => void;
}

const PROVIDERS = [
  'Microsoft-Windows-GroupPolicy',
  'Microsoft-Windows-DNS-Client',
  'Microsoft-Windows-Winlogon',
  'Microsoft-Windows-WMI-Activity',
  'Microsoft-Windows-Kernel-Power',
  'Microsoft-Windows-WHEA-Logger',
  'Microsoft-Windows-Ntfs',
  'Microsoft-Windows-TaskScheduler',
  'Microsoft-Windows-Dhcp-Client',
  'Microsoft-Windows-Defender',
  'Microsoft-Windows-RestartManager',
  'Microsoft-Windows-Iphlpsvc',
];
const FIELD_NAMES = [
  'Status',
  'ProcessId',
  'Name',
  'Path',
  'ErrorCode',
  'Duration',
  'Guid',
  'Reason',
  'Flags',
  'Target',
  'Count',
  'Timestamp',
  'User',
  'Data',
];
const WORDS = [
  'alpha',
  'contoso',
  'orders',
  'report',
  'cache',
  'backup',
  'sync',
  'policy',
  'update',
  'service',
  'session',
  'client',
  'shared',
  'archive',
];

/** Field layout of template family member k (deterministic). */
function familyFields(k: number): { name: string; type: number }[] {
  const r = rng(`family/${k}`);
  return Array.from({ length: 2 + (k % 9) }, (_, i) => ({ name: `${r.pick(FIELD_NAMES)}${i}`, type: r.int(0, 7) }));
}
const FAMILY = Array.from({ length: 120 }, (_, k) => ({
  provider: PROVIDERS[k % PROVIDERS.length]!,
  eventId: 100 + k,
  fields: familyFields(k),
}));

function familyValue(r: Rng, type: number, t: bigint) {
  switch (type) {
    case 0:
      return v.str(`${r.pick(WORDS)}-${r.int(1, 99999)} ${r.pick(WORDS)}`);
    case 1:
      return v.u32(r.int(0, 2 ** 31));
    case 2:
      return v.hex64(BigInt(r.int(0, 2 ** 31)) << 8n);
    case 3:
      return v.guid(`{${r.hex(4)}-${r.hex(2)}-${r.hex(2)}-${r.hex(2)}-${r.hex(6)}}`);
    case 4:
      return v.filetime(t - BigInt(r.int(0, 86400)) * SECOND);
    case 5:
      return v.sid(`S-1-5-21-3623811015-3361044348-30300820-${r.int(1000, 9999)}`);
    case 6:
      return v.bool(r.chance(0.5));
    default:
      return v.bin(Uint8Array.from({ length: r.int(4, 32) }, () => r.int(0, 255)));
  }
}

/** Write `events` events to `out`; returns the number written. Memory: one chunk plus template cache. */
export function synthesize(o: SynthOptions): number {
  const r = rng(o.seed);
  const host: HostDef = {
    name: o.host ?? 'IIS-BUSY01.contoso.local',
    os: '2019',
    timeZone: 'UTC',
    bootServices: [],
    firstRecordId: { System: 1 },
    security: true,
    admin: { user: 'jdoe', domain: 'CONTOSO', sid: 'S-1-5-21-3623811015-3361044348-30300820-1013' },
    timeline: [],
    noiseSeed: o.seed,
    noise: { System: 0, Security: 0 },
  };
  const pids: Pids = {
    services: 636,
    lsass: 652,
    eventlog: 1288,
    timeSvc: 1404,
    wu: 3112,
    winlogon: 548,
    termService: 1320,
  };
  const c: HostCtx = { host, r, pids: () => pids };
  const writer = new EvtxWriter(new FileSink(o.out));
  let t = wallToTicks('2026-01-05 00:00:00', 'UTC');
  const services = Object.keys(SERVICES);
  for (let n = 0; n < o.events; n++) {
    t += BigInt(r.int(1, 20_000)) * 1000n;
    const [channel, draft] = pickEvent(c, r, t, services);
    const spec: EventSpec = { ...draft, channel, computer: host.name, timeCreated: t, recordId: BigInt(n + 1) };
    writer.write(spec);
    if (o.onProgress && (n + 1) % 100_000 === 0) o.onProgress(n + 1);
  }
  writer.close();
  return o.events;
}

function pickEvent(c: HostCtx, r: Rng, t: bigint, services: string[]): ['System' | 'Security', Draft] {
  const x = r.next();
  const user = (): sec.Account => ({
    sid: `S-1-5-21-3623811015-3361044348-30300820-${r.int(1100, 1900)}`,
    name: `user${r.int(1, 800)}`,
    domain: 'CONTOSO',
    logonId: r.int(0x10000, 0xfffffff),
  });
  if (x < 0.22)
    return [
      'Security',
      sec.logon(c, t, user(), r.pick([2, 3, 3, 3, 5, 10]), {
        ip: `10.${r.int(0, 40)}.${r.int(0, 255)}.${r.int(1, 254)}`,
        port: r.int(49152, 65535),
        pkg: r.chance(0.7) ? 'Kerberos' : 'NTLM',
      }),
    ];
  if (x < 0.38) return ['Security', sec.logoff(c, t, user(), r.pick([3, 3, 5]))];
  if (x < 0.45) return ['Security', sec.specialPrivileges(c, t, user())];
  if (x < 0.58) {
    const image = `C:\\${r.pick(['Windows\\System32', 'Program Files\\Contoso', 'inetpub\\tools'])}\\${r.pick(WORDS)}${r.int(1, 40)}.exe`;
    return [
      'Security',
      sec.processCreated(
        c,
        t,
        user(),
        image,
        `"${image}" --${r.pick(WORDS)} ${r.int(1, 1e6)}`,
        'C:\\Windows\\System32\\svchost.exe',
        r.int(1000, 60000) & ~3,
        r.int(500, 2000) & ~3,
      ),
    ];
  }
  if (x < 0.6)
    return [
      'Security',
      sec.cryptoOperation(
        c,
        t,
        'Microsoft Software Key Storage Provider',
        `te-${r.pick(WORDS)}-${r.hex(8)}`,
        r.chance(0.2) ? 0x80090016 : 0,
      ),
    ];
  if (x < 0.75) return ['System', sys.serviceState(c, t, r.pick(services), r.chance(0.5) ? 'running' : 'stopped')];
  if (x < 0.77) return ['System', sys.startType(c, t, r.pick(services), 'demand start', 'auto start')];
  if (x < 0.8) return ['System', sys.timeSync(c, t, r.chance(0.3), `dc0${r.int(1, 4)}.contoso.local`)];
  if (x < 0.81)
    return [
      'System',
      sys.windowsUpdate(
        c,
        t,
        r.pick([19, 43, 44] as const),
        `Update for ${r.pick(WORDS)} (KB${r.int(5000000, 5099999)})`,
        `{${r.hex(4)}-${r.hex(2)}-${r.hex(2)}-${r.hex(2)}-${r.hex(6)}}`,
      ),
    ];
  if (x < 0.82)
    return [
      'System',
      r.chance(0.5)
        ? sys.bindingDeleted(c, `0.0.0.0:${r.pick([443, 8443, 8172])}`)
        : sys.bindingCreated(c, `0.0.0.0:${r.pick([443, 8443, 8172])}`),
    ];
  if (x < 0.84)
    return [
      'System',
      r.chance(0.5)
        ? sys.keyFailure(c, t, r.pick([0x80090016, 0x8009030d, 0x80092004, 0x8009001a]))
        : sys.alertReceived(c, t, r.pick([40, 46, 48, 70])),
    ];
  const f = FAMILY[r.int(0, FAMILY.length - 1)]!;
  return [
    'System',
    {
      provider: {
        name: f.provider,
        guid: `{${((f.eventId * 2654435761) >>> 0).toString(16).padStart(8, '0').toUpperCase()}-0000-4000-8000-00000000${f.provider.length.toString(16).padStart(4, '0')}}`,
      },
      eventId: f.eventId,
      version: f.eventId % 3,
      level: r.pick([2, 3, 4, 4, 4]),
      task: f.eventId % 17,
      opcode: 0,
      keywords: 0x8000000000000000n,
      processId: r.int(400, 9000) & ~3,
      threadId: r.int(100, 9000) & ~3,
      userSid: r.chance(0.5) ? 'S-1-5-18' : null,
      data: { kind: 'event-data', items: f.fields.map((fl) => ({ name: fl.name, value: familyValue(r, fl.type, t) })) },
    },
  ];
}
