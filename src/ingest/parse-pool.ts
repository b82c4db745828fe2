/**
 * The parse workers of ingest (./evtx-worker.ts) on the generic worker pool, with the buffers
 * that travel between them: spent row-batch buffers go back to the workers with the next jobs,
 * and a unit's input buffer comes back with its result for the next read.
 */
import { availableParallelism } from 'node:os';
import { WorkerPool } from '../util/worker-pool.js';
import type { UnitJob, UnitResult } from './evtx-units.js';

// A worker holds a unit (1 MiB) and its rows at a time: small heaps keep the process RSS
// bounded (V8 otherwise grows each isolate's heap lazily to hundreds of MB).
const WORKER_LIMITS = { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 };

const MAX_RECYCLE = 256;
const MAX_SPENT = 1024;
const MAX_INPUTS = 8;

/** What ./evtx-worker.ts answers for a job. */
export type ParseReply =
  | { ok: true; result: UnitResult; input: ArrayBuffer }
  | { ok: false; seq: number; message: string };

export class ParsePool {
  private readonly pool: WorkerPool<UnitJob, ParseReply>;
  /** Spent batch buffers waiting to go back to a worker, and returned input buffers. */
  private spent: ArrayBuffer[] = [];
  private readonly inputs: ArrayBuffer[] = [];

  constructor(size = Math.max(1, Math.min(4, availableParallelism()))) {
    this.pool = new WorkerPool(new URL('./evtx-worker.js', import.meta.url), {
      size,
      resourceLimits: WORKER_LIMITS,
      name: 'parse worker',
    });
  }

  get size(): number {
    return this.pool.size;
  }

  /** Parse a unit in a worker; its bytes buffer is transferred (unusable here afterwards). */
  async parse(job: UnitJob): Promise<UnitResult> {
    const recycle = this.spent.splice(0, MAX_RECYCLE);
    const reply = await this.pool.run({ ...job, recycle }, [job.bytes.buffer as ArrayBuffer, ...recycle]);
    if (!reply.ok) throw new Error(`parse worker failed on unit ${reply.seq}: ${reply.message}`);
    if (this.inputs.length < MAX_INPUTS) this.inputs.push(reply.input);
    return reply.result;
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

  close(): Promise<void> {
    return this.pool.close();
  }
}
