/** `bindtrail timeline --db FILE [--from T] [--to T] [--host H] [--tz ZONE] [--all] [--window D]`. */
import type { Command } from 'commander';
import { findAll } from '../../correlate/correlate.js';
import { buildTimeline } from '../../correlate/timeline.js';
import type { TimelineEntry } from '../../model/index.js';
import { renderTimelineTable } from '../../report/terminal/timeline-table.js';
import type { CommandOutcome, OutcomeSink } from '../command.js';
import { openExistingDatabase } from '../open-db.js';
import { tableFitFor } from '../table-fit.js';
import { allOption, dbOption, hostOption, tzOption, windowOption } from '../options.js';
import { parseDuration, parseOptionalTimeBound, parseTimeZone, type TimeZoneChoice } from '../parse-options.js';

export interface TimelineCommandOptions {
  db?: string;
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
  from?: string;
  to?: string;
  host?: string;
  tz?: string;
  all?: boolean;
  window: string;
}

/** Correlates, builds the timeline and prints it as a table. */
export async function timeline(options: TimelineCommandOptions): Promise<TimelineOutcome> {
  const db = await openExistingDatabase(options.db);
  try {
    const findings = await findAll(db.conn, { window: options.window, host: options.host });
    const entries = await buildTimeline(db.conn, findings, {
      all: options.all,
      host: options.host,
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
    .option('--from <time>', 'start (UTC unless an offset is given), e.g. 2024-03-01T10:00')
    .option('--to <time>', 'end (UTC unless an offset is given)')
    .addOption(hostOption('only this host (the Computer field)'))
    .addOption(tzOption('also show local time in this IANA zone (storage stays UTC)'))
    .addOption(allOption('every event, not only those around the findings'))
    .addOption(windowOption())
    .action(async (flags: TimelineFlags) => {
      const timeZone = parseTimeZone(flags.tz);
      const window = parseDuration(flags.window);
      const since = parseOptionalTimeBound(flags.from, '--from');
      const until = parseOptionalTimeBound(flags.to, '--to');
      done(await timeline({ db: flags.db, since, until, host: flags.host, timeZone, all: flags.all === true, window }));
    });
}
