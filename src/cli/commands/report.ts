/** `bindtrail report --db FILE --format md|html|json [-o FILE] [--tz ZONE] [--all] [--window D]`. */
import type { Command } from 'commander';
import type { ReportModel } from '../../model/index.js';
import type { CommandOutcome, OutcomeSink } from '../command.js';
import { checkOutputFile } from '../output-paths.js';
import {
  allOption,
  dbOption,
  examplesHelp,
  formatOption,
  outputOption,
  parquetOption,
  tzOption,
  windowOption,
} from '../options.js';
import type { TimeZoneChoice } from '../parse-options.js';
import type { ReportFormat } from '../write-report.js';
import { warnOnStderr } from '../warn.js';

export interface ReportCommandOptions {
  db?: string;
  /** Parquet dataset parts to read instead of `db`. */
  parquet?: string[];
  format: ReportFormat;
  /** Report file; undefined or `-`: stdout. */
  output?: string;
  timeZone: TimeZoneChoice;
  /** Every event in the timeline. */
  all: boolean;
  /** ABO-mapper trigger window as DuckDB interval text. */
  window: string;
}

export interface ReportOutcome extends CommandOutcome {
  model: ReportModel;
}

interface ReportFlags {
  db?: string;
  parquet: string[];
  format?: string;
  output?: string;
  tz?: string;
  all?: boolean;
  window: string;
}

/** Builds the report model from the database and writes the report. */
export async function report(options: ReportCommandOptions): Promise<ReportOutcome> {
  if (options.output !== undefined && options.output !== '-') checkOutputFile(options.output, 'the report');
  const { openCaseDatabase } = await import('../open-db.js');
  const { buildReportModel } = await import('../../correlate/build-report.js');
  const { renderReport, writeReport } = await import('../write-report.js');
  const { withMemoryBound } = await import('../../store/memory-bound.js');
  const db = await openCaseDatabase(options);
  let text: string;
  let model: ReportModel;
  try {
    model = await withMemoryBound(
      db.conn,
      () => buildReportModel(db.conn, { window: options.window, all: options.all, timeZone: options.timeZone.name }),
      { onRetry: warnOnStderr },
    );
    text = renderReport(model, options.format, options.timeZone.display);
  } finally {
    db.close();
  }
  writeReport(text, options.output);
  if (options.output !== undefined && options.output !== '-')
    process.stderr.write(`report written to ${options.output}\n`);
  return { exitStatus: 0, model };
}

export function register(program: Command, done: OutcomeSink): void {
  program
    .command('report')
    .description('incident report from a database: summary, findings with evidence and remedies, per-host timeline')
    .addOption(dbOption())
    .addOption(parquetOption())
    .addOption(formatOption('md | html | json (default: from the -o extension, else md)'))
    .addOption(outputOption('write the report here instead of stdout'))
    .addOption(tzOption('IANA zone for local times beside UTC'))
    .addOption(allOption('every event in the timeline, not only those around the findings'))
    .addOption(windowOption())
    .addHelpText(
      'after',
      examplesHelp([
        'report --db case.duckdb -o report.html',
        'report --db case.duckdb --format json --tz Europe/Berlin',
      ]),
    )
    .action(async (flags: ReportFlags) => {
      const { reportFormat } = await import('../write-report.js');
      const { parseDuration, parseTimeZone } = await import('../parse-options.js');
      const format = reportFormat(flags.format, flags.output, 'md');
      const timeZone = parseTimeZone(flags.tz);
      const window = parseDuration(flags.window);
      done(
        await report({
          db: flags.db,
          parquet: flags.parquet,
          format,
          output: flags.output,
          timeZone,
          all: flags.all === true,
          window,
        }),
      );
    });
}
