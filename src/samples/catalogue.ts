/**
 * Providers and services as Windows names them (checked against the corpus where it has them:
 * Service Control Manager, EventLog, HttpEvent 15007, Kernel-General, Time-Service,
 * WindowsUpdateClient, Security-Auditing; HttpService/Schannel GUIDs from DOMAIN.md).
 */
import type { ProviderSpec } from '../evtx/writer/index.js';

export const P = {
  scm: {
    name: 'Service Control Manager',
    guid: '{555908d1-a6d7-4695-8e1e-26931d2012f4}',
    eventSourceName: 'Service Control Manager',
  },
  eventLog: { name: 'EventLog' },
  httpEvent: {
    name: 'Microsoft-Windows-HttpEvent',
    guid: '{7b6bc78c-898b-4170-bbf8-1a469ea43fc5}',
    eventSourceName: 'HTTP',
  },
  httpService: { name: 'Microsoft-Windows-HttpService', guid: '{DD5EF90A-6398-47A4-AD34-4DCECDEF795F}' },
  schannel: { name: 'Schannel', guid: '{1F678132-5938-4686-9FDC-C8FF68F15C85}' },
  kernelGeneral: { name: 'Microsoft-Windows-Kernel-General', guid: '{A68CA8B7-004F-D7B6-A698-07E2DE0F1F5D}' },
  user32: { name: 'User32', guid: '{b0aa8734-56f7-41cc-b2f4-de228e98b946}', eventSourceName: 'User32' },
  timeService: { name: 'Microsoft-Windows-Time-Service', guid: '{06EDCFEB-0FD0-4E53-ACCA-A6F8BBF81BCB}' },
  windowsUpdate: { name: 'Microsoft-Windows-WindowsUpdateClient', guid: '{945A8954-C147-4ACD-923F-40C45405A658}' },
  security: { name: 'Microsoft-Windows-Security-Auditing', guid: '{54849625-5478-4994-A5BA-3E3B0328C30D}' },
  eventlogManifest: { name: 'Microsoft-Windows-Eventlog', guid: '{fc65ddd8-d6ef-4962-83d5-6e5cfe9ce148}' },
  /** GUID, Keywords 0x1000000000000000, UserID S-1-5-20 as public exports of 258/261 show them. */
  rcm: {
    name: 'Microsoft-Windows-TerminalServices-RemoteConnectionManager',
    guid: '{C76BAA63-AE81-421C-B425-340B4B24157F}',
  },
} as const satisfies Record<string, ProviderSpec>;

/** Keywords as Windows writes them (`Classic` = 0x0080…; SCM adds 0x8000…). */
export const KW = {
  classic: 0x0080000000000000n,
  scm: 0x8080000000000000n,
  kernelBoot: 0x8000000000000080n,
  system: 0x8000000000000000n,
  auditSuccess: 0x8020000000000000n,
  auditFailure: 0x8010000000000000n,
  httpService: 0x4000000000000001n,
  eventlog: 0x4020000000000000n,
  /** HttpService URL-group events ("Flagged on all HTTP events triggered on a URL group"; seen on 114 RemUrl). */
  httpUrlGroup: 0x4000000000000040n,
  rcm: 0x1000000000000000n,
} as const;

