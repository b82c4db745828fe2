/** `bindtrail timeline --db FILE [--from T] [--to T] [--host H] [--tz ZONE] [--all] [--window D]`. */
import type { Command } from 'commander';
import { findAll } from '../../correlate/correlate.js';
import { parseDuration, parseTimeBound } from '../../correlate/time.js';
import { buildTimeline } from '../../correlate/timeline.js';
import { resolveDisplayZone } from '../../report/format-time.js';
import { renderTimelineTable } from '../../report/render-timeline-table.js';
import { openExistingDatabase } from '../open-db.js';

interface Opts {
  db?: string;
  from?: string;
  to?: string;
  host?: string;
  tz?: string;
  all?: boolean;
  window?: string;
}

export function register(program: Command): void {
  program
    .command('timeline')
    .description('the events that matter (findings\' evidence and the context around them) as a table')
    .option('--db <file>', 'bindtrail DuckDB database')
    .option('--from <time>', 'start (UTC unless an offset is given), e.g. 2024-03-01T10:00')
    .option('--to <time>', 'end (UTC unless an offset is given)')
    .option('--host <name>', 'only this host (the Computer field)')
    .option('--tz <zone>', 'also show local time in this IANA zone (storage stays UTC)')
    .option('--all', 'every event, not only those around the findings')
    .option('--window <duration>', 'ABO-mapper trigger window', '2m')
    .action(async (opts: Opts) => {
      resolveDisplayZone(opts.tz);
      const window = parseDuration(opts.window ?? '2m');
      const since = opts.from === undefined ? undefined : parseTimeBound(opts.from, '--from');
      const until = opts.to === undefined ? undefined : parseTimeBound(opts.to, '--to');
      const db = await openExistingDatabase(opts.db);
      try {
        const findings = await findAll(db.conn, { window, host: opts.host });
        const entries = await buildTimeline(db.conn, findings, { all: opts.all, host: opts.host, since, until });
        process.stdout.write(renderTimelineTable(entries, { timeZone: opts.tz }));
      } finally {
        db.close();
      }
    });
}
