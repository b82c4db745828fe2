/**
 * `bindtrail export --db FILE --parquet DIR [--overwrite]`: write the database as Parquet, events
 * partitioned by host and day, so the same SQL runs at fleet scale on any Parquet engine.
 */
import { existsSync, readdirSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError, UsageError } from '../../errors.js';
import { openDatabase } from '../../store/db.js';
import { exportParquet } from '../../store/export-parquet.js';

interface ExportFlags {
  db?: string;
  parquet?: string;
  overwrite?: boolean;
}

export function register(program: Command): void {
  program
    .command('export')
    .description('export a bindtrail database as Parquet (events partitioned by host and day)')
    .requiredOption('--db <file>', 'database to export')
    .requiredOption('--parquet <dir>', 'output directory (events/host=…/day=…/*.parquet and one file per other table)')
    .option('--overwrite', 'replace files already in the output directory')
    .action(async (flags: ExportFlags) => {
      if (!flags.db || !flags.parquet) throw new UsageError('--db FILE and --parquet DIR are required');
      if (!existsSync(flags.db)) throw new InputError('no such database', flags.db);
      if (!flags.overwrite && existsSync(flags.parquet) && readdirSync(flags.parquet).length > 0) {
        throw new InputError('output directory is not empty', flags.parquet, undefined, 'use --overwrite to replace its files');
      }
      const db = await openDatabase(flags.db);
      try {
        const r = await exportParquet(db.conn, flags.parquet, { overwrite: flags.overwrite === true });
        process.stdout.write(`${r.dir}: ${r.events} events in ${r.partitions} host/day partition(s); ${Object.entries(r.tables).map(([t, n]) => `${t} ${n}`).join(', ')}\n`);
      } finally {
        db.close();
      }
    });
}
