import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (the folder holding package.json), from src/ or dist/src/. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('bindtrail: package.json not found above ' + fileURLToPath(import.meta.url));
}

/** Bundled saved queries. */
export const queriesDir = (): string => join(packageRoot(), 'queries');
/** Bundled incident samples. */
export const samplesDir = (): string => join(packageRoot(), 'samples');
