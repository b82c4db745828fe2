/**
 * `bindtrail ingest PATH… --db FILE.duckdb [--strict] [--carve] [--force] [--host NAME]`: load
 * event logs (.evtx, XML exports) and configuration artefacts into a database. Files that cannot
 * be read, or were read only in part, are reported one line each; the rest is loaded; the exit code
 * is 1 when any failed or was damaged.
 */
import Table from 'cli-table3';
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { ingestPaths, type FileOutcome, type IngestSummary } from '../../ingest/index.js';
import { TtyProgress } from '../../ingest/progress.js';
import { openDatabase } from '../../store/db.js';
import type { CommandOutcome, OutcomeSink } from '../command.js';
import { fileDamageLine, fileFailureLine } from '../file-failure.js';
import { carveOption, dbOption, hostOption, strictOption } from '../options.js';

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
}

/** Loads `paths` into the database, prints each failure as it happens and the closing table. */
export async function ingest(options: IngestCommandOptions): Promise<IngestOutcome> {
  if (!options.db) throw new UsageError('--db FILE is required');
  if (options.paths.length === 0) throw new UsageError('name at least one file, directory or pattern to ingest');
  const db = await openDatabase(options.db);
  try {
    const summary = await ingestPaths(db, options.paths, {
      strict: options.strict,
      carve: options.carve,
      force: options.force,
      host: options.host,
      progress: process.stderr.isTTY ? new TtyProgress(process.stderr) : undefined,
      onFile: (o) => {
        if (o.status === 'failed') process.stderr.write(fileFailureLine(o));
        process.stderr.write(fileDamageLine(o));
      },
    });
    process.stdout.write(summaryTable(summary) + '\n');
    const damaged = summary.files.some((o) => o.damage !== null);
    return { exitStatus: summary.failed > 0 || damaged ? 1 : 0, summary };
  } finally {
    db.close();
  }
}

export function register(program: Command, done: OutcomeSink): void {
  program
    .command('ingest')
    .description('load .evtx files, XML event exports and IIS/HTTP.sys configuration artefacts into a DuckDB database')
    .argument('<paths...>', 'files, directories (recursive) or glob patterns; types are detected by content')
    .addOption(dbOption('database file (created when missing)', true))
    .addOption(strictOption())
    .addOption(carveOption())
    .option('--force', 'load files again even when the same content (sha256) is already loaded')
    .addOption(hostOption('host name for configuration artefacts'))
    .action(async (paths: string[], flags: IngestFlags) => {
      done(
        await ingest({
          paths,
          db: flags.db ?? '',
          strict: flags.strict === true,
          carve: flags.carve === true,
          force: flags.force === true,
          host: flags.host ?? null,
        }),
      );
    });
}

/** The closing table: one line per file and a total. */
export function summaryTable(s: IngestSummary): string {
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
