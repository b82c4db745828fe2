/**
 * A fixed set of worker threads running one script. A job goes to the least busy worker; a worker
 * answers each message with exactly one message, in order, so a job's reply is the next reply of
 * the worker it went to. A worker that fails rejects the jobs it holds and is replaced.
 */
import { Worker } from 'node:worker_threads';
import type { ResourceLimits, TransferListItem } from 'node:worker_threads';

export interface WorkerPoolOptions {
  /** Worker threads (at least 1). */
  size: number;
  /** Passed to every worker as `workerData`. */
  workerData?: unknown;
  resourceLimits?: ResourceLimits;
  /** Names the worker in failure messages (`<name> stopped (exit 1)`). */
  name?: string;
}

interface Waiting<Reply> {
  resolve: (reply: Reply) => void;
  reject: (e: Error) => void;
}

interface Slot<Reply> {
  worker: Worker;
  /** Resolvers of the jobs sent to this worker, oldest first. */
  waiting: Waiting<Reply>[];
}

export class WorkerPool<Job, Reply> {
  private readonly slots: Slot<Reply>[] = [];
  private closing = false;

  constructor(
    private readonly script: URL,
    private readonly options: WorkerPoolOptions,
  ) {
    for (let i = 0; i < Math.max(1, options.size); i++) this.slots.push(this.spawn());
  }

  get size(): number {
    return this.slots.length;
  }

  /** Jobs held by the least busy worker (sent, not yet answered). */
  get leastPending(): number {
    let n = Infinity;
    for (const s of this.slots) n = Math.min(n, s.waiting.length);
    return n === Infinity ? 0 : n;
  }

  /** Post `job` (with `transfer` moved, unusable here afterwards); resolves with the worker's reply. */
  run(job: Job, transfer: readonly TransferListItem[] = []): Promise<Reply> {
    let best = this.slots[0]!;
    for (const s of this.slots) if (s.waiting.length < best.waiting.length) best = s;
    const reply = new Promise<Reply>((resolve, reject) => best.waiting.push({ resolve, reject }));
    reply.catch(() => undefined); // a failure surfaces where the reply is awaited
    best.worker.postMessage(job, transfer);
    return reply;
  }

  /** Stop every worker; jobs still out are rejected. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots.length = 0;
  }

  private spawn(): Slot<Reply> {
    const o = this.options;
    const worker = new Worker(this.script, { workerData: o.workerData, resourceLimits: o.resourceLimits });
    const slot: Slot<Reply> = { worker, waiting: [] };
    worker.on('message', (reply: Reply) => slot.waiting.shift()?.resolve(reply));
    const fail = (e: Error): void => {
      for (const w of slot.waiting.splice(0)) w.reject(e);
      const i = this.slots.indexOf(slot);
      if (i >= 0 && !this.closing) this.slots[i] = this.spawn();
    };
    worker.on('error', (e) => fail(e instanceof Error ? e : new Error(String(e))));
    worker.on('exit', (code) => fail(new Error(`${o.name ?? 'worker'} stopped (exit ${code})`)));
    return slot;
  }
}
