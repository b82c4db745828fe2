/**
 * Runs fuzz inputs in child processes and enforces the caps from outside: a per-input time cap
 * (a synchronous loop inside the reader can only be stopped by killing its process), a V8 heap
 * cap (--max-old-space-size) and an RSS cap polled from /proc/PID/status. An input that times
 * out or kills its worker is confirmed by running it again alone before it counts as a failure.
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Counts } from './exercise.js';
import type { BatchMessage, WorkerReport } from './worker.js';

export type FailureKind = 'crash' | 'hang' | 'memory';

export interface Failure {
  index: number;
  kind: FailureKind;
  message: string;
  detail: string;
}

export interface PoolOptions {
  seed: number;
  iterations: number;
  start: number;
  workers: number;
  timeCapMs: number;
  heapMb: number;
  rssCapMb: number;
  readerModule: string;
  seedDirs: string[];
  batch: number;
  onProgress?: (done: number) => void;
}

export interface PoolResult {
  done: number;
  failures: Failure[];
  totals: Counts & { bytes: number };
  slowest: { index: number; ms: number };
  /** Input with the most rendered output per input byte (XML chars / bytes). */
  widest: { index: number; ratio: number };
  peakRssMb: number;
  retried: number;
  /** Set when the run could not proceed (a worker failed to start). */
  fatal?: string;
}

interface Slot {
  child: ChildProcess;
  ready: boolean;
  batch: { from: number; to: number; retry: boolean } | null;
  current: number;
  since: number;
  stderr: string;
  rssMb: number;
}

const WORKER = fileURLToPath(new URL('./worker.js', import.meta.url));

function rssMb(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

export function runPool(o: PoolOptions): Promise<PoolResult> {
  const result: PoolResult = {
    done: 0,
    failures: [],
    totals: { records: 0, errors: 0, warnings: 0, refused: 0, outputChars: 0, bytes: 0 },
    slowest: { index: -1, ms: 0 },
    widest: { index: -1, ratio: 0 },
    peakRssMb: 0,
    retried: 0,
  };
  const end = o.start + o.iterations;
  let next = o.start;
  const retries: number[] = [];
  const slots: Slot[] = [];
  const config = JSON.stringify({ readerModule: o.readerModule, seedDirs: o.seedDirs });

  return new Promise((resolve) => {
    let startFailures = 0;
    const finished = (): boolean => next >= end && retries.length === 0 && slots.every((s) => s.batch === null);

    const spawn = (): Slot => {
      const child = fork(WORKER, [], {
        execArgv: [`--max-old-space-size=${o.heapMb}`],
        env: { ...process.env, BINDTRAIL_FUZZ_CONFIG: config },
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      const slot: Slot = { child, ready: false, batch: null, current: -1, since: Date.now(), stderr: '', rssMb: 0 };
      child.stderr?.on('data', (d: Buffer) => {
        slot.stderr = (slot.stderr + d.toString()).slice(-4000);
      });
      child.on('message', (m: WorkerReport) => onReport(slot, m));
      child.on('exit', (code, signal) => onExit(slot, code, signal));
      return slot;
    };

    const assign = (slot: Slot): void => {
      if (!slot.ready || slot.batch) return;
      let batch: Slot['batch'];
      if (retries.length > 0) {
        const i = retries.shift()!;
        batch = { from: i, to: i, retry: true };
      } else if (next < end) {
        batch = { from: next, to: Math.min(end, next + o.batch) - 1, retry: false };
        next = batch.to + 1;
      } else return;
      slot.batch = batch;
      slot.current = batch.from;
      slot.since = Date.now();
      const msg: BatchMessage = { type: 'batch', seed: o.seed, from: batch.from, to: batch.to };
      slot.child.send(msg);
    };

    const record = (index: number, kind: FailureKind, message: string, detail: string): void => {
      result.failures.push({ index, kind, message, detail });
      result.done++;
      o.onProgress?.(result.done);
    };

    function onReport(slot: Slot, m: WorkerReport): void {
      if (m.type === 'ready') {
        slot.ready = true;
        startFailures = 0;
        assign(slot);
        return;
      }
      if (!slot.batch || m.index !== slot.current) return;
      if (m.type === 'done') {
        const t = result.totals;
        t.records += m.counts.records;
        t.errors += m.counts.errors;
        t.warnings += m.counts.warnings;
        t.refused += m.counts.refused;
        t.outputChars += m.counts.outputChars;
        t.bytes += m.bytes;
        if (m.ms > result.slowest.ms) result.slowest = { index: m.index, ms: m.ms };
        const ratio = m.counts.outputChars / Math.max(1, m.bytes);
        if (ratio > result.widest.ratio) result.widest = { index: m.index, ratio };
        result.done++;
        o.onProgress?.(result.done);
      } else record(m.index, 'crash', m.message, m.detail);
      slot.current++;
      slot.since = Date.now();
      if (slot.current > slot.batch.to) {
        slot.batch = null;
        assign(slot);
        if (finished()) stop();
      }
    }

    /** The worker stopped inside an input: confirm alone (retry) or record; requeue the rest of the batch. */
    function lose(slot: Slot, kind: FailureKind, message: string, detail: string): void {
      const b = slot.batch;
      const idx = slots.indexOf(slot);
      if (b) {
        if (b.retry) record(slot.current, kind, message, detail);
        else {
          for (let i = slot.current; i <= b.to; i++) retries.push(i);
          result.retried++;
        }
      }
      slot.batch = null;
      if (idx >= 0) slots.splice(idx, 1);
      if (!finished()) {
        const fresh = spawn();
        slots.push(fresh);
      } else stop();
    }

    function onExit(slot: Slot, code: number | null, signal: string | null): void {
      if (!slots.includes(slot)) return;
      if (!slot.ready && ++startFailures <= 5) {
        // A worker that cannot start (e.g. dist/ being rebuilt at that moment): try again shortly.
        slots.splice(slots.indexOf(slot), 1);
        setTimeout(() => slots.push(spawn()), 500);
        return;
      }
      if (!slot.ready) {
        result.fatal = `fuzz worker failed to start (code ${code}, signal ${signal}): ${slot.stderr.trim().split('\n').slice(-6).join(' | ')}`;
        stop();
        return;
      }
      const oom = /heap out of memory|Reached heap limit|Allocation failed/i.test(slot.stderr);
      const kind: FailureKind = oom ? 'memory' : 'crash';
      lose(
        slot,
        kind,
        oom ? `worker ran out of heap (${o.heapMb} MB cap)` : `worker died (code ${code}, signal ${signal})`,
        slot.stderr.slice(-2000),
      );
    }

    const timer = setInterval(() => {
      const now = Date.now();
      for (const slot of [...slots]) {
        const rss = rssMb(slot.child.pid);
        result.peakRssMb = Math.max(result.peakRssMb, rss);
        if (!slot.batch) continue;
        if (rss > o.rssCapMb) {
          slot.child.kill('SIGKILL');
          lose(slot, 'memory', `worker RSS ${rss.toFixed(0)} MB over the ${o.rssCapMb} MB cap`, '');
        } else if (now - slot.since > o.timeCapMs) {
          slot.child.kill('SIGKILL');
          lose(slot, 'hang', `no result within ${o.timeCapMs} ms (worker RSS ${rss.toFixed(0)} MB when stopped)`, '');
        }
      }
    }, 50);

    function stop(): void {
      clearInterval(timer);
      for (const s of slots) s.child.kill('SIGKILL');
      slots.length = 0;
      resolve(result);
    }

    for (let i = 0; i < Math.max(1, o.workers); i++) slots.push(spawn());
  });
}
