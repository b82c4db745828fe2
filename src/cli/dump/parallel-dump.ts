/**
 * `dump --threads N` (N > 1): the main thread reads batches of whole chunks (1 MiB) and renders
 * them together with N − 1 worker threads (dump-worker.ts): a batch goes to the least busy worker
 * while it holds fewer than `PER_WORKER`, otherwise the main thread renders it itself. Every
 * batch's output is one UTF-8 buffer (render-batch.ts); the buffers are written in file order
 * with backpressure, with at most `window` batches in flight, so memory stays bounded whatever
 * the file size. When the oldest batch is still with a worker and the main thread has nothing
 * else to do (the window is full, or the file is read), it renders that batch itself and drops
 * the worker's copy when it comes: a worker that starts late or runs on a busy core never holds
 * the output back. Chunks are independent (templates, names and values never cross a chunk), so
 * the output is the same bytes as the single-thread path.
 */
import { BATCH_CHUNKS, ByteSink, CarvedDedup, fileWarnings, readChunkBatches } from '../../evtx/index.js';
import { WorkerPool } from '../../util/worker-pool.js';
import { dumpItem, emptyCounts } from './dump-lines.js';
import type { DumpCounts, DumpFormat } from './dump-lines.js';
import { renderTask } from './render-batch.js';
import type { DumpResult, DumpTask, DumpWorkerSetup } from './render-batch.js';

export interface ParallelDumpOptions {
  format: DumpFormat;
  strict: boolean;
  carve: boolean;
  threads: number;
}

/** Batches queued at one worker: one rendering, one waiting, so it never idles between replies. */
const PER_WORKER = 2;

/** How long the main thread waits for a worker's reply to the oldest batch before rendering it itself. */
const TAKEOVER_MS = 2;

/** A batch in flight: rendered (`result`) or still with a worker. */
interface Pending {
  task: DumpTask;
  result: DumpResult | null;
}

/** Write `data` and wait for the stream to drain when its buffer is full. */
async function writeOut(out: NodeJS.WritableStream, data: Uint8Array | string): Promise<void> {
  if (!out.write(data)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

/** Carved records whose number was already read are dropped (the reader's CarvedDedup rule). */
function dropSeenCarved(r: DumpResult, dedup: CarvedDedup): { bytes: Uint8Array; notes: string } {
  const bytes = r.out;
  if (r.carved === null || r.live === null) return { bytes, notes: r.notes };
  const drop: NonNullable<DumpResult['carved']> = [];
  let next = 0;
  r.live.forEach((ids, k) => {
    for (const id of ids) dedup.live(id);
    for (; next < r.carved!.length && r.carved![next]!.chunk === k; next++) {
      const c = r.carved![next]!;
      if (!dedup.keep(c.recordId)) drop.push(c);
    }
  });
  if (drop.length === 0) return { bytes, notes: r.notes };
  const parts: Uint8Array[] = [];
  let notes = '';
  let at = 0;
  let noteAt = 0;
  for (const c of drop) {
    parts.push(bytes.subarray(at, c.start));
    notes += r.notes.slice(noteAt, c.notesStart);
    at = c.end;
    noteAt = c.notesEnd;
    r.counts.records--;
    r.counts.carved--;
    r.counts.warnings -= c.warnings;
  }
  parts.push(bytes.subarray(at));
  notes += r.notes.slice(noteAt);
  return { bytes: Buffer.concat(parts), notes };
}

function add(sum: DumpCounts, c: DumpCounts): void {
  sum.records += c.records;
  sum.carved += c.carved;
  sum.warnings += c.warnings;
  sum.errors += c.errors;
}

/** One macrotask turn, so that replies the workers have sent are received. */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Dump `file` with `threads` rendering threads (the main thread and `threads − 1` workers);
 * returns the counts (the caller prints the summary). Throws EvtxInputError before any output
 * for a missing, unreadable or non-EVTX file.
 */
export async function dumpParallel(
  file: string,
  opts: ParallelDumpOptions,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<DumpCounts> {
  const sum = emptyCounts();
  const batches = readChunkBatches(file);
  const setup: DumpWorkerSetup = { file, format: opts.format, strict: opts.strict, carve: opts.carve };
  let pool: WorkerPool<DumpTask, DumpResult> | null = null;
  let window = 1;
  const queue: Pending[] = [];
  const dedup = new CarvedDedup();
  const emit = async (r: DumpResult): Promise<void> => {
    const { bytes, notes } = dropSeenCarved(r, dedup);
    add(sum, r.counts);
    if (notes.length > 0) err.write(notes);
    if (bytes.length > 0) await writeOut(out, bytes);
  };
  /** Write the oldest batch; when its worker has not answered yet, it is rendered here. */
  const flush = async (): Promise<void> => {
    const p = queue[0]!;
    if (p.result === null) await sleep(TAKEOVER_MS);
    queue.shift();
    await emit(p.result ?? renderTask(p.task, setup));
  };
  /** Write the batches at the head of the queue that are already rendered. */
  const flushReady = async (): Promise<void> => {
    while (queue.length > 0 && queue[0]!.result !== null) await flush();
  };
  let seq = 0;
  try {
    for await (const b of batches) {
      if ('layout' in b) {
        const lines = new ByteSink(16);
        const notes = fileWarnings(b.layout)
          .map((w) => dumpItem(w, opts.format, file, lines, sum))
          .join('');
        if (notes.length > 0) err.write(notes);
        // A file of one batch is rendered here: no worker to start.
        const workers = Math.max(0, Math.min(opts.threads - 1, Math.ceil(b.layout.chunks.length / BATCH_CHUNKS) - 1));
        if (workers > 0)
          pool = new WorkerPool(new URL('./dump-worker.js', import.meta.url), {
            size: workers,
            workerData: setup,
            name: 'dump worker',
          });
        window = (PER_WORKER + 2) * (workers + 1) + 2;
        continue;
      }
      if ('error' in b) {
        while (queue.length > 0) await flush();
        err.write(dumpItem(b.error, opts.format, file, new ByteSink(16), sum));
        break;
      }
      const task: DumpTask = { seq: seq++, offset: b.offset, bytes: b.bytes, slots: b.slots };
      if (pool !== null) await turn();
      await flushReady();
      while (queue.length >= window) await flush();
      if (pool !== null && pool.leastPending < PER_WORKER) {
        // The worker gets a copy of the bytes: the batch stays here in case it is taken over.
        const p: Pending = { task, result: null };
        pool.run(task).then(
          (r) => {
            p.result = r;
          },
          () => undefined,
        );
        queue.push(p);
      } else queue.push({ task, result: renderTask(task, setup) });
    }
    while (queue.length > 0) await flush();
  } finally {
    await pool?.close();
  }
  return sum;
}
