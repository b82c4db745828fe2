/**
 * The report model: pure data built by src/correlate/ (and the config checks), rendered by one
 * renderer per format (md, html, json) and by `bindtrail timeline`. JSON output is this object.
 */
import type { DamageEntry } from './damage.js';
import type { Finding } from './finding.js';
import type { Level } from './level.js';
import type { Role } from './role.js';

/**
 * Version of the report's JSON shape. 2: `answer` (the answer block: incidents, outages, commands),
 * `facts` (configuration rows of the case), `timelineCounts` (every event counted per host and
 * hour) and `timelineComplete`; by default the timeline holds the notable events of the
 * findings and the rows around them only, every event with `--all`.
 */
export const REPORT_SCHEMA_VERSION = 2;

export interface FileSummary {
  path: string;
  kind: string;
  sha256: string;
  hosts: string[];
  records: number;
  warnings: number;
  errors: number;
  firstTime: string | null;
  lastTime: string | null;
}

export interface HostSummary {
  host: string;
  events: number;
  firstTime: string | null;
  lastTime: string | null;
  findings: number;
}

/** One row of the timeline: an event that matters, with its role. */
export interface TimelineEntry {
  /** ISO-8601 UTC, 7 fractional digits, `Z`. */
  time: string;
  host: string | null;
  role: Role;
  provider: string | null;
  eventId: number | null;
  recordId: string | null;
  file: string;
  /** One-line description (`IISADMIN entered running`, `15300 binding deleted 0.0.0.0:443`). */
  summary: string;
  /** Findings this row is evidence of. */
  findingIds: string[];
}

/**
 * Notable events counted per host, UTC hour and kind: the timeline's picture of routine events
 * (every notable event is counted; the entries of `timeline` are the ones listed one by one).
 */
export interface NotableCount {
  host: string | null;
  /** `service`, `boot`, `ssl`, `process` or `crypto` (queries/general/notable-events.sql). */
  kind: string;
  provider: string | null;
  eventId: number | null;
  /** ISO-8601 UTC, the hour the events fall in: [bucketStart, bucketEnd). */
  bucketStart: string;
  bucketEnd: string;
  count: number;
}

/** An SSL binding of the case (ssl_bindings: applicationHost.config, netsh, registry). */
export interface CaseBinding {
  host: string | null;
  source: string;
  endpoint: string | null;
  site: string | null;
  bindingInformation: string | null;
  sslFlags: number | null;
  certHash: string | null;
  certStore: string | null;
  appId: string | null;
  file: string | null;
}

/** A certificate of a store listing (certutil -v -store my). */
export interface CaseCertificate {
  host: string | null;
  store: string | null;
  thumbprint: string;
  subject: string | null;
  issuer: string | null;
  notBefore: string | null;
  notAfter: string | null;
  hasPrivateKey: boolean | null;
  keySpec: number | null;
  file: string | null;
}

/** A legacy `<customMetadata>` property of applicationHost.config. */
export interface CaseMetadata {
  host: string | null;
  keyPath: string;
  propertyId: number;
  dataType: string | null;
  userType: string | null;
  attributes: string | null;
  value: string | null;
  /** 5506: thumbprint (uppercase hex); 5511: store name. */
  decoded: string | null;
  file: string | null;
}

/** Configuration rows of the case the answer block fills its commands from. */
export interface CaseFacts {
  bindings: CaseBinding[];
  certificates: CaseCertificate[];
  metadata: CaseMetadata[];
}

/** Every event of the logs counted per host and hour (the timeline's routine background). */
export interface TimelineCount {
  host: string | null;
  /** ISO-8601 UTC start of the hour. */
  hour: string;
  count: number;
}

export interface ReportModel {
  schemaVersion: number;
  tool: { name: 'bindtrail'; version: string };
  /** ISO-8601 UTC when the report was generated (fixed in golden tests). */
  generatedAt: string;
  /** Display zone for renderers that show local time (IANA name), storage and JSON stay UTC. */
  timeZone: string;
  summary: {
    verdict: 'incident' | 'no-incident';
    headline: string;
    findingsByLevel: Record<Level, number>;
    hosts: number;
    events: number;
    files: number;
  };
  files: FileSummary[];
  hosts: HostSummary[];
  findings: Finding[];
  /** Configuration rows the answer block is built from (renderers call buildAnswer on the model). */
  facts: CaseFacts;
  timeline: TimelineEntry[];
  /** Input files read in part or not at all: where the timeline may have gaps. */
  damage: DamageEntry[];
  /** Notable events per host, hour and kind (bounded whatever the log size). */
  notableCounts: NotableCount[];
  /** Every event of the logs counted per host and hour (empty with `--all`, which lists them all). */
  timelineCounts: TimelineCount[];
  /** True when `timeline` holds every event (`--all`). */
  timelineComplete: boolean;
}
