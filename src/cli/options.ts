/**
 * Options several commands share, built in one place so each flag, default and description is
 * written once. A description is passed where commands word the option differently.
 */
import { Option } from 'commander';

/** ABO-mapper trigger → binding deletion window when `--window` is not given. */
export const DEFAULT_WINDOW = '2m';

export function windowOption(description = 'ABO-mapper trigger window'): Option {
  return new Option('--window <duration>', description).default(DEFAULT_WINDOW);
}

export function tzOption(description: string): Option {
  return new Option('--tz <zone>', description);
}

/** `--db FILE`; `required` makes commander refuse the command without it. */
export function dbOption(description = 'bindtrail DuckDB database', required = false): Option {
  const o = new Option('--db <file>', description);
  return required ? o.makeOptionMandatory() : o;
}

export function strictOption(description = 'CRC32 mismatches are errors, not warnings'): Option {
  return new Option('--strict', description);
}

export function carveOption(): Option {
  return new Option('--carve', 'also recover records from slack space and damaged chunks');
}

export function hostOption(description: string): Option {
  return new Option('--host <name>', description);
}

export function allOption(description: string): Option {
  return new Option('--all', description);
}

export function outputOption(description: string): Option {
  return new Option('-o, --output <file>', description);
}

/** `-f, --format`; `fallback` is the default commander fills in, if any. */
export function formatOption(description: string, fallback?: string): Option {
  const o = new Option('-f, --format <format>', description);
  return fallback === undefined ? o : o.default(fallback);
}

/** `--parquet GLOB`, repeatable: parts of a Parquet case dataset to read instead of `--db`. */
export function parquetOption(): Option {
  return new Option(
    '--parquet <glob>',
    'read a Parquet case dataset instead of --db: a dataset or part folder, glob, s3:// or https:// (repeatable)',
  )
    .argParser((v: string, previous: string[] | undefined) => [...(previous ?? []), v])
    .default([]);
}

/** The `Examples:` block after a command's `--help`, one `$ bindtrail …` line each. */
export function examplesHelp(lines: readonly string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ bindtrail ${l}`).join('\n')}\n`;
}
