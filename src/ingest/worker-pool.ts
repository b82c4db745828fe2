/** A small pool of parse workers (./evtx-worker.ts): jobs go to the least busy worker. */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { UnitJob, UnitResult } from './evtx-units.js';

const WORKER_LIMITS = { maxOldGenerationSizeMb: 24, maxYoungGenerationSizeMb: 4 };

type Reply = { ok: true; result: UnitResult } | { ok: false; seq: number; message: string };

interface Slot {
  worker: Worker;
  busy: number;
}

export class ParsePool {
  private readonly slots: Slot[] = [];
  private onResult: ((r: UnitResult) => void) | null = null;
  private onFailure: ((e: Error) => void) | null = null;

  constructor(size = Math.max(1, Math.min(4, availableParallelism()))) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  get size(): number {
    return this.slots.length;
  }

  /** Where results (in completion order) and worker failures go, for the file being loaded. */
  listen(onResult: (r: UnitResult) => void, onFailure: (e: Error) => void): void {
    this.onResult = onResult;
    this.onFailure = onFailure;
  }

  /** Send a job; its bytes buffer is transferred (unusable here afterwards). */
  submit(job: UnitJob): void {
    let best = this.slots[0]!;
    for (const s of this.slots) if (s.busy < best.busy) best = s;
    best.busy++;
    best.worker.postMessage(job, [job.bytes.buffer as ArrayBuffer]);
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots.length = 0;
  }

  private spawn(): Slot {
    // A worker holds a unit (1 MiB) and its rows at a time: small heaps keep the process RSS
    // bounded (V8 otherwise grows each isolate's heap lazily to hundreds of MB).
    const worker = new Worker(new URL('./evtx-worker.js', import.meta.url), { resourceLimits: WORKER_LIMITS });
    const slot: Slot = { worker, busy: 0 };
    worker.on('message', (reply: Reply) => {
      slot.busy--;
      if (reply.ok) this.onResult?.(reply.result);
      else this.onFailure?.(new Error(`parse worker failed on unit ${reply.seq}: ${reply.message}`));
    });
    worker.on('error', (e) => {
      // A crashed worker loses its jobs: fail the current file and replace the worker.
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots[i] = this.spawn();
      this.onFailure?.(e instanceof Error ? e : new Error(String(e)));
    });
    return slot;
  }
}
