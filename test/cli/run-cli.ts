/** Runs the built CLI (dist/src/cli/main.js) as a user would, capturing its output and exit code. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  options: { cwd?: string; timeoutMs?: number; env?: Record<string, string | undefined> } = {},
): CliResult {
  const r = spawnSync(process.execPath, [join(packageRoot(), 'dist', 'src', 'cli', 'main.js'), ...args], {
    cwd: options.cwd ?? packageRoot(),
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 120_000,
    env: { ...process.env, BINDTRAIL_DEBUG: '', ...options.env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A user mistake ends with one line on stderr, `bindtrail: …`, and no stack trace. */
export function isOneLineError(r: CliResult): boolean {
  const lines = r.stderr.trim().split('\n');
  return r.code !== 0 && lines.length === 1 && /^(bindtrail: |error: )/.test(lines[0]!) && !/\n\s+at /.test(r.stderr);
}
