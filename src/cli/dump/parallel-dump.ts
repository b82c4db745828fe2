/**
 * `dump --threads N` (N > 1): the main thread reads batches of whole chunks (1 MiB) and hands
 * them to N worker threads (dump-worker.ts), which parse and render them to UTF-8; results are
 * written in file order with backpressure, with at most 2·N + 1 batches in flight, so memory
 * stays bounded whatever the file size. Chunks are independent (templates, names and values
 * never cross a chunk), so the output is the same bytes as the single-thread path.
 */
import { BATCH_CHUNKS, ByteSink, CarvedDedup, fileWarnings, readChunkBatches } from '../../evtx/index.js';
import { WorkerPool } from '../../util/worker-pool.js';
import type { DumpResult, DumpTask, DumpWorkerSetup } from './dump-worker.js';
import { dumpItem, emptyCounts } from './dump-lines.js';
import type { DumpCounts, DumpFormat } from './dump-lines.js';

export interface ParallelDumpOptions {
  format: DumpFormat;
  strict: boolean;
  carve: boolean;
  threads: number;
}

/** Write `data` and wait for the stream to drain when its buffer is full. */
async function writeOut(out: NodeJS.WritableStream, data: Uint8Array | string): Promise<void> {
  if (!out.write(data)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

/** Carved records whose number was already read are dropped (the reader's CarvedDedup rule). */
function dropSeenCarved(r: DumpResult, dedup: CarvedDedup): { bytes: Uint8Array; notes: string } {
  const bytes = new Uint8Array(r.out, 0, r.length);
  if (r.carved === null || r.live === null) return { bytes, notes: r.notes };
  const drop: DumpResult['carved'] = [];
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

/**
 * Dump `file` with `threads` worker threads; returns the counts (the caller prints the summary).
 * Throws EvtxInputError before any output for a missing, unreadable or non-EVTX file.
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
  const inflight: Promise<DumpResult>[] = [];
  const dedup = new CarvedDedup();
  const flush = async (): Promise<void> => {
    const r = await inflight.shift()!;
    const { bytes, notes } = dropSeenCarved(r, dedup);
    add(sum, r.counts);
    if (notes.length > 0) err.write(notes);
    if (bytes.length > 0) await writeOut(out, bytes);
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
        const size = Math.max(1, Math.min(opts.threads, Math.ceil(b.layout.chunks.length / BATCH_CHUNKS)));
        pool = new WorkerPool(new URL('./dump-worker.js', import.meta.url), {
          size,
          workerData: setup,
          name: 'dump worker',
        });
        continue;
      }
      if ('error' in b) {
        while (inflight.length > 0) await flush();
        err.write(dumpItem(b.error, opts.format, file, new ByteSink(16), sum));
        break;
      }
      const task: DumpTask = { seq: seq++, offset: b.offset, bytes: b.bytes, slots: b.slots };
      inflight.push(pool!.run(task, [b.bytes.buffer as ArrayBuffer]));
      while (inflight.length >= 2 * pool!.size + 1) await flush();
    }
    while (inflight.length > 0) await flush();
  } finally {
    await pool?.close();
  }
  return sum;
}
