/** `bindtrail report --db FILE --format md|html|json [-o FILE] [--tz ZONE] [--all] [--window D]`. */
import type { Command } from 'commander';
import { buildReportModel } from '../../correlate/build-report.js';
import { parseDuration } from '../../correlate/time.js';
import { resolveDisplayZone } from '../../report/format-time.js';
import { openExistingDatabase } from '../open-db.js';
import { renderReport, reportFormat, writeReport } from '../write-report.js';

interface Opts {
  db?: string;
  format?: string;
  output?: string;
  tz?: string;
  all?: boolean;
  window?: string;
}

export function register(program: Command): void {
  program
    .command('report')
    .description('incident report from a database: summary, findings with evidence and remedies, per-host timeline')
    .option('--db <file>', 'bindtrail DuckDB database')
    .option('-f, --format <format>', 'md | html | json (default: from the -o extension, else md)')
    .option('-o, --output <file>', 'write the report here instead of stdout')
    .option('--tz <zone>', 'IANA zone for local times beside UTC')
    .option('--all', 'every event in the timeline, not only those around the findings')
    .option('--window <duration>', 'ABO-mapper trigger window', '2m')
    .action(async (opts: Opts) => {
      const format = reportFormat(opts.format, opts.output, 'md');
      resolveDisplayZone(opts.tz);
      const window = parseDuration(opts.window ?? '2m');
      const db = await openExistingDatabase(opts.db);
      let text: string;
      try {
        const model = await buildReportModel(db.conn, { window, all: opts.all, timeZone: opts.tz ?? 'UTC' });
        text = renderReport(model, format, opts.tz);
      } finally {
        db.close();
      }
      writeReport(text, opts.output);
      if (opts.output !== undefined && opts.output !== '-') process.stderr.write(`report written to ${opts.output}\n`);
    });
}
