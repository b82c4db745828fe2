/**
 * Fuzz worker (a child process of run.js): builds inputs [from, to] of a batch, runs each through
 * the reader and reports after every input, so the supervisor knows which input hung or blew the
 * memory cap when this process stops answering or dies.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Escape, exercise } from './exercise.js';
import type { Counts, ReadFn } from './exercise.js';
import { generate, loadSeeds } from './generate.js';

export interface BatchMessage {
  type: 'batch';
  seed: number;
  from: number;
  to: number;
}
export type WorkerReport =
  | { type: 'ready' }
  | { type: 'done'; index: number; counts: Counts; ms: number; bytes: number }
  | { type: 'fail'; index: number; message: string; detail: string; ms: number };

interface Config {
  readerModule: string;
  seedDirs: string[];
}

async function main(): Promise<void> {
  const config = JSON.parse(process.env.BINDTRAIL_FUZZ_CONFIG ?? '{}') as Config;
  const mod = (await import(pathToFileURL(config.readerModule).href)) as { readEvtx: ReadFn };
  const donors = loadSeeds(config.seedDirs);
  const send = (m: WorkerReport): void => void process.send?.(m);
  process.on('message', (raw) => {
    const m = raw as BatchMessage | { type: 'stop' };
    if (m.type === 'stop') process.exit(0);
    void runBatch(mod.readEvtx, donors, m, send);
  });
  send({ type: 'ready' });
}

async function runBatch(
  read: ReadFn,
  donors: ReturnType<typeof loadSeeds>,
  m: BatchMessage,
  send: (r: WorkerReport) => void,
): Promise<void> {
  for (let index = m.from; index <= m.to; index++) {
    const t0 = performance.now();
    let input: ReturnType<typeof generate>;
    try {
      input = generate(m.seed, index, donors);
    } catch (err) {
      send({
        type: 'fail',
        index,
        message: 'fuzz harness error while generating the input',
        detail: String((err as Error)?.stack ?? err),
        ms: 0,
      });
      continue;
    }
    const file = join(tmpdir(), `bindtrail-fuzz-${process.pid}.evtx`);
    if (input.viaFile) writeFileSync(file, input.bytes);
    try {
      const counts = await exercise(read, input.bytes, input.options, input.viaFile ? file : input.bytes);
      send({ type: 'done', index, counts, ms: performance.now() - t0, bytes: input.bytes.length });
    } catch (err) {
      const e = err instanceof Escape ? err : new Escape('fuzz harness error', String(err));
      send({ type: 'fail', index, message: e.message, detail: e.detail, ms: performance.now() - t0 });
    } finally {
      if (input.viaFile) rmSync(file, { force: true });
    }
  }
}

await main();
