/**
 * `bindtrail analyze PATH… [--db FILE] [-o report.html|md|json] [--format F] [--window 2m] [--tz ZONE] [--all]`:
 * ingest (into a temporary database unless --db), correlate, print the findings summary, write
 * the report.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { InputError, UsageError } from '../../errors.js';
import type { IngestSummary } from '../../ingest/index.js';
import type { ReportModel } from '../../model/index.js';
import type { CommandOutcome, OutcomeSink } from '../command.js';
import { fileDamageLine, fileFailureLine, skippedLine } from '../file-failure.js';
import { checkOutputFile } from '../output-paths.js';
import { tableFitFor } from '../table-fit.js';
import {
  allOption,
  carveOption,
  dbOption,
  examplesHelp,
  formatOption,
  hostOption,
  outputOption,
  parquetOption,
  strictOption,
  tzOption,
  windowOption,
} from '../options.js';
import type { TimeZoneChoice } from '../parse-options.js';
import type { ReportFormat } from '../write-report.js';
import { warnOnStderr } from '../warn.js';

export interface AnalyzeOptions {
  /** Files, folders (recursive) or globs. */
  paths: string[];
  /** Database file to keep; undefined: a temporary one, removed afterwards. */
  db?: string;
  /** Report file; undefined or `-`: stdout (the summary then goes to stderr). */
  output?: string;
  format: ReportFormat;
  /** ABO-mapper trigger window as DuckDB interval text (`2 minutes`). */
  window: string;
  timeZone: TimeZoneChoice;
  /** Every event in the report timeline. */
  all: boolean;
  /** Host of configuration artefacts that name none. */
  host: string | null;
  strict: boolean;
  carve: boolean;
  /** Parquet dataset parts to correlate in place instead of ingesting `paths`. */
  parquet?: string[];
}

export interface AnalyzeOutcome extends CommandOutcome {
  ingest: IngestSummary;
  /** The report model; null when nothing could be ingested. */
  model: ReportModel | null;
}

interface AnalyzeFlags {
  db?: string;
  output?: string;
  format?: string;
  window: string;
  tz?: string;
  all?: boolean;
  host?: string;
  strict?: boolean;
  carve?: boolean;
  parquet: string[];
}

