#!/usr/bin/env node
/**
 * `make samples`: regenerate every scenario folder under the given directory (default samples/).
 * `--pending[=DIR]` also writes the scenarios whose analysis is not built yet (PENDING_SCENARIOS)
 * into DIR (default samples-pending/, beside samples/: the tests and `analyze samples` walk every
 * folder of samples/, so a scenario moves there together with its analysis).
 */
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { realpathSync, statSync } from 'node:fs';
import { generateScenario } from './generate.js';
import { PENDING_SCENARIOS, SCENARIOS } from './scenarios/index.js';

/** Regenerate all scenarios under `root`; returns the files written. */
export function generateAll(root: string): string[] {
  return SCENARIOS.flatMap((s) => generateScenario(s, root).files);
}

/** Regenerate the pending scenarios under `root`; returns the files written. */
export function generatePending(root: string): string[] {
  return PENDING_SCENARIOS.flatMap((s) => generateScenario(s, root, { pending: true }).files);
}

const isEntry = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === realpathSync(process.argv[1]);
if (isEntry) {
  const args = process.argv.slice(2);
  const flag = args.find((a) => a === '--pending' || a.startsWith('--pending='));
  const root = resolve(args.find((a) => !a.startsWith('--')) ?? 'samples');
  const pendingRoot =
    flag === undefined ? null : resolve(flag.includes('=') ? flag.slice(flag.indexOf('=') + 1) : 'samples-pending');
  const show =
    (prefix: string, base: string) =>
    (f: string): void => {
      process.stdout.write(
        `${(prefix + relative(base, f)).padEnd(60)} ${String(statSync(f).size).padStart(9)} bytes\n`,
      );
    };
  generateAll(root).forEach(show('', root));
  if (pendingRoot !== null)
    generatePending(pendingRoot).forEach(show(`${relative(process.cwd(), pendingRoot)}/`, pendingRoot));
}