/** Service key name → display name (English, as param1 of 7036 shows it). */
export const SERVICES: Record<string, string> = {
  IISADMIN: 'IIS Admin Service',
  W3SVC: 'World Wide Web Publishing Service',
  WAS: 'Windows Process Activation Service',
  WMSVC: 'Web Management Service',
  SMTPSVC: 'Simple Mail Transfer Protocol (SMTP)',
  MSFTPSVC: 'FTP Publishing Service',
  SMS_EXECUTIVE: 'SMS_EXECUTIVE',
  SMS_SITE_COMPONENT_MANAGER: 'SMS_SITE_COMPONENT_MANAGER',
  CcmExec: 'SMS Agent Host',
  BITS: 'Background Intelligent Transfer Service',
  wuauserv: 'Windows Update',
  TrustedInstaller: 'Windows Modules Installer',
  WinHttpAutoProxySvc: 'WinHTTP Web Proxy Auto-Discovery Service',
  sppsvc: 'Software Protection',
  msiserver: 'Windows Installer',
  WerSvc: 'Windows Error Reporting Service',
  W32Time: 'Windows Time',
  RemoteRegistry: 'Remote Registry',
  gpsvc: 'Group Policy Client',
  Netlogon: 'Netlogon',
  Dnscache: 'DNS Client',
  WinRM: 'Windows Remote Management (WS-Management)',
  TermService: 'Remote Desktop Services',
  UsoSvc: 'Update Orchestrator Service',
  WinDefend: 'Windows Defender Antivirus Service',
  AppReadiness: 'App Readiness',
  WdiSystemHost: 'Diagnostic System Host',
  MSDTC: 'Distributed Transaction Coordinator',
  vds: 'Virtual Disk',
  MSSQL$SQLEXPRESS: 'SQL Server (SQLEXPRESS)',
};

/** Services of the newer scenarios (kept apart: `synth` draws from SERVICES). */
const MORE_SERVICES: Record<string, string> = {
  SQLServerReportingServices: 'SQL Server Reporting Services',
  MSSQLSERVER: 'SQL Server (MSSQLSERVER)',
  FDResPub: 'Function Discovery Resource Publication',
  wacs: 'win-acme renewal',
};

/** English display name of a service key (7036 param1). */
export const displayName = (key: string): string => SERVICES[key] ?? MORE_SERVICES[key] ?? key;

/** Services that start and stop on their own during the day (noise). */
export const TRANSIENT_SERVICES = [
  'TrustedInstaller',
  'WinHttpAutoProxySvc',
  'sppsvc',
  'msiserver',
  'WerSvc',
  'BITS',
  'wuauserv',
  'AppReadiness',
  'WdiSystemHost',
  'vds',
] as const;

/** SERVICE_STATUS states (7036 Binary `Key/state`). */
export const STATE_CODE = { stopped: 1, 'start pending': 2, 'stop pending': 3, running: 4 } as const;

/** OS version facts for EventLog 6009 and Kernel-General 12. */
export const OS_INFO = {
  '2008R2': { version: '6.01.', build: 7601, sp: 'Service Pack 1', major: 6, minor: 1, qfe: 24545 },
  '2012R2': { version: '6.03.', build: 9600, sp: '', major: 6, minor: 3, qfe: 20046 },
  '2016': { version: '10.00.', build: 14393, sp: '', major: 10, minor: 0, qfe: 6452 },
  '2019': { version: '10.00.', build: 17763, sp: '', major: 10, minor: 0, qfe: 5458 },
  '2022': { version: '10.00.', build: 20348, sp: '', major: 10, minor: 0, qfe: 3091 },
  win11: { version: '10.00.', build: 22631, sp: '', major: 10, minor: 0, qfe: 4890 },
} as const;

/** NT 10 releases (Windows 10 / Server 2016 and later). */
export const isNt10 = (os: keyof typeof OS_INFO): boolean => OS_INFO[os].major === 10;

/** Releases that also log a deletion as HttpService 119 (Windows 10 / Server 2016 and later). */
export const logsHttpService = isNt10;

/** Releases with 15302 "updated by an admin process" and Schannel caller fields (Windows 10 2004 / Server 2022+). */
export const logsCaller = (os: keyof typeof OS_INFO): boolean => os === '2022' || os === 'win11';

/** Display name of a release for the README. */
export const OS_NAME: Record<keyof typeof OS_INFO, string> = {
  '2008R2': 'Windows Server 2008 R2',
  '2012R2': 'Windows Server 2012 R2',
  '2016': 'Windows Server 2016',
  '2019': 'Windows Server 2019',
  '2022': 'Windows Server 2022',
  win11: 'Windows 11 23H2',
};

/** IIS's http.sys application id (netsh "Application ID"). */
export const IIS_APP_ID = '{4dc3e181-e14b-4a21-b022-59fc669b0914}';
