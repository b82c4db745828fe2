/** `bindtrail timeline --db FILE [--from T] [--to T] [--host H] [--tz ZONE] [--all] [--window D]`. */
import type { Command } from 'commander';
import type { TimelineEntry } from '../../model/index.js';
import type { CommandOutcome, OutcomeSink } from '../command.js';
import { allOption, dbOption, examplesHelp, hostOption, parquetOption, tzOption, windowOption } from '../options.js';
import type { TimeZoneChoice } from '../parse-options.js';
import { tableFitFor } from '../table-fit.js';

export interface TimelineCommandOptions {
  db?: string;
  /** Parquet dataset parts to read instead of `db`. */
  parquet?: string[];
  /** Bounds as DuckDB TIMESTAMP text in UTC. */
  since?: string;
  until?: string;
  /** Only this host (the Computer field). */
  host?: string;
  timeZone: TimeZoneChoice;
  /** Every event, not only those around the findings. */
  all: boolean;
  /** ABO-mapper trigger window as DuckDB interval text. */
  window: string;
}

export interface TimelineOutcome extends CommandOutcome {
  entries: TimelineEntry[];
}

interface TimelineFlags {
  db?: string;
  parquet: string[];
  from?: string;
  to?: string;
  host?: string;
  tz?: string;
  all?: boolean;
  window: string;
}

/** Correlates, builds the timeline and prints it as a table. */
export async function timeline(options: TimelineCommandOptions): Promise<TimelineOutcome> {
  const { openCaseDatabase } = await import('../open-db.js');
  const { findAll } = await import('../../correlate/correlate.js');
  const { buildTimeline } = await import('../../correlate/timeline.js');
  const { renderTimelineTable } = await import('../../report/terminal/timeline-table.js');
  const { resolveHost } = await import('../resolve-host.js');
  const db = await openCaseDatabase(options);
  try {
    const host = options.host === undefined ? undefined : await resolveHost(db.conn, options.host);
    const findings = await findAll(db.conn, { window: options.window, host });
    const entries = await buildTimeline(db.conn, findings, {
      all: options.all,
      host,
      since: options.since,
      until: options.until,
    });
    process.stdout.write(
      renderTimelineTable(entries, { zone: options.timeZone.display, fit: tableFitFor(process.stdout) }),
    );
    return { exitStatus: 0, entries };
  } finally {
    db.close();
  }
}

export function register(program: Command, done: OutcomeSink): void {
  program
    .command('timeline')
    .description("the events that matter (findings' evidence and the context around them) as a table")
    .addOption(dbOption())
    .addOption(parquetOption())
    .option('--from <time>', 'start (UTC unless an offset is given), e.g. 2024-03-01T10:00')
    .option('--to <time>', 'end (UTC unless an offset is given)')
    .addOption(hostOption('only this host: short name or FQDN, any case (WEB01 = web01.contoso.local)'))
    .addOption(tzOption('also show local time in this IANA zone (storage stays UTC)'))
    .addOption(allOption('every event, not only those around the findings'))
    .addOption(windowOption())
    .addHelpText(
      'after',
      examplesHelp([
        'timeline --db case.duckdb',
        'timeline --db case.duckdb --host WEB01 --from 2024-03-01T10:00 --to 2024-03-01T12:00',
        'timeline --db case.duckdb --all --tz Europe/Berlin',
      ]),
    )
    .action(async (flags: TimelineFlags) => {
      const { parseDuration, parseOptionalTimeBound, parseTimeZone } = await import('../parse-options.js');
      const timeZone = parseTimeZone(flags.tz);
      const window = parseDuration(flags.window);
      const since = parseOptionalTimeBound(flags.from, '--from');
      const until = parseOptionalTimeBound(flags.to, '--to');
      done(
        await timeline({
          db: flags.db,
          parquet: flags.parquet,
          since,
          until,
          host: flags.host,
          timeZone,
          all: flags.all === true,
          window,
        }),
      );
    });
}
