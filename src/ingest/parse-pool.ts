/** A small pool of parse workers (./evtx-worker.ts): jobs go to the least busy worker. */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { UnitJob, UnitResult } from './evtx-units.js';

const WORKER_LIMITS = { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 };

const MAX_RECYCLE = 256;
const MAX_SPENT = 1024;
const MAX_INPUTS = 8;

type Reply = { ok: true; result: UnitResult; input: ArrayBuffer } | { ok: false; seq: number; message: string };

interface Slot {
  worker: Worker;
  busy: number;
}

export class ParsePool {
  private readonly slots: Slot[] = [];
  private onResult: ((r: UnitResult) => void) | null = null;
  private onFailure: ((e: Error) => void) | null = null;
  /** Spent batch buffers waiting to go back to a worker, and returned input buffers. */
  private spent: ArrayBuffer[] = [];
  private readonly inputs: ArrayBuffer[] = [];

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
    const recycle = this.spent.splice(0, MAX_RECYCLE);
    best.worker.postMessage({ ...job, recycle }, [job.bytes.buffer as ArrayBuffer, ...recycle]);
  }

  /** Buffers of batches already appended: they go back to the workers with the next jobs. */
  recycle(buffers: readonly ArrayBuffer[]): void {
    if (this.spent.length < MAX_SPENT) this.spent.push(...buffers);
  }

  /** A buffer of exactly `bytes` for the next unit read (a returned one when possible). */
  inputBuffer(bytes: number): Uint8Array {
    const i = this.inputs.findIndex((b) => b.byteLength === bytes);
    return i >= 0 ? new Uint8Array(this.inputs.splice(i, 1)[0]!) : new Uint8Array(bytes);
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
      if (reply.ok && this.inputs.length < MAX_INPUTS) this.inputs.push(reply.input);
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
