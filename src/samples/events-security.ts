/**
 * Security-log events (Microsoft-Windows-Security-Auditing), field lists as the corpus records
 * of the same ids and versions (4624 v2 = v3 without RemoteCredentialGuard; 4688 v2; 5061 v0).
 */
import { v, type DataItem } from '../evtx/writer/index.js';
import { KW, P } from './catalogue.js';
import type { Draft, HostCtx } from './events-system.js';

const hex64 = (n: number | bigint) => v.hex64(BigInt(n));
const SYSTEM = { sid: 'S-1-5-18', name: 'SYSTEM', domain: 'NT AUTHORITY', logonId: 0x3e7 };

export interface Account {
  sid: string;
  name: string;
  domain: string;
  logonId: number;
}

/** The host's machine account as Subject of system-initiated audits. */
export function machineAccount(c: HostCtx): Account {
  const short = c.host.name.split('.')[0]!.toUpperCase();
  const domain = c.host.admin.domain;
  return { sid: 'S-1-5-18', name: `${short}$`, domain, logonId: 0x3e7 };
}

function subject(a: Account): DataItem[] {
  return [
    { name: 'SubjectUserSid', value: v.sid(a.sid) },
    { name: 'SubjectUserName', value: v.str(a.name) },
    { name: 'SubjectDomainName', value: v.str(a.domain) },
    { name: 'SubjectLogonId', value: hex64(a.logonId) },
  ];
}

function audit(
  c: HostCtx,
  t: bigint,
  id: number,
  version: number,
  task: number,
  items: DataItem[],
  failure = false,
  pid?: number,
): Draft {
  return {
    provider: P.security,
    eventId: id,
    version,
    level: 0,
    task,
    opcode: 0,
    keywords: failure ? KW.auditFailure : KW.auditSuccess,
    processId: pid ?? c.pids(t).lsass,
    threadId: c.r.int(100, 9000) & ~3,
    data: { kind: 'event-data', items },
  };
}

const VERSION_4624 = { '2008R2': 0, '2012R2': 1, '2016': 2, '2019': 2, '2022': 2, win11: 2 } as const;

/** 4624 An account was successfully logged on. */
export function logon(
  c: HostCtx,
  t: bigint,
  target: Account,
  type: number,
  opts: { ip?: string; port?: number; workstation?: string; pkg?: string } = {},
): Draft {
  const version = VERSION_4624[c.host.os];
  const network = type === 3 || type === 10;
  const items: DataItem[] = [
    ...subject(network ? { sid: 'S-1-0-0', name: '-', domain: '-', logonId: 0 } : machineAccount(c)),
    { name: 'TargetUserSid', value: v.sid(target.sid) },
    { name: 'TargetUserName', value: v.str(target.name) },
    { name: 'TargetDomainName', value: v.str(target.domain) },
    { name: 'TargetLogonId', value: hex64(target.logonId) },
    { name: 'LogonType', value: v.u32(type) },
    {
      name: 'LogonProcessName',
      value: v.str(network ? (opts.pkg === 'Kerberos' ? 'Kerberos' : 'NtLmSsp ') : 'Advapi  '),
    },
    { name: 'AuthenticationPackageName', value: v.str(opts.pkg ?? 'Negotiate') },
    { name: 'WorkstationName', value: v.str(opts.workstation ?? '-') },
    { name: 'LogonGuid', value: v.guid('{00000000-0000-0000-0000-000000000000}') },
    { name: 'TransmittedServices', value: v.str('-') },
    { name: 'LmPackageName', value: v.str(opts.pkg === 'NTLM' ? 'NTLM V2' : '-') },
    { name: 'KeyLength', value: v.u32(opts.pkg === 'NTLM' ? 128 : 0) },
    { name: 'ProcessId', value: hex64(network ? 0 : c.pids(t).services) },
    { name: 'ProcessName', value: v.str(network ? '-' : 'C:\\Windows\\System32\\services.exe') },
    { name: 'IpAddress', value: v.str(opts.ip ?? '-') },
    { name: 'IpPort', value: v.str(opts.port ? String(opts.port) : '-') },
  ];
  if (version >= 1) items.push({ name: 'ImpersonationLevel', value: v.str('%%1833') });
  if (version >= 2) {
    items.push(
      { name: 'RestrictedAdminMode', value: v.str('-') },
      { name: 'TargetOutboundUserName', value: v.str('-') },
      { name: 'TargetOutboundDomainName', value: v.str('-') },
      { name: 'VirtualAccount', value: v.str('%%1843') },
      { name: 'TargetLinkedLogonId', value: hex64(0) },
      { name: 'ElevatedToken', value: v.str(type === 5 ? '%%1842' : '%%1843') },
    );
  }
  return audit(c, t, 4624, version, 12544, items);
}

