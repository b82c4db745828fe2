/**
 * `dump --threads N` (N > 1): the main thread reads batches of whole chunks (1 MiB) and hands
 * them to N worker threads (dump-worker.ts), which parse and render them to UTF-8; results are
 * written in file order with backpressure, with at most 2·N + 1 batches in flight, so memory
 * stays bounded whatever the file size. Chunks are independent (templates, names and values
 * never cross a chunk), so the output is the same bytes as the single-thread path.
 */
import { Worker } from 'node:worker_threads';
import type { DumpResult, DumpTask, DumpWorkerSetup } from './dump-worker.js';
import { BATCH_CHUNKS, fileWarnings, readChunkBatches } from './parser.js';
import { dumpItem, emptyCounts } from './render/dump-lines.js';
import type { DumpCounts, DumpFormat } from './render/dump-lines.js';
import { ByteSink } from './render/sink.js';

export interface ParallelDumpOptions {
  format: DumpFormat;
  strict: boolean;
  carve: boolean;
  threads: number;
}

/** Write `data` and wait for the stream to drain when its buffer is full. */
export async function writeOut(out: NodeJS.WritableStream, data: Uint8Array | string): Promise<void> {
  if (!out.write(data)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

interface PoolWorker {
  worker: Worker;
  /** Resolvers of the tasks sent to this worker, in order (a worker answers in order). */
  waiting: { resolve: (r: DumpResult) => void; reject: (e: Error) => void }[];
}

function startWorker(setup: DumpWorkerSetup): PoolWorker {
  const worker = new Worker(new URL('./dump-worker.js', import.meta.url), { workerData: setup });
  const pw: PoolWorker = { worker, waiting: [] };
  worker.on('message', (r: DumpResult) => pw.waiting.shift()?.resolve(r));
  const fail = (e: Error): void => {
    for (const w of pw.waiting.splice(0)) w.reject(e);
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`dump worker stopped (exit ${code})`)));
  return pw;
}

/** Carved records whose number was already read are dropped (parser.ts carveFilter, same rule). */
function dropSeenCarved(r: DumpResult, seen: Set<bigint>): { bytes: Uint8Array; notes: string } {
  const bytes = new Uint8Array(r.out, 0, r.length);
  if (r.carved === null || r.live === null) return { bytes, notes: r.notes };
  const drop: DumpResult['carved'] = [];
  let next = 0;
  r.live.forEach((ids, k) => {
    for (const id of ids) seen.add(id);
    for (; next < r.carved!.length && r.carved![next]!.chunk === k; next++) {
      const c = r.carved![next]!;
      if (seen.has(c.recordId)) drop.push(c);
      else seen.add(c.recordId);
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

/**
 * Dump `file` with `threads` worker threads; returns the counts (the caller prints the summary).
 * Throws EvtxInputError before any output for a missing, unreadable or non-EVTX file.
 */
export async function dumpParallel(file: string, opts: ParallelDumpOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<DumpCounts> {
  const sum = emptyCounts();
  const batches = readChunkBatches(file);
  const setup: DumpWorkerSetup = { file, format: opts.format, strict: opts.strict, carve: opts.carve };
  const pool: PoolWorker[] = [];
  const inflight: Promise<DumpResult>[] = [];
  const seen = new Set<bigint>();
  const flush = async (): Promise<void> => {
    const r = await inflight.shift()!;
    const { bytes, notes } = dropSeenCarved(r, seen);
    add(sum, r.counts);
    if (notes.length > 0) err.write(notes);
    if (bytes.length > 0) await writeOut(out, bytes);
  };
  let seq = 0;
  try {
    for await (const b of batches) {
      if ('layout' in b) {
        const lines = new ByteSink(16);
        const notes = fileWarnings(b.layout).map((w) => dumpItem(w, opts.format, file, lines, sum)).join('');
        if (notes.length > 0) err.write(notes);
        const n = Math.max(1, Math.min(opts.threads, Math.ceil(b.layout.chunks.length / BATCH_CHUNKS)));
        for (let i = 0; i < n; i++) pool.push(startWorker(setup));
        continue;
      }
      if ('error' in b) {
        while (inflight.length > 0) await flush();
        err.write(dumpItem(b.error, opts.format, file, new ByteSink(16), sum));
        break;
      }
      const w = pool.reduce((x, y) => (y.waiting.length < x.waiting.length ? y : x));
      const task: DumpTask = { seq: seq++, offset: b.offset, bytes: b.bytes, slots: b.slots };
      const done = new Promise<DumpResult>((resolve, reject) => w.waiting.push({ resolve, reject }));
      done.catch(() => undefined); // rejections surface when awaited in order
      inflight.push(done);
      w.worker.postMessage(task, [b.bytes.buffer as ArrayBuffer]);
      while (inflight.length >= 2 * pool.length + 1) await flush();
    }
    while (inflight.length > 0) await flush();
  } finally {
    await Promise.all(pool.map((p) => p.worker.terminate()));
  }
  return sum;
}
