/** `bindtrail query ID|FILE.sql --db FILE [--param k=v]… [--format table|csv|json|md]`. */
import type { Command } from 'commander';
import { BindtrailError, UsageError } from '../../errors.js';
import { queriesDir } from '../../paths.js';
import { formatRows, type RowFormat } from '../../report/terminal/format-rows.js';
import { runSavedQuery, type QueryResult } from '../../store/run-query.js';
import { resolveSavedQuery } from '../../store/saved-query.js';
import type { CommandOutcome, OutcomeSink } from '../command.js';
import { openExistingDatabase } from '../open-db.js';
import { dbOption, formatOption } from '../options.js';
import { parseParams, parseRowFormat } from '../parse-options.js';
import { tableFitFor } from '../table-fit.js';

export interface QueryOptions {
  /** Saved query id, or a `.sql` file with the same header. */
  query: string;
  db?: string;
  /** `name=value` pairs as given on the command line. */
  params: string[];
  format: RowFormat;
}

export interface QueryOutcome extends CommandOutcome {
  result: QueryResult;
}

interface QueryFlags {
  db?: string;
  param: string[];
  format: string;
}

/** Runs the query against the database and prints its rows in `format`. */
export async function query(options: QueryOptions): Promise<QueryOutcome> {
  const saved = resolveSavedQuery(options.query, queriesDir());
  const values = parseParams(options.params, saved);
  const db = await openExistingDatabase(options.db);
  try {
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
    .option(
      '-p, --param <name=value>',
      'query parameter, repeatable (e.g. --param host=WEB01 --param window=5m)',
      collect,
      [],
    )
    .addOption(formatOption('table | csv | json | md', 'table'))
    .action(async (id: string, flags: QueryFlags) => {
      const format = parseRowFormat(flags.format);
      done(await query({ query: id, db: flags.db, params: flags.param, format }));
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
