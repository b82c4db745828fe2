import { PassThrough } from 'node:stream';
import { dump, type DumpOptions } from '../../../src/cli/commands/dump.js';

/** Run `dump` on a file with stdout and stderr captured. */
export async function captureDump(file: string, opts: DumpOptions): Promise<{ out: Buffer; err: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  const o: Buffer[] = [];
  const e: Buffer[] = [];
  out.on('data', (b: Buffer) => o.push(b));
  err.on('data', (b: Buffer) => e.push(b));
  await dump(file, opts, out, err);
  return { out: Buffer.concat(o), err: Buffer.concat(e).toString('utf8') };
}
