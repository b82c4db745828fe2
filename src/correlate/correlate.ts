/**
 * The event correlation: runs the correlation queries (queries/ssl/abo-binding-chains.sql,
 * queries/ssl/private-key-failure-bursts.sql) and turns their rows into findings.
 */
import type { Connection } from '../store/db.js';
import type { Row } from '../store/run-query.js';
import type { Finding } from '../model/index.js';
import { aboFindings, chainKind } from './abo-chain.js';
import { deletionJudge } from './binding-deletions.js';
import { keyFailureFindings } from './key-callers.js';
import { configFindings } from './config-findings.js';
import { runBundled, streamBundled } from './bundled-queries.js';
import { asString, asStrings } from './evidence.js';
import { epochMs } from './time.js';

export interface CorrelateOptions {
  /** Trigger → deletion window as DuckDB interval text (`2 minutes`, the default). */
  window?: string;
  /** 36870 burst gap (`30 minutes`, the default). */
  gap?: string;
  /** Only events of this host (exact Computer name). */
  host?: string;
  /** UTC time bounds as DuckDB TIMESTAMP text. */
  since?: string;
  until?: string;
}

/** Event findings (ABO-mapper chains, other binding deletions, private key failures by caller), ordered by start time. */
export async function correlateEvents(conn: Connection, options: CorrelateOptions = {}): Promise<Finding[]> {
  const filters = { host: options.host, since: options.since, until: options.until };
  const allChains = await runBundled(conn, 'abo-binding-chains', { ...filters, window: options.window });
  // streamed, and with the logons only of the rows they can matter to: a row carries every candidate list
  const judged = deletionJudge();
  await streamBundled(conn, 'binding-deletions', { ...filters, window: options.window, all_logons: 'false' }, (rows) =>
    judged.add(rows),
  );
  const deletions = judged.findings();
  // a deletion a command named exactly is that command's, not the ABO mapper's (binding-deletions.ts)
  const chains = allChains.filter(
    (c) => !deletions.claimed.has(`${asString(c.deleted_file)}|${asString(c.deleted_record_id)}`),
  );
  const bursts = await runBundled(conn, 'private-key-failure-bursts', { ...filters, gap: options.gap });
  const keys = await keyFailureFindings(
    conn,
    filters,
    bursts.filter((b) => !explainedByChain(b, chains)),
  );
  const findings = [...aboFindings(chains), ...deletions.findings, ...keys];
  return sortFindings(findings);
}

/** Event findings and the configuration findings (src/correlate/config-findings.ts), ordered. */
export async function findAll(conn: Connection, options: CorrelateOptions = {}): Promise<Finding[]> {
  const events = await correlateEvents(conn, options);
  const config = await configFindings(conn);
  return sortFindings([
    ...events,
    ...(options.host === undefined ? config : config.filter((f) => f.host === null || f.host === options.host)),
  ]);
}

/**
 * A 36870 burst is a symptom of an ABO chain (already in that finding) when it starts after a
 * chain's deletion on the same host and the chain counted failures with its code.
 */
export function explainedByChain(burst: Row, chains: Row[]): boolean {
  const code = asString(burst.error_code);
  const start = epochMs(String(burst.first_ts));
  return chains.some(
    (c) =>
      chainKind(c) !== null &&
      c.host === burst.host &&
      code !== null &&
      asStrings(c.failure_codes).includes(code) &&
      epochMs(String(c.deleted_ts)) <= start,
  );
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      (a.start ?? '\uffff').localeCompare(b.start ?? '\uffff') ||
      (a.host ?? '').localeCompare(b.host ?? '') ||
      a.id.localeCompare(b.id),
  );
}
