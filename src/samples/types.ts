/**
 * Scenario definitions as data: hosts, a timeline of what happened (wall-clock times in the
 * host's zone), the certificates and configuration the responder exports, and the findings the
 * analysis must produce. src/samples/generate.ts turns them into samples/<name>/.
 */
import type { FindingKind } from '../model/index.js';

/** Windows Server release: decides event shapes (HttpService 119, Schannel caller fields, netsh fields). */
export type OsRelease = '2008R2' | '2012R2' | '2016' | '2019';

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
  files: ('applicationHost.config' | 'netsh-http-show-sslcert.txt' | 'SslBindingInfo.reg' | 'certutil-store-my.txt')[];
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
  firstRecordId: { System: number; Security?: number };
  /** Write Security.evtx for this host. */
  security: boolean;
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
  | { kind: 'key-failures'; code: number; until: string; meanSeconds: number; with5061?: { keyName: string; provider: string } }
  | { kind: 'tls-alerts'; alert: number; until: string; meanSeconds: number }
  | { kind: 'process'; image: string; commandLine: string; parent: string }
  | { kind: 'admin-logon' }
);

/** A finding the analysis must produce; `firstTrigger` names a timeline tag (or null). */
export interface ExpectedFindingDef {
  kind: FindingKind;
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
