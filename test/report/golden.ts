/**
 * Golden-file comparison: test/expected/<name> in the source tree. BINDTRAIL_UPDATE_GOLDEN=1
 * rewrites the file instead of comparing (review the diff before committing it).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as assert from 'uvu/assert';
import { packageRoot } from '../../src/paths.js';

export const expectedDir = (): string => join(packageRoot(), 'test', 'expected');

/** Assert `actual` equals the golden file `name` (or rewrite it when BINDTRAIL_UPDATE_GOLDEN=1). */
export function expectGolden(name: string, actual: string): void {
  const file = join(expectedDir(), name);
  if (process.env.BINDTRAIL_UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.ok(
    existsSync(file),
    `golden file ${file} is missing (run the tests with BINDTRAIL_UPDATE_GOLDEN=1 to create it)`,
  );
  assert.fixture(actual, readFileSync(file, 'utf8'));
}
