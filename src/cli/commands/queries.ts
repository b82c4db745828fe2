/** `bindtrail queries` (list the saved queries) and `bindtrail queries lint [DIR]`. */
import Table from 'cli-table3';
import type { Command } from 'commander';
import { queriesDir } from '../../paths.js';
import { plainText } from '../../report/text-safety.js';
import { loadSavedQueries } from '../../store/saved-query.js';
import { lintQueries } from '../lint-queries.js';

export function register(program: Command): void {
  const cmd = program
    .command('queries')
    .description('list the saved queries (id, group, level, title); "queries lint" checks them')
    .option('--dir <dir>', 'folder of .sql files instead of the bundled queries/')
    .action((opts: { dir?: string }) => {
      const queries = loadSavedQueries(opts.dir ?? queriesDir());
      const table = new Table({ head: ['id', 'group', 'level', 'title'], style: { head: [], border: [] } });
      for (const q of queries) table.push([q.id, q.group, q.level, plainText(q.title)]);
      process.stdout.write(`${table.toString()}\n${queries.length} queries — run one with: bindtrail query ID --db FILE [--param k=v]\n`);
    });
  cmd
    .command('lint')
    .description('check every saved query: header, parameters, and that it prepares against the schema')
    .argument('[dir]', 'folder of .sql files (default: the bundled queries/)')
    .action(async (dir: string | undefined) => {
      const { queries, problems } = await lintQueries(dir ?? queriesDir(), { bundled: dir === undefined });
      for (const p of problems) process.stderr.write(`${p}\n`);
      process.stdout.write(`${queries.length} queries checked, ${problems.length} problem(s)\n`);
      if (problems.length > 0 || queries.length === 0) process.exitCode = 1;
    });
}
