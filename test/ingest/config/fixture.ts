import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../../src/paths.js';
import { decodeText } from '../../../src/xml/index.js';

/** A fixture artefact of test/ingest/config/fixtures, decoded as ingest decodes it. */
export function fixture(name: string): { text: string; file: string } {
  const file = join(packageRoot(), 'test', 'ingest', 'config', 'fixtures', name);
  return { text: decodeText(readFileSync(file)), file };
}

/** Run `fn`, expecting an error whose message matches `pattern`; returns it. */
export function throwsMatching(fn: () => unknown, pattern: RegExp): Error {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof Error) || !pattern.test(e.message))
      throw new Error(`expected an error matching ${pattern}, got ${String(e)}`);
    return e;
  }
  throw new Error(`expected an error matching ${pattern}, got none`);
}
