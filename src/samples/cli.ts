#!/usr/bin/env node
/** `make samples`: regenerate every scenario folder under the given directory (default samples/). */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { realpathSync, statSync } from 'node:fs';
import { generateScenario } from './generate.js';
import { SCENARIOS } from './scenarios/index.js';

/** Regenerate all scenarios under `root`; returns the files written. */
export function generateAll(root: string): string[] {
  return SCENARIOS.flatMap((s) => generateScenario(s, root).files);
}

const isEntry = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === realpathSync(process.argv[1]);
if (isEntry) {
  const root = resolve(process.argv[2] ?? 'samples');
  for (const f of generateAll(root)) {
    process.stdout.write(`${f.slice(root.length + 1).padEnd(60)} ${String(statSync(f).size).padStart(9)} bytes\n`);
  }
}
