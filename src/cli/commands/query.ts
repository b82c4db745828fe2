/** `bindtrail query ID|FILE.sql --db FILE [--param k=v]… [--format table|csv|json|md]`. */
import type { Command } from 'commander';
import { BindtrailError, UsageError } from '../../errors.js';
import { queriesDir } from '../../paths.js';
import type { RowFormat } from '../../report/terminal/format-rows.js';
import type { QueryResult } from '../../store/run-query.js';
import { resolveSavedQuery } from '../../store/saved-query.js';
import type { CommandOutcome, OutcomeSink } from '../command.js';
import { dbOption, examplesHelp, formatOption, parquetOption } from '../options.js';
import { tableFitFor } from '../table-fit.js';

export interface QueryOptions {
  /** Saved query id, or a `.sql` file with the same header. */
  query: string;
  db?: string;
  /** Parquet dataset parts to read instead of `db`. */
  parquet?: string[];
  /** `name=value` pairs as given on the command line. */
  params: string[];
  format: RowFormat;
}

export interface QueryOutcome extends CommandOutcome {
  result: QueryResult;
}

interface QueryFlags {
  db?: string;
  parquet: string[];
  param: string[];
  format: string;
}

/** Runs the query against the database and prints its rows in `format`. */
export async function query(options: QueryOptions): Promise<QueryOutcome> {
  const { parseParams } = await import('../parse-options.js');
  const { openCaseDatabase } = await import('../open-db.js');
  const { runSavedQuery } = await import('../../store/run-query.js');
  const { formatRows } = await import('../../report/terminal/format-rows.js');
  const { resolveHost } = await import('../resolve-host.js');
  const saved = resolveSavedQuery(options.query, queriesDir());
  const values = parseParams(options.params, saved);
  const db = await openCaseDatabase(options);
  try {
    if (values.host !== undefined && values.host !== '')
      values.host = await resolveHost(db.conn, values.host, '--param host');
    const result = await runSavedQuery(db.conn, saved, values).catch((e: unknown) => {
      if (e instanceof BindtrailError) throw e;
      throw new UsageError(`query "${saved.id}" failed: ${(e as Error).message.split('\n')[0]}`);
    });
    process.stdout.write(formatRows(result, options.format, tableFitFor(process.stdout)));
    return { exitStatus: 0, result };
  } finally {
    db.close();
  }
}

export function register(program: Command, done: OutcomeSink): void {
  program
    .command('query')
    .description('run a saved query (by id) or your own .sql file against a database')
    .argument('<query>', 'saved query id (see "bindtrail queries") or a FILE.sql with the same header format')
    .addOption(dbOption())
    .addOption(parquetOption())
    .option(
      '-p, --param <name=value>',
      'query parameter, repeatable (e.g. --param host=WEB01 --param window=5m)',
      collect,
      [],
    )
    .addOption(formatOption('table | csv | json | md', 'table'))
    .addHelpText(
      'after',
      examplesHelp([
        'query abo-binding-chains --db case.duckdb',
        'query all-events --db case.duckdb --param host=WEB01 --param since=2024-03-01T10:00 -f csv > events.csv',
        'query ssl-binding-changes --db case.duckdb --param window=5m -f json',
        'query mine.sql --db case.duckdb',
      ]),
    )
    .action(async (id: string, flags: QueryFlags) => {
      const { parseRowFormat } = await import('../parse-options.js');
      const format = parseRowFormat(flags.format);
      done(await query({ query: id, db: flags.db, parquet: flags.parquet, params: flags.param, format }));
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
