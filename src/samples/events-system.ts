/**
 * System-log events of the scenarios, shaped as Windows writes them (see catalogue.ts for the
 * providers; field names and value types follow the corpus records of the same events).
 */
import { v, type DataItem, type EventSpec } from '../evtx/writer/index.js';
import { KW, OS_INFO, P, STATE_CODE, displayName, logsCaller } from './catalogue.js';
import { SERVICES_DE, SHUTDOWN_DE, START_TYPES_DE, STATES_DE } from './localize-de.js';
import type { HostDef } from './types.js';
import type { Rng } from './rng.js';

export type { LogName } from './types.js';
/** An event before the log assigns record id, channel and computer. */
export type Draft = Omit<EventSpec, 'recordId' | 'computer' | 'channel' | 'timeCreated'>;

/** Process ids of the host's system processes for one boot. */
export interface Pids {
  services: number;
  lsass: number;
  eventlog: number;
  timeSvc: number;
  wu: number;
  winlogon: number;
  /** svchost.exe hosting TermService (Remote Desktop Services). */
  termService: number;
}

export interface HostCtx {
  host: HostDef;
  r: Rng;
  pids(time: bigint): Pids;
}

const SYSTEM_SID = 'S-1-5-18';
const utf16z = (s: string): Uint8Array => new Uint8Array(Buffer.from(`${s}\0`, 'utf16le'));
const tid = (c: HostCtx): number => c.r.int(100, 9000) & ~3;

/** HttpEvent's second value is named differently across releases: read it by position. */
export function httpEndpointField(os: HostDef['os']): string {
  return os === '2008R2' || os === '2012R2' ? 'Port' : 'Endpoint';
}

/** Localized text of the host's UI language (param1/param2 are localized; the Binary is not). */
const de = (c: HostCtx, table: Record<string, string>, key: string, english: string): string =>
  c.host.locale === 'de-DE' ? (table[key] ?? english) : english;

/** 7036 "The %1 service entered the %2 state." + Binary `Key/state` (UTF-16LE, NUL-terminated). */
export function serviceState(c: HostCtx, t: bigint, key: string, state: keyof typeof STATE_CODE): Draft {
  const display = de(c, SERVICES_DE, key, displayName(key));
  return {
    provider: P.scm,
    eventId: 7036,
    qualifiers: 16384,
    version: 0,
    level: 4,
    task: 0,
    opcode: 0,
    keywords: KW.scm,
    processId: c.pids(t).services,
    threadId: tid(c),
    data: {
      kind: 'event-data',
      items: [
        { name: 'param1', value: v.str(display) },
        { name: 'param2', value: v.str(de(c, STATES_DE, state, state)) },
      ],
      binary: utf16z(`${key}/${STATE_CODE[state]}`),
    },
  };
}

/** 7040 start type changed (param4 = service key). */
export function startType(c: HostCtx, t: bigint, key: string, from: string, to: string): Draft {
  return {
    provider: P.scm,
    eventId: 7040,
    qualifiers: 16384,
    version: 0,
    level: 4,
    task: 0,
    opcode: 0,
    keywords: KW.scm,
    processId: c.pids(t).services,
    threadId: tid(c),
    userSid: SYSTEM_SID,
    data: {
      kind: 'event-data',
      items: [
        { name: 'param1', value: v.str(de(c, SERVICES_DE, key, displayName(key))) },
        { name: 'param2', value: v.str(de(c, START_TYPES_DE, from, from)) },
        { name: 'param3', value: v.str(de(c, START_TYPES_DE, to, to)) },
        { name: 'param4', value: v.str(key) },
      ],
    },
  };
}

function eventLog(c: HostCtx, t: bigint, id: number, strings: string[] | null, binary: Uint8Array | null): Draft {
  return {
    provider: P.eventLog,
    eventId: id,
    qualifiers: 32768,
    version: 0,
    level: 4,
    task: 0,
    opcode: 0,
    keywords: KW.classic,
    processId: c.pids(t).eventlog,
    threadId: tid(c),
    data: { kind: 'event-data', strings, binary },
  };
}

