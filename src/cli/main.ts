#!/usr/bin/env node
/**
 * bindtrail entry: builds the commander program from every module in ./commands
 * (each exports `register(program)`), and is the one place errors become exit codes.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { BindtrailError, UsageError, describeError } from '../errors.js';
import { EvtxError } from '../evtx/index.js';

const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

/**
 * Command modules to load: only the one named by the first argument when it exists (start-up
 * stays small: `dump` never loads DuckDB), else all of them (help, unknown command).
 */
function commandFiles(dir: string, argv: string[]): string[] {
  const files = (existsSync(dir) ? readdirSync(dir) : []).filter((f) => /\.(js|ts)$/.test(f) && !f.endsWith('.d.ts')).sort();
  const first = argv.slice(2).find((a) => !a.startsWith('-'));
  const only = first === undefined ? [] : files.filter((f) => f.replace(/\.(js|ts)$/, '') === first);
  return only.length === 1 ? only : files;
}

async function buildProgram(argv: string[]): Promise<Command> {
  const program = new Command('bindtrail')
    .description('Post-incident analysis of Windows event logs from IIS servers (EVTX → DuckDB → root cause).')
    .version(process.env.npm_package_version ?? '0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  const dir = join(dirname(fileURLToPath(import.meta.url)), 'commands');
  for (const f of commandFiles(dir, argv)) {
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as { register?: (p: Command) => void };
    mod.register?.(program);
  }
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
    const program = await buildProgram(argv);
    await program.parseAsync(argv);
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (err) {
    if (err instanceof CommanderError) {
      // commander already printed its message (or the help/version text).
      return err.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (err instanceof BindtrailError || err instanceof EvtxError) {
      process.stderr.write(`bindtrail: ${describeError(err)}\n`);
      return err instanceof UsageError ? EXIT_USAGE : EXIT_FAILURE;
    }
    const e = err as Error;
    process.stderr.write(`bindtrail: internal error: ${e?.message ?? String(err)}\n`);
    if (process.env.BINDTRAIL_DEBUG) process.stderr.write(`${e?.stack ?? ''}\n`);
    return EXIT_FAILURE;
  }
}

const isEntry = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === (await import('node:fs')).realpathSync(process.argv[1]);
if (isEntry) {
  const code = await main(process.argv);
  process.exitCode = code;
}
