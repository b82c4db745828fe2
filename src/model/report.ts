/**
 * The report model: pure data built by src/correlate/ (and the config checks), rendered by one
 * renderer per format (md, html, json) and by `bindtrail timeline`. JSON output is this object.
 */
import type { DamageEntry } from './damage.js';
import type { Finding } from './finding.js';
import type { Level } from './level.js';
import type { Role } from './role.js';

export const REPORT_SCHEMA_VERSION = 1;

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
export interface TimelineCount {
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
  timeline: TimelineEntry[];
  /** Input files read in part or not at all: where the timeline may have gaps. */
  damage: DamageEntry[];
  /** Notable events per host, hour and kind (bounded whatever the log size). */
  timelineCounts: TimelineCount[];
}
