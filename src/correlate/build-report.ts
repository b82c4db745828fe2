/**
 * Assembles the report model (src/model/report.ts) from a database: files, hosts, the event
 * findings, the configuration findings, the configuration rows the answer block needs (case-facts.ts)
 * and the timeline with its aggregated counts. Pure data; the renderers format it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Connection } from '../store/db.js';
import { packageRoot } from '../paths.js';
import {
  LEVELS,
  REPORT_SCHEMA_VERSION,
  type FileSummary,
  type Finding,
  type HostSummary,
  type Level,
  type ReportModel,
} from '../model/index.js';
import { runBundled } from './bundled-queries.js';
import { findAll, sortFindings, type CorrelateOptions } from './correlate.js';
import { damageEntries } from './damage.js';
import { asString, asStrings } from './evidence.js';
import { caseFacts } from './case-facts.js';
import { buildTimeline, notableCounts, timelineCounts } from './timeline.js';
import { boundTimeline } from './timeline-bound.js';
import { isoUtc } from './time.js';

export interface ReportOptions extends CorrelateOptions {
  /** Every event in the timeline, not only those around the findings. */
  all?: boolean;
  /** IANA zone the renderers show local times in (default UTC). */
  timeZone?: string;
  /** Fixed generation time (golden tests); default now. */
  generatedAt?: string;
  /** Findings from further sources to merge beside the event and configuration findings. */
  extraFindings?: (conn: Connection) => Promise<Finding[]>;
}

/** The report model of everything in the database (or the host/time slice the options name). */
export async function buildReportModel(conn: Connection, options: ReportOptions = {}): Promise<ReportModel> {
  const eventFindings = await findAll(conn, options);
  const extra = options.extraFindings ? await options.extraFindings(conn) : [];
  const findings = sortFindings([...eventFindings, ...extra]);
  const files = (await runBundled(conn, 'ingested-files')).map(fileSummary);
  const hosts = hostSummaries(await runBundled(conn, 'host-summary'), findings);
  const rows = await buildTimeline(conn, findings, {
    all: options.all,
    host: options.host,
    since: options.since,
    until: options.until,
  });
  const timeline = options.all ? rows : boundTimeline(rows);
  const counts = options.all
    ? []
    : await timelineCounts(conn, { host: options.host, since: options.since, until: options.until });
  const facts = await caseFacts(conn);
  const findingsByLevel = Object.fromEntries(
    LEVELS.map((l) => [l, findings.filter((f) => f.level === l).length]),
  ) as Record<Level, number>;
  const events = hosts.reduce((n, h) => n + h.events, 0);
  const incident = findings.some((f) => f.level === 'critical' || f.level === 'high' || f.level === 'medium');
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'bindtrail', version: toolVersion() },
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    timeZone: options.timeZone ?? 'UTC',
    summary: {
      verdict: incident ? 'incident' : 'no-incident',
      headline: headline(findings, hosts.length, events, incident),
      findingsByLevel,
      hosts: hosts.length,
      events,
      files: files.length,
    },
    files,
    hosts,
    findings,
    facts,
    timeline,
    damage: damageEntries(await runBundled(conn, 'damaged-files')),
    notableCounts: await notableCounts(conn, { host: options.host, since: options.since, until: options.until }),
    timelineCounts: counts,
    timelineComplete: options.all === true,
  };
}

function headline(findings: Finding[], hosts: number, events: number, incident: boolean): string {
  if (!incident) {
    const notes = findings.length ? ` (${findings.length} low-level note(s))` : '';
    return `No incident found in ${events} event(s) from ${hosts} host(s)${notes}.`;
  }
  const rank = (f: Finding): number => LEVELS.indexOf(f.level);
  const top = [...findings].sort((a, b) => rank(a) - rank(b))[0]!;
  const more = findings.length - 1;
  return `${top.title}${top.host ? ` on ${top.host}` : ''}${more > 0 ? `; ${more} more finding(s)` : ''}.`;
}

function fileSummary(r: Record<string, unknown>): FileSummary {
  return {
    path: asString(r.path) ?? '',
    kind: asString(r.kind) ?? '',
    sha256: asString(r.sha256) ?? '',
    hosts: asStrings(r.hosts),
    records: Number(r.records ?? 0),
    warnings: Number(r.warnings ?? 0),
    errors: Number(r.errors ?? 0),
    firstTime: isoUtc(r.first_ts),
    lastTime: isoUtc(r.last_ts),
  };
}

function hostSummaries(rows: Record<string, unknown>[], findings: Finding[]): HostSummary[] {
  const out: HostSummary[] = rows.map((r) => ({
    host: asString(r.host) ?? '',
    events: Number(r.events ?? 0),
    firstTime: isoUtc(r.first_ts),
    lastTime: isoUtc(r.last_ts),
    findings: 0,
  }));
  for (const f of findings) {
    if (f.host === null) continue;
    let h = out.find((x) => x.host === f.host);
    if (!h) {
      h = { host: f.host, events: 0, firstTime: null, lastTime: null, findings: 0 };
      out.push(h);
    }
    h.findings += 1;
  }
  return out.sort((a, b) => a.host.localeCompare(b.host));
}

let version: string | undefined;
function toolVersion(): string {
  if (version === undefined) {
    try {
      version = String(
        (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version?: string }).version ??
          '0.0.0',
      );
    } catch {
      version = '0.0.0';
    }
  }
  return version;
}