/** Ingests `paths`, correlates, prints the findings summary and writes the report. */
export async function analyze(options: AnalyzeOptions): Promise<AnalyzeOutcome> {
  if (options.parquet !== undefined && options.parquet.length > 0) {
    const { analyzeDataset } = await import('../analyze-dataset.js');
    return analyzeDataset(options);
  }
  if (options.paths.length === 0) throw new UsageError('name at least one file, directory or pattern to analyze');
  // Output locations are checked before a long ingest, not after it.
  if (options.output !== undefined && options.output !== '-') checkOutputFile(options.output, 'the report');
  if (options.db !== undefined) checkOutputFile(options.db, 'the database');
  // With the report on stdout, everything else goes to stderr.
  const info = options.output === undefined || options.output === '-' ? process.stderr : process.stdout;
  let failed = 0;
  // Files read only in part: one line each, and exit status 1 (the report is still written).
  let damaged = 0;
  // Loaded here, not at start-up: `--help` and the other commands never need DuckDB or the renderers.
  const [{ openDatabase }, { ingestPaths }, { TtyProgress }, { buildReportModel }, { findingsSummary }, wr] =
    await Promise.all([
      import('../../store/db.js'),
      import('../../ingest/index.js'),
      import('../../ingest/progress.js'),
      import('../../correlate/build-report.js'),
      import('../../report/terminal/summary-table.js'),
      import('../write-report.js'),
    ]);
  const tmp = options.db === undefined ? mkdtempSync(join(tmpdir(), 'bindtrail-')) : null;
  try {
    const db = await openDatabase(options.db ?? join(tmp!, 'analyze.duckdb'));
    let text: string;
    let ingest: IngestSummary;
    let model: ReportModel;
    try {
      ingest = await ingestPaths(db, options.paths, {
        strict: options.strict,
        carve: options.carve,
        host: options.host,
        progress: process.stderr.isTTY ? new TtyProgress(process.stderr) : undefined,
        onFile: (o) => {
          if (o.damage !== null) {
            damaged += 1;
            process.stderr.write(fileDamageLine(o));
          }
          if (o.status !== 'failed') return;
          failed += 1;
          process.stderr.write(fileFailureLine(o));
        },
      });
      process.stderr.write(skippedLine(ingest.unknown));
      if (ingest.files.every((f) => f.status === 'failed')) {
        // Each failure already has its line; without one, say why there is no report.
        if (failed === 0)
          throw new InputError(
            'nothing could be ingested',
            options.paths.join(' '),
            undefined,
            'give .evtx files, XML event exports or configuration artefacts',
          );
        return { exitStatus: 1, ingest, model: null };
      }
      const { withMemoryBound } = await import('../../store/memory-bound.js');
      model = await withMemoryBound(
        db.conn,
        () => buildReportModel(db.conn, { window: options.window, all: options.all, timeZone: options.timeZone.name }),
        { onRetry: warnOnStderr },
      );
      info.write(findingsSummary(model, tableFitFor(info)));
      text = wr.renderReport(model, options.format, options.timeZone.display);
    } finally {
      db.close();
    }
    wr.writeReport(text, options.output);
    if (options.output !== undefined && options.output !== '-') info.write(`report written to ${options.output}\n`);
    if (options.db !== undefined)
      info.write(`database kept in ${options.db} (bindtrail query|timeline|report --db ${options.db})\n`);
    return { exitStatus: failed + damaged > 0 ? 1 : 0, ingest, model };
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

/** The command line of `analyze` as options; throws UsageError for a bad format, window or zone. */
async function analyzeOptions(paths: string[], flags: AnalyzeFlags): Promise<AnalyzeOptions> {
  const { reportFormat } = await import('../write-report.js');
  const { parseDuration, parseTimeZone } = await import('../parse-options.js');
  return {
    paths,
    db: flags.db,
    output: flags.output,
    format: reportFormat(flags.format, flags.output, 'md'),
    window: parseDuration(flags.window),
    timeZone: parseTimeZone(flags.tz),
    all: flags.all === true,
    host: flags.host ?? null,
    strict: flags.strict === true,
    carve: flags.carve === true,
    parquet: flags.parquet,
  };
}

export function register(program: Command, done: OutcomeSink): void {
  program
    .command('analyze')
    .description(
      'ingest exported logs and artefacts, find the root cause, print a summary and write the incident report',
    )
    .argument(
      '[paths...]',
      'files, directories (recursive) or globs: .evtx, XML event exports, applicationHost.config, netsh/reg/certutil exports',
    )
    .addOption(dbOption('keep the database in this file (default: a temporary one, removed afterwards)'))
    .addOption(outputOption('report file: .html, .md or .json (default: Markdown on stdout)'))
    .addOption(formatOption('md | html | json (default: from the -o extension)'))
    .addOption(windowOption('ABO-mapper trigger → binding deletion window'))
    .addOption(tzOption('IANA zone for local times beside UTC in the report'))
    .addOption(allOption('every event in the report timeline'))
    .addOption(hostOption('host name for configuration artefacts that do not name one'))
    .addOption(strictOption())
    .addOption(carveOption())
    .addOption(parquetOption())
    .addHelpText(
      'after',
      examplesHelp([
        'analyze case.zip -o report.html',
        'analyze logs/WEB01 logs/WEB02 --db case.duckdb -o report.md',
        "analyze 'exports/**/*.evtx' --window 5m --tz Europe/Berlin",
      ]),
    )
    .action(async (paths: string[], flags: AnalyzeFlags) => done(await analyze(await analyzeOptions(paths, flags))));
}
