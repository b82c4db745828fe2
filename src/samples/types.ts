/**
 * Scenario definitions as data: hosts, a timeline of what happened (wall-clock times in the
 * host's zone), the certificates and configuration the responder exports, and the findings the
 * analysis must produce. src/samples/generate.ts turns them into samples/<name>/.
 */
import type { FindingKind } from '../model/index.js';

/** Windows release: decides event shapes (HttpService 119, Schannel caller fields, 15302, netsh fields). */
export type OsRelease = '2008R2' | '2012R2' | '2016' | '2019' | '2022' | 'win11';

/** Finding kinds of issue 10 (coord KINDS.md) that src/correlate/finding.ts does not define yet. */
export type NewKind =
  | 'binding-deleted-by-tool'
  | 'binding-deleted-unexplained'
  | 'service-key-failure'
  | 'config-stale-ip-binding'
  | 'config-iplisten-restricted'
  | 'config-tls-protocols-disabled'
  | 'binding-renewed';

/** Logs a host may export (Windows channel names). */
export type LogName = 'System' | 'Security' | 'Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational';

export interface Certificate {
  /** 40 hex digits. */
  thumbprint: string;
  subject: string;
  issuer: string;
  serial: string;
  /** Wall-clock `YYYY-MM-DD HH:mm` in the host zone. */
  notBefore: string;
  notAfter: string;
  friendlyName?: string;
  /** Private key state in the LocalMachine store. */
  key: 'present' | 'missing' | 'none';
  keySpec?: 1 | 2;
  exportable?: boolean;
  provider?: string;
  container?: string;
  selfSigned?: boolean;
}

export interface CustomMetadataProperty {
  id: number;
  dataType: 'Binary' | 'String' | 'DWord' | 'MultiSZ';
  userType: number;
  attributes: string;
  value: string;
}

export interface HttpsBinding {
  /** `IP:port` or `hostname:port` as http.sys stores it. */
  endpoint: string;
  thumbprint: string;
  store?: string;
  /** All-zero AppId (broken binding, seed 002). */
  nullAppId?: boolean;
}

export interface SiteDef {
  id: number;
  name: string;
  path: string;
  /** `protocol bindingInformation [sslFlags]`, e.g. `https *:443:` */
  bindings: { protocol: 'http' | 'https'; info: string; sslFlags?: number }[];
}

/** What the responder exported beside the logs (absent parts are not written). */
export interface Artefacts {
  sites: SiteDef[];
  customMetadata: { path: string; properties: CustomMetadataProperty[] }[];
  /** http.sys bindings at export time (netsh + registry). */
  bindings: HttpsBinding[];
  certificates: Certificate[];
  files: (
    | 'applicationHost.config'
    | 'netsh-http-show-sslcert.txt'
    | 'SslBindingInfo.reg'
    | 'SslSniBindingInfo.reg'
    | 'certutil-store-my.txt'
  )[];
  /** Language of `netsh http show sslcert` (default English). */
  netshLanguage?: 'de-DE';
  /** certutil was run from another (English) machine against the host's store (`certutil -v -store \\HOST\my`). */
  certutilRemote?: boolean;
}

export interface HostDef {
  /** FQDN as Windows writes `<Computer>`. */
  name: string;
  os: OsRelease;
  /** IANA zone of the host's clock, for local times in the README. */
  timeZone: string;
  /** Host clock error in seconds (events carry the skewed time). */
  skewSeconds?: number;
  /** Services started at boot in this order (key names from the service catalogue). */
  bootServices: string[];
  /** First EventRecordID of each log. */
  firstRecordId: { System: number; Security?: number; RemoteConnectionManager?: number };
  /** Write Security.evtx for this host. */
  security: boolean;
  /** Security auditing of process creation (4688); default on. Off: no 4688 at all, not even in the noise. */
  processAuditing?: boolean;
  /** UI language of the host: localized 7036/7040 insertion strings and RenderingInfo (default English). */
  locale?: 'de-DE';
  /** Logs the responder exported as Event Viewer XML ("Save All Events As… XML") instead of .evtx. */
  xmlExport?: LogName[];
  admin: { user: string; domain: string; sid: string };
  timeline: TimelineEntry[];
  artefacts?: Artefacts;
  /** Seed of the background noise. */
  noiseSeed: string;
  /** Approximate number of noise events per log. */
  noise: { System: number; Security: number };
}

/** One thing that happened; `at` is wall-clock `YYYY-MM-DD HH:mm:ss[.fff]` in the host zone. */
export type TimelineEntry = { at: string; tag?: string } & (
  | { kind: 'service'; service: string; state: 'running' | 'stopped' }
  | { kind: 'service-restart'; service: string; downSeconds: number }
  | { kind: 'start-type'; service: string; from: string; to: string }
  | { kind: 'reboot'; downSeconds: number; reason: string }
  | { kind: 'binding-deleted'; endpoint: string }
  | { kind: 'binding-created'; endpoint: string }
  | { kind: 'ssl-config-error'; endpoint: string; status: number }
  | {
      kind: 'key-failures';
      code: number;
      until: string;
      meanSeconds: number;
      with5061?: { keyName: string; provider: string };
    }
  | { kind: 'tls-alerts'; alert: number; until: string; meanSeconds: number }
  | { kind: 'binding-updated'; endpoint: string }
  | { kind: 'process'; image: string; commandLine: string; parent: string; as?: 'system' }
  | { kind: 'admin-logon'; logonType?: 2 | 10 }
  | { kind: 'rdp-connections'; until: string; meanSeconds: number; keyFailure?: number }
  | {
      kind: 'http-listener';
      process: string;
      pid: number;
      user: 'system' | 'local-service' | 'admin';
      urls: string[];
      sslEndpoint?: string;
    }
);

/** A finding the analysis must produce; `firstTrigger` names a timeline tag (or null). */
export interface ExpectedFindingDef {
  kind: FindingKind | NewKind;
  host: string;
  endpoints: string[];
  errorCode: string | null;
  firstTrigger: string | null;
}

export interface Scenario {
  name: string;
  title: string;
  /** What happened, for the README (Markdown paragraphs). */
  story: string;
  /** What the analysis must conclude (Markdown). */
  conclusion: string;
  hosts: HostDef[];
  /** Hosts in their own sub-folder (two-hosts) or at the scenario root. */
  perHostFolders: boolean;
  expected: ExpectedFindingDef[];
}
