/**
 * `bindtrail ingest PATH… --db FILE.duckdb | --parquet DIR [--part NAME] [--strict] [--carve] [--force] [--host NAME]`: load
 * event logs (.evtx, XML exports) and configuration artefacts into a database. Files that cannot
 * be read, or were read only in part, are reported one line each; the rest is loaded; the exit code
 * is 1 when any failed or was damaged.
 */
import type TableClass from 'cli-table3';
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { FileOutcome, IngestSummary } from '../../ingest/index.js';
import type { CommandOutcome, ExitStatus, OutcomeSink } from '../command.js';
import { fileDamageLine, fileFailureLine, skippedLine } from '../file-failure.js';
import { checkOutputFile } from '../output-paths.js';
import { carveOption, dbOption, examplesHelp, hostOption, strictOption } from '../options.js';
import { warnOnStderr } from '../warn.js';

export interface IngestCommandOptions {
  paths: string[];
  /** Database file, created when missing. */
  db: string;
  strict: boolean;
  carve: boolean;
  /** Load files again even when the same content is already loaded. */
  force: boolean;
  /** Host of configuration artefacts. */
  host: string | null;
  /** Write the case as a part of this Parquet dataset folder instead of a database. */
  parquet?: string;
  /** Part name (default: machine name and a digest of the inputs). */
  part?: string;
  /** Parse worker threads (default: the machine's cores, at most 4). */
  threads?: number;
}

export interface IngestOutcome extends CommandOutcome {
  summary: IngestSummary;
}

interface IngestFlags {
  db?: string;
  strict?: boolean;
  carve?: boolean;
  force?: boolean;
  host?: string;
  parquet?: string;
  part?: string;
  threads?: string;
}

/** Most parse threads `--threads` accepts. */
const MAX_THREADS = 64;

function parseThreads(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > MAX_THREADS)
    throw new UsageError(`--threads must be a whole number from 1 to ${MAX_THREADS}, got "${v}"`);
  return n;
}

/** 1 when any input failed or was read only in part (README "Exit codes"), else 0. */
function exitStatusOf(summary: IngestSummary): ExitStatus {
  return summary.failed > 0 || summary.files.some((o) => o.damage !== null) ? 1 : 0;
}

/** Loads `paths` into the database, prints each failure as it happens and the closing table. */
export async function ingest(options: IngestCommandOptions): Promise<IngestOutcome> {
  if (options.db && options.parquet) throw new UsageError('give --db FILE or --parquet DIR, not both');
  if (!options.db && !options.parquet) throw new UsageError('--db FILE (or --parquet DIR) is required');
  if (options.part !== undefined && !options.parquet) throw new UsageError('--part names a part of --parquet DIR');
  if (options.paths.length === 0) throw new UsageError('name at least one file, directory or pattern to ingest');
  const { TtyProgress } = await import('../../ingest/progress.js');
  const { default: Table } = await import('cli-table3');
  const settings = {
    strict: options.strict,
    carve: options.carve,
    force: options.force,
    host: options.host,
    workers: options.threads,
    progress: process.stderr.isTTY ? new TtyProgress(process.stderr) : undefined,
    onFile: (o: FileOutcome) => {
      if (o.status === 'failed') process.stderr.write(fileFailureLine(o));
      process.stderr.write(fileDamageLine(o));
    },
  };
  if (options.parquet) {
    const { ingestToParquet } = await import('../../ingest/write-part.js');
    const { summary, written } = await ingestToParquet(options.paths, options.parquet, options.part, {
      ...settings,
      onRetry: warnOnStderr,
    });
    process.stderr.write(skippedLine(summary.unknown));
    process.stdout.write(summaryTable(summary, Table) + '\n');
    process.stdout.write(
      `part ${written.part} written to ${written.dir}: ${written.events} events in ${written.partitions} host/day partition(s)\n`,
    );
    return { exitStatus: exitStatusOf(summary), summary };
  }
  const { openDatabase } = await import('../../store/db.js');
  const { ingestPaths } = await import('../../ingest/index.js');
  checkOutputFile(options.db!, 'the database');
  const db = await openDatabase(options.db!);
  try {
    const summary = await ingestPaths(db, options.paths, settings);
    process.stderr.write(skippedLine(summary.unknown));
    process.stdout.write(summaryTable(summary, Table) + '\n');
    return { exitStatus: exitStatusOf(summary), summary };
  } finally {
    db.close();
  }
}

export function register(program: Command, done: OutcomeSink): void {
  program
    .command('ingest')
    .description('load .evtx files, XML event exports and IIS/HTTP.sys configuration artefacts into a DuckDB database')
    .argument('<paths...>', 'files, directories (recursive) or glob patterns; types are detected by content')
    .addOption(dbOption('database file (created when missing)'))
    .option('--parquet <dir>', 'write the case as one part (DIR/part=NAME/) of a Parquet dataset instead of a database')
    .option(
      '--part <name>',
      'name of the part (default: machine name and a digest of the inputs); a re-run replaces it',
    )
    .addOption(strictOption())
    .addOption(carveOption())
    .option('--force', 'load files again even when the same content (sha256) is already loaded')
    .addOption(hostOption('host name for configuration artefacts'))
    .option('--threads <n>', 'worker threads parsing .evtx chunks (default: the cores, at most 4)')
    .addHelpText(
      'after',
      examplesHelp([
        'ingest case.zip --db case.duckdb',
        'ingest logs/ --db case.duckdb --host WEB01',
        'ingest System.evtx --db case.duckdb --force',
      ]),
    )
    .action(async (paths: string[], flags: IngestFlags) => {
      done(
        await ingest({
          paths,
          db: flags.db ?? '',
          strict: flags.strict === true,
          carve: flags.carve === true,
          force: flags.force === true,
          host: flags.host ?? null,
          parquet: flags.parquet,
          part: flags.part,
          threads: parseThreads(flags.threads),
        }),
      );
    });
}

/** The closing table: one line per file and a total. */
export function summaryTable(s: IngestSummary, Table: typeof TableClass): string {
  const t = new Table({
    head: ['file', 'kind', 'records', 'warnings', 'errors', 'time'],
    colAligns: ['left', 'left', 'right', 'right', 'right', 'right'],
    style: { head: [], border: [] },
  });
  for (const o of s.files)
    t.push([o.path, o.kind ?? '-', records(o), o.warnings, o.errors, `${o.seconds.toFixed(2)}s`]);
  const mb = s.bytes / (1024 * 1024);
  t.push([
    `total: ${s.files.length} file(s), ${s.failed} failed`,
    `${mb.toFixed(1)} MB`,
    s.records,
    s.warnings,
    s.errors,
    `${s.seconds.toFixed(2)}s`,
  ]);
  return t.toString();
}

function records(o: FileOutcome): string {
  if (o.status === 'skipped') return 'skipped (already loaded)';
  if (o.status === 'failed') return 'failed';
  return o.duplicates > 0 ? `${o.records} (${o.duplicates} dup)` : String(o.records);
}
