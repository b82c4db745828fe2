/** `bindtrail queries` (list the saved queries) and `bindtrail queries lint [DIR]`. */
import type { Command } from 'commander';
import { queriesDir } from '../../paths.js';
import { plainText } from '../../report/text-safety.js';
import { loadSavedQueries, type SavedQuery } from '../../store/saved-query.js';
import type { CommandOutcome, OutcomeSink } from '../command.js';
import type { LintResult } from '../lint-queries.js';

export interface QueriesOutcome extends CommandOutcome {
  queries: SavedQuery[];
}

export type QueriesLintOutcome = CommandOutcome & LintResult;

/** Prints the saved queries of `dir` (default: the bundled ones): id, group, level, title. */
export async function listQueries(options: { dir?: string }): Promise<QueriesOutcome> {
  const { default: Table } = await import('cli-table3');
  const queries = loadSavedQueries(options.dir ?? queriesDir());
  const table = new Table({ head: ['id', 'group', 'level', 'title'], style: { head: [], border: [] } });
  for (const q of queries) table.push([q.id, q.group, q.level, plainText(q.title)]);
  process.stdout.write(
    `${table.toString()}\n${queries.length} queries — run one with: bindtrail query ID --db FILE [--param k=v]\n`,
  );
  return { exitStatus: 0, queries };
}

/** Checks the queries of `dir` (default: the bundled ones); exit status 1 on any problem or none found. */
export async function checkQueries(options: { dir?: string }): Promise<QueriesLintOutcome> {
  const { lintQueries } = await import('../lint-queries.js');
  const { queries, problems } = await lintQueries(options.dir ?? queriesDir(), { bundled: options.dir === undefined });
  for (const p of problems) process.stderr.write(`${p}\n`);
  process.stdout.write(`${queries.length} queries checked, ${problems.length} problem(s)\n`);
  return { exitStatus: problems.length > 0 || queries.length === 0 ? 1 : 0, queries, problems };
}

export function register(program: Command, done: OutcomeSink): void {
  const cmd = program
    .command('queries')
    .description('list the saved queries (id, group, level, title); "queries lint" checks them')
    .option('--dir <dir>', 'folder of .sql files instead of the bundled queries/')
    .action(async (opts: { dir?: string }) => done(await listQueries({ dir: opts.dir })));
  cmd
    .command('lint')
    .description('check every saved query: header, parameters, and that it prepares against the schema')
    .argument('[dir]', 'folder of .sql files (default: the bundled queries/)')
    .action(async (dir: string | undefined) => done(await checkQueries({ dir })));
}
