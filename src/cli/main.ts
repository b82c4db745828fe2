#!/usr/bin/env node
/**
 * bindtrail entry: builds the commander program from the command modules below (each exports
 * `register(program, done)`), and is the one place outcomes and errors become exit codes.
 */
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { BindtrailError, UsageError, describeError } from '../errors.js';
import { EvtxError } from '../evtx/errors.js';
import type { CommandModule, CommandOutcome } from './command.js';
import { fileSystemError, systemErrorCode } from './output-paths.js';

const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

/** Every command, loaded on demand; `--help` lists them in this order. */
const COMMANDS: Readonly<Record<string, () => Promise<CommandModule>>> = {
  analyze: () => import('./commands/analyze.js'),
  dump: () => import('./commands/dump.js'),
  export: () => import('./commands/export.js'),
  ingest: () => import('./commands/ingest.js'),
  queries: () => import('./commands/queries.js'),
  query: () => import('./commands/query.js'),
  report: () => import('./commands/report.js'),
  synth: () => import('./commands/synth.js'),
  timeline: () => import('./commands/timeline.js'),
};

/**
 * Commands to load: only the one named by the first argument when there is one (start-up stays
 * small: `dump` never loads DuckDB), else all of them (help, unknown command).
 */
function commandNames(argv: string[]): string[] {
  const first = argv.slice(2).find((a) => !a.startsWith('-'));
  return first !== undefined && Object.hasOwn(COMMANDS, first) ? [first] : Object.keys(COMMANDS);
}

async function buildProgram(argv: string[], done: (outcome: CommandOutcome) => void): Promise<Command> {
  const program = new Command('bindtrail')
    .description('Post-incident analysis of Windows event logs from IIS servers (EVTX → DuckDB → root cause).')
    .version(process.env.npm_package_version ?? '0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const name of commandNames(argv)) (await COMMANDS[name]!()).register(program, done);
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

function ignoreBrokenPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}

export async function main(argv: string[]): Promise<number> {
  ignoreBrokenPipe(process.stdout);
  try {
    let status = 0;
    const program = await buildProgram(argv, (outcome) => {
      status = Math.max(status, outcome.exitStatus);
    });
    await program.parseAsync(argv);
    return status;
  } catch (err) {
    if (err instanceof CommanderError) {
      // commander already printed its message (or the help/version text).
      return err.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (err instanceof BindtrailError || err instanceof EvtxError) {
      process.stderr.write(`bindtrail: ${describeError(err)}\n`);
      return err instanceof UsageError ? EXIT_USAGE : EXIT_FAILURE;
    }
    if (systemErrorCode(err) && (err as NodeJS.ErrnoException).path) {
      // A file-system refusal the user can act on (a path they gave), never an internal error.
      const syscall = (err as NodeJS.ErrnoException).syscall ?? 'access';
      process.stderr.write(`bindtrail: ${describeError(fileSystemError(err, `cannot ${syscall}`))}\n`);
      return EXIT_FAILURE;
    }
    const e = err as Error;
    const resource = resourceAdvice(e?.message ?? '');
    if (resource !== null) {
      process.stderr.write(`bindtrail: ${(e.message.split('\n')[0] ?? '').trim()} (${resource})\n`);
      return EXIT_FAILURE;
    }
    process.stderr.write(`bindtrail: internal error: ${e?.message ?? String(err)}\n`);
    if (process.env.BINDTRAIL_DEBUG) process.stderr.write(`${e?.stack ?? ''}\n`);
    return EXIT_FAILURE;
  }
}

const isEntry =
  process.argv[1] !== undefined &&
  fileURLToPath(import.meta.url) === (await import('node:fs')).realpathSync(process.argv[1]);
if (isEntry) {
  const code = await main(process.argv);
  process.exitCode = code;
}

/** What to do when DuckDB ran out of a machine resource (not a fault of bindtrail), or null. */
function resourceAdvice(message: string): string | null {
  if (/Out of Memory Error/i.test(message))
    return 'DuckDB ran out of memory: close other programs or run on a machine with more memory; the database is unchanged';
  if (/No space left on device/i.test(message))
    return 'the disk is full: free space where the database and the temporary folder are (TMPDIR)';
  return null;
}