/** 4634 An account was logged off. */
export function logoff(c: HostCtx, t: bigint, target: Account, type: number): Draft {
  return audit(c, t, 4634, 0, 12545, [
    { name: 'TargetUserSid', value: v.sid(target.sid) },
    { name: 'TargetUserName', value: v.str(target.name) },
    { name: 'TargetDomainName', value: v.str(target.domain) },
    { name: 'TargetLogonId', value: hex64(target.logonId) },
    { name: 'LogonType', value: v.u32(type) },
  ]);
}

/** 4672 Special privileges assigned to new logon. */
export function specialPrivileges(c: HostCtx, t: bigint, a: Account): Draft {
  const privs = [
    'SeAssignPrimaryTokenPrivilege',
    'SeTcbPrivilege',
    'SeSecurityPrivilege',
    'SeTakeOwnershipPrivilege',
    'SeLoadDriverPrivilege',
    'SeBackupPrivilege',
    'SeRestorePrivilege',
    'SeDebugPrivilege',
    'SeAuditPrivilege',
    'SeSystemEnvironmentPrivilege',
    'SeImpersonatePrivilege',
  ];
  return audit(c, t, 4672, 0, 12548, [
    ...subject(a),
    { name: 'PrivilegeList', value: v.str(privs.join('\r\n\t\t\t')) },
  ]);
}

/** 4688 A new process has been created (v2: with CommandLine, parent and mandatory label). */
export function processCreated(
  c: HostCtx,
  t: bigint,
  who: Account,
  image: string,
  commandLine: string,
  parent: string,
  pid: number,
  ppid: number,
): Draft {
  const elevated = who.sid !== SYSTEM.sid;
  return audit(
    c,
    t,
    4688,
    2,
    13312,
    [
      ...subject(who),
      { name: 'NewProcessId', value: hex64(pid) },
      { name: 'NewProcessName', value: v.str(image) },
      { name: 'TokenElevationType', value: v.str(elevated ? '%%1937' : '%%1936') },
      { name: 'ProcessId', value: hex64(ppid) },
      { name: 'CommandLine', value: v.str(commandLine) },
      { name: 'TargetUserSid', value: v.sid('S-1-0-0') },
      { name: 'TargetUserName', value: v.str('-') },
      { name: 'TargetDomainName', value: v.str('-') },
      { name: 'TargetLogonId', value: hex64(0) },
      { name: 'ParentProcessName', value: v.str(parent) },
      { name: 'MandatoryLabel', value: v.sid(elevated ? 'S-1-16-12288' : 'S-1-16-16384') },
    ],
    false,
    4,
  );
}

/** 5061 Cryptographic operation (Audit Failure when ReturnCode is an error). */
export function cryptoOperation(c: HostCtx, t: bigint, provider: string, keyName: string, returnCode: number): Draft {
  return audit(
    c,
    t,
    5061,
    0,
    12290,
    [
      ...subject(machineAccount(c)),
      { name: 'ProviderName', value: v.str(provider) },
      { name: 'AlgorithmName', value: v.str('RSA') },
      { name: 'KeyName', value: v.str(keyName) },
      { name: 'KeyType', value: v.str('%%2499') },
      { name: 'Operation', value: v.str('%%2480') },
      { name: 'ReturnCode', value: v.hex32(returnCode) },
    ],
    returnCode !== 0,
  );
}

/** 4616 The system time was changed. */
export function timeChanged(c: HostCtx, t: bigint, previous: bigint): Draft {
  return audit(
    c,
    t,
    4616,
    1,
    12288,
    [
      ...subject(machineAccount(c)),
      { name: 'PreviousTime', value: v.filetime(previous) },
      { name: 'NewTime', value: v.filetime(t) },
      { name: 'ProcessId', value: hex64(c.pids(t).timeSvc) },
      { name: 'ProcessName', value: v.str('C:\\Windows\\System32\\svchost.exe') },
    ],
    false,
    4,
  );
}

/** Eventlog 1100: the event logging service has shut down (UserData). */
export function loggingShutdown(c: HostCtx, t: bigint): Draft {
  return {
    provider: P.eventlogManifest,
    eventId: 1100,
    version: 0,
    level: 4,
    task: 103,
    opcode: 0,
    keywords: KW.eventlog,
    processId: c.pids(t).eventlog,
    threadId: c.r.int(100, 9000) & ~3,
    data: {
      kind: 'user-data',
      root: 'ServiceShutdown',
      xmlns: 'http://manifests.microsoft.com/win/2004/08/windows/eventlog',
      fields: [],
    },
  };
}

export const SYSTEM_ACCOUNT: Account = SYSTEM;
