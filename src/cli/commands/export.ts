/**
 * `bindtrail export --db FILE --parquet DIR [--overwrite]`: write the database as Parquet, events
 * partitioned by host and day, so the same SQL runs at fleet scale on any Parquet engine; the folder
 * is a dataset part (with its manifest) that `--parquet` reads.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import { BindtrailError, InputError, UsageError } from '../../errors.js';
import type { ParquetExport } from '../../store/export-parquet.js';
import type { CommandOutcome, OutcomeSink } from '../command.js';
import { dbOption, examplesHelp } from '../options.js';
import { fileSystemError, prepareOutputDir, systemErrorCode } from '../output-paths.js';
import { warnOnStderr } from '../warn.js';

export interface ExportOptions {
  db: string;
  /** Output directory. */
  parquet: string;
  /** Replace files already in the output directory. */
  overwrite: boolean;
}

export interface ExportOutcome extends CommandOutcome {
  written: ParquetExport;
}

interface ExportFlags {
  db?: string;
  parquet?: string;
  overwrite?: boolean;
}

/** Writes the database as Parquet and prints what was written. */
export async function exportDatabase(options: ExportOptions): Promise<ExportOutcome> {
  if (!options.db || !options.parquet) throw new UsageError('--db FILE and --parquet DIR are required');
  let out: ReturnType<typeof statSync>;
  try {
    out = statSync(options.parquet, { throwIfNoEntry: false });
  } catch (e) {
    throw fileSystemError(e, 'cannot write Parquet files', options.parquet);
  }
  if (out?.isDirectory() && !options.overwrite && readdirSync(options.parquet).length > 0) {
    throw new InputError(
      'output directory is not empty',
      options.parquet,
      undefined,
      'use --overwrite to replace its files',
    );
  }
  // Read-only: exporting never changes the database, and a read-only file exports too.
  const { openExistingDatabase } = await import('../open-db.js');
  const { exportPart } = await import('../../store/dataset-part.js');
  const db = await openExistingDatabase(options.db);
  try {
    prepareOutputDir(options.parquet, 'Parquet files');
    const part =
      basename(resolve(options.parquet))
        .replace(/[^A-Za-z0-9_.-]/g, '_')
        .replace(/^[.-]+/, '') || 'export';
    const r = await exportPart(db, options.parquet, part, {
      overwrite: options.overwrite,
      onRetry: warnOnStderr,
    }).catch((e: unknown) => {
      if (e instanceof BindtrailError) throw e;
      if (systemErrorCode(e)) throw fileSystemError(e, 'cannot write Parquet files', options.parquet);
      throw new InputError(
        `cannot write Parquet files (${(e as Error).message.split('\n')[0]})`,
        options.parquet,
        undefined,
        'check that the folder is writable and the disk has space',
      );
    });
    process.stdout.write(
      `${r.dir}: ${r.events} events in ${r.partitions} host/day partition(s); ${Object.entries(r.tables)
        .filter(([t]) => t !== 'events')
        .map(([t, n]) => `${t} ${n}`)
        .join(', ')}\n`,
    );
    return { exitStatus: 0, written: r };
  } finally {
    db.close();
  }
}

export function register(program: Command, done: OutcomeSink): void {
  program
    .command('export')
    .description('export a bindtrail database as Parquet (events partitioned by host and day)')
    .addOption(dbOption('database to export', true))
    .requiredOption(
      '--parquet <dir>',
      'output directory (one folder per table, events/host=…/day=…/; a part that --parquet reads)',
    )
    .option('--overwrite', 'replace files already in the output directory')
    .addHelpText(
      'after',
      examplesHelp([
        'export --db case.duckdb --parquet case-parquet',
        'export --db case.duckdb --parquet out --overwrite',
      ]),
    )
    .action(async (flags: ExportFlags) => {
      done(
        await exportDatabase({ db: flags.db ?? '', parquet: flags.parquet ?? '', overwrite: flags.overwrite === true }),
      );
    });
}
