/** `bindtrail query ID|FILE.sql --db FILE [--param k=v]… [--format table|csv|json|md]`. */
import type { Command } from 'commander';
import { parseDuration } from '../../correlate/time.js';
import { BindtrailError, UsageError } from '../../errors.js';
import { queriesDir } from '../../paths.js';
import { runSavedQuery } from '../../store/run-query.js';
import { resolveSavedQuery, type SavedQuery } from '../../store/saved-query.js';
import { formatRows, parseRowFormat } from '../format-rows.js';
import { openExistingDatabase } from '../open-db.js';

interface Opts {
  db?: string;
  param: string[];
  format: string;
}

export function register(program: Command): void {
  program
    .command('query')
    .description('run a saved query (by id) or your own .sql file against a database')
    .argument('<query>', 'saved query id (see "bindtrail queries") or a FILE.sql with the same header format')
    .option('--db <file>', 'bindtrail DuckDB database')
    .option('-p, --param <name=value>', 'query parameter, repeatable (e.g. --param host=WEB01 --param window=5m)', collect, [])
    .option('-f, --format <format>', 'table | csv | json | md', 'table')
    .action(async (id: string, opts: Opts) => {
      const format = parseRowFormat(opts.format);
      const query = resolveSavedQuery(id, queriesDir());
      const values = parseParams(opts.param, query);
      const db = await openExistingDatabase(opts.db);
      try {
        const result = await runSavedQuery(db.conn, query, values).catch((e: unknown) => {
          if (e instanceof BindtrailError) throw e;
          throw new UsageError(`query "${query.id}" failed: ${(e as Error).message.split('\n')[0]}`);
        });
        process.stdout.write(formatRows(result, format));
      } finally {
        db.close();
      }
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `k=v` pairs; interval parameters also take the short forms `90s`, `2m`, `1h`. */
export function parseParams(pairs: string[], query: SavedQuery): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--param "${pair}" is not name=value`);
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1);
    const type = query.params.find((p) => p.name === name)?.type;
    out[name] = type === 'interval' && /^\s*\d+(\.\d+)?\s*[a-zA-Z]+\s*$/.test(value) ? safeDuration(value, name) : value;
  }
  return out;
}

function safeDuration(value: string, name: string): string {
  try {
    return parseDuration(value, `--param ${name}`);
  } catch {
    return value;
  }
}