/** SYSTEMTIME bytes of a local wall-clock time (6005's Binary: 16 bytes + 8 zero). */
function systemTimeBytes(local: Date): Uint8Array {
  const b = new Uint8Array(24);
  const dv = new DataView(b.buffer);
  [
    local.getUTCFullYear(),
    local.getUTCMonth() + 1,
    local.getUTCDay(),
    local.getUTCDate(),
    local.getUTCHours(),
    local.getUTCMinutes(),
    local.getUTCSeconds(),
    local.getUTCMilliseconds(),
  ].forEach((x, i) => dv.setUint16(2 * i, x, true));
  return b;
}

export const eventLogStarted = (c: HostCtx, t: bigint, local: Date): Draft =>
  eventLog(c, t, 6005, null, systemTimeBytes(local));
export const eventLogStopped = (c: HostCtx, t: bigint): Draft =>
  eventLog(c, t, 6006, null, Uint8Array.of(1, 0, 0, 0, 0, 0, 0, 0));
export function osVersion(c: HostCtx, t: bigint): Draft {
  const os = OS_INFO[c.host.os];
  return eventLog(c, t, 6009, [os.version, String(os.build), os.sp, 'Multiprocessor Free', '0'], null);
}

/** Kernel-General 12: the OS started at StartTime. */
export function kernelStart(c: HostCtx, _t: bigint, start: bigint): Draft {
  const os = OS_INFO[c.host.os];
  return {
    provider: P.kernelGeneral,
    eventId: 12,
    version: 0,
    level: 4,
    task: 1,
    opcode: 0,
    keywords: KW.kernelBoot,
    processId: 4,
    threadId: 8,
    userSid: SYSTEM_SID,
    data: {
      kind: 'event-data',
      items: [
        { name: 'MajorVersion', value: v.u32(os.major) },
        { name: 'MinorVersion', value: v.u32(os.minor) },
        { name: 'BuildVersion', value: v.u32(os.build) },
        { name: 'QfeVersion', value: v.u32(os.qfe) },
        { name: 'ServiceVersion', value: v.u16(os.sp ? 1 : 0) },
        { name: 'BootMode', value: v.u32(0) },
        { name: 'StartTime', value: v.filetime(start) },
      ],
    },
  };
}

/** Kernel-General 13: the OS is shutting down at StopTime. */
export function kernelStop(_c: HostCtx, t: bigint): Draft {
  return {
    provider: P.kernelGeneral,
    eventId: 13,
    version: 0,
    level: 4,
    task: 2,
    opcode: 0,
    keywords: KW.kernelBoot,
    processId: 4,
    threadId: 404,
    data: { kind: 'event-data', items: [{ name: 'StopTime', value: v.filetime(t) }] },
  };
}

/** User32 1074: a process initiated the restart on behalf of a user. */
export function shutdownInitiated(c: HostCtx, t: bigint, reason: string): Draft {
  const short = c.host.name.split('.')[0]!.toUpperCase();
  const a = c.host.admin;
  return {
    provider: P.user32,
    eventId: 1074,
    qualifiers: 32768,
    version: 0,
    level: 4,
    task: 0,
    opcode: 0,
    keywords: KW.scm,
    processId: c.pids(t).winlogon,
    threadId: tid(c),
    userSid: a.sid,
    data: {
      kind: 'event-data',
      items: [
        { name: 'param1', value: v.str(`C:\\Windows\\system32\\shutdown.exe (${short})`) },
        { name: 'param2', value: v.str(short) },
        { name: 'param3', value: v.str(de(c, SHUTDOWN_DE, reason, reason)) },
        { name: 'param4', value: v.str('0x80020003') },
        { name: 'param5', value: v.str(de(c, SHUTDOWN_DE, 'restart', 'restart')) },
        { name: 'param6', value: v.str('') },
        { name: 'param7', value: v.str(`${a.domain}\\${a.user}`) },
      ],
    },
  };
}

function httpEvent(
  c: HostCtx,
  id: number,
  level: number,
  qualifiers: number,
  endpoint: string,
  binary?: Uint8Array,
): Draft {
  return {
    provider: P.httpEvent,
    eventId: id,
    qualifiers,
    version: 0,
    level,
    task: 0,
    opcode: 0,
    keywords: KW.classic,
    processId: 4,
    threadId: tid(c),
    data: {
      kind: 'event-data',
      items: [
        { name: 'DeviceObject', value: v.str('\\Device\\Http\\ReqQueue') },
        { name: httpEndpointField(c.host.os), value: v.str(endpoint) },
      ],
      ...(binary ? { binary } : {}),
    },
  };
}

/** 15302 (Windows 10 2004 / Server 2022+): SSL Certificate Settings updated by an admin process (a renewal). Warning like 15301 (inferred). */
export const bindingUpdated = (c: HostCtx, endpoint: string): Draft => httpEvent(c, 15302, 3, 32768, endpoint);
/** 15300 (warning, message 0x80003BC4): SSL Certificate Settings deleted for endpoint. */
export const bindingDeleted = (c: HostCtx, endpoint: string): Draft => httpEvent(c, 15300, 3, 32768, endpoint);
/** 15301 (warning, 0x80003BC5): SSL Certificate Settings created by an admin process. */
export const bindingCreated = (c: HostCtx, endpoint: string): Draft => httpEvent(c, 15301, 3, 32768, endpoint);
/** 15021 (error): error using the SSL configuration for an endpoint; Binary = NTSTATUS. */
export function sslConfigError(c: HostCtx, endpoint: string, status: number): Draft {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, status >>> 0, true);
  return httpEvent(c, 15021, 2, 49152, endpoint, b);
}

/** HttpService 119 (Server 2016+): the manifest provider's record of the same deletion. */
export function httpServiceDeleted(c: HostCtx, endpoint: string): Draft {
  return {
    provider: P.httpService,
    eventId: 119,
    version: 0,
    level: 4,
    task: 0,
    opcode: 0,
    keywords: KW.httpService,
    processId: 4,
    threadId: tid(c),
    userSid: SYSTEM_SID,
    data: { kind: 'event-data', items: [{ name: 'Endpoint', value: v.str(endpoint) }] },
  };
}

/**
 * HttpService URL-group events a process logs when it starts an HTTP.sys listener (client Windows,
 * System log, Information): 111 URL group created, 112 URL reserved, 113 URL added to the group.
 * Task 5 "HTTP Configuration Property Trace Task" and the URL-group keyword as a public export of
 * 114 (RemUrl) shows them; the EventData field names are *unverified* (message-table order:
 * URL group id, URL, status).
 */
export function httpServiceUrl(
  c: HostCtx,
  id: 111 | 112 | 113,
  pid: number,
  userSid: string,
  group: bigint,
  url: string,
): Draft {
  const items: DataItem[] =
    id === 111
      ? [{ name: 'UrlGroupId', value: v.hex64(group) }]
      : id === 112
        ? [
            { name: 'Url', value: v.str(url) },
            { name: 'Status', value: v.u32(0) },
          ]
        : [
            { name: 'UrlGroupId', value: v.hex64(group) },
            { name: 'Url', value: v.str(url) },
            { name: 'Status', value: v.u32(0) },
          ];
  return {
    provider: P.httpService,
    eventId: id,
    version: 0,
    level: 4,
    task: 5,
    opcode: { 111: 0, 112: 0, 113: 122 }[id],
    keywords: KW.httpUrlGroup,
    processId: pid,
    threadId: tid(c),
    userSid,
    data: { kind: 'event-data', items },
  };
}

/** The process that asked Schannel for its credential (Server 2022+ log it in 36870). */
export interface SspiCaller {
  pid: number;
  /** As Windows writes it: the image's base name without extension (`SYSTEM` for PID 4; public exports show `ldp`, `vctip`). */
  image: string;
}

/** Schannel 36870: fatal error accessing the server credential private key. */
export function keyFailure(
  c: HostCtx,
  t: bigint,
  code: number,
  caller: SspiCaller = { pid: 4, image: 'SYSTEM' },
): Draft {
  if (logsCaller(c.host.os)) {
    // Server 2022 template: the caller fields come first (field list of the manifest as public event catalogues give it).
    return schannel36870(c, t, [
      { name: 'CallerProcessId', value: v.u32(caller.pid) },
      { name: 'CallerProcessImageName', value: v.str(caller.image) },
      { name: 'Type', value: v.str('server') },
      { name: 'ErrorCode', value: v.hex32(code) },
      { name: 'ErrorStatus', value: v.u32(10001) },
    ]);
  }
  const items = [
    { name: 'Type', value: v.str('server') },
    { name: 'ErrorCode', value: v.hex32(code) },
    { name: 'ErrorStatus', value: v.u32(10001) },
  ];
  if (c.host.os === '2019')
    items.push(
      { name: 'CallerProcessId', value: v.u32(4) },
      { name: 'CallerProcessImageName', value: v.str('System') },
    );
  return schannel36870(c, t, items);
}

function schannel36870(c: HostCtx, t: bigint, items: DataItem[]): Draft {
  return {
    provider: P.schannel,
    eventId: 36870,
    version: 0,
    level: 2,
    task: 0,
    opcode: 0,
    keywords: KW.system,
    processId: c.pids(t).lsass,
    threadId: tid(c),
    userSid: SYSTEM_SID,
    data: { kind: 'event-data', items },
  };
}

/** Schannel 36887: a fatal alert was received from the remote endpoint (TLS alert number). */
export function alertReceived(c: HostCtx, t: bigint, alert: number): Draft {
  return {
    provider: P.schannel,
    eventId: 36887,
    version: 0,
    level: 2,
    task: 0,
    opcode: 0,
    keywords: KW.system,
    processId: c.pids(t).lsass,
    threadId: tid(c),
    userSid: SYSTEM_SID,
    data: { kind: 'event-data', items: [{ name: 'AlertDesc', value: v.u32(alert) }] },
  };
}

/** Time-Service 35/37 (EventData carries a Name, as in the corpus). */
export function timeSync(c: HostCtx, t: bigint, chosen: boolean, source: string): Draft {
  const src = `${source},0x9 (ntp.d|0.0.0.0:123->${source}:123)`;
  return {
    provider: P.timeService,
    eventId: chosen ? 35 : 37,
    version: 0,
    level: 4,
    task: 0,
    opcode: 0,
    keywords: KW.system,
    processId: c.pids(t).timeSvc,
    threadId: tid(c),
    userSid: 'S-1-5-19',
    data: chosen
      ? {
          kind: 'event-data',
          name: 'TMP_EVENT_TIME_SOURCE_CHOSEN',
          items: [
            { name: 'TimeSource', value: v.str(src) },
            { name: 'TimeSourceRefId', value: v.u32(c.r.int(1e8, 4e9)) },
            { name: 'CurrentStratumNumber', value: v.u32(3) },
          ],
        }
      : {
          kind: 'event-data',
          name: 'TMP_EVENT_TIME_SOURCE_REACHABLE',
          items: [{ name: 'TimeSource', value: v.str(src) }],
        },
  };
}

/** WindowsUpdateClient 44 (download started), 43 (install started), 19 (installed). */
export function windowsUpdate(c: HostCtx, t: bigint, id: 19 | 43 | 44, title: string, guid: string): Draft {
  const opcode = id === 44 ? 12 : 13;
  const keywords = id === 44 ? 0x8000000000002004n : id === 43 ? 0x8000000000002008n : 0x8000000000000018n;
  const items = [
    { name: 'updateTitle', value: v.str(title) },
    { name: 'updateGuid', value: v.guid(guid) },
    { name: 'updateRevisionNumber', value: v.u32(1) },
  ];
  if (id === 19) items.push({ name: 'serviceGuid', value: v.guid('{9482F4B4-E343-43B6-B170-9A65BC822C77}') });
  return {
    provider: P.windowsUpdate,
    eventId: id,
    version: 1,
    level: 4,
    task: 1,
    opcode,
    keywords,
    processId: c.pids(t).wu,
    threadId: tid(c),
    userSid: SYSTEM_SID,
    data: { kind: 'event-data', items },
  };
}
