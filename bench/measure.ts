/**
 * Timing of one external command: wall time (hrtime), CPU time and max RSS from GNU time
 * (`/usr/bin/time -f '%e %U %S %M'`, when installed), and the peak RSS of the whole process tree
 * polled from /proc every 20 ms (worker processes included). Output goes to /dev/null unless
 * captured.
 */
import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunResult {
  command: string;
  wallS: number;
  /** user + sys CPU seconds (NaN without GNU time). */
  cpuS: number;
  /** Peak RSS in MiB: the larger of GNU time's %M and the polled process-tree sum. */
  peakRssMb: number;
  code: number;
  stderr: string;
  stdout: string;
}

const GNU_TIME = '/usr/bin/time';

function treeRssKb(pid: number, depth = 0): number {
  if (depth > 8) return 0;
  let kb = 0;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    kb += m ? Number(m[1]) : 0;
    for (const tid of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(/\s+/).filter(Boolean))
      kb += treeRssKb(Number(tid), depth + 1);
  } catch {
    // The process ended between two reads.
  }
  return kb;
}

/** Runs `cmd args…`; stdout to /dev/null unless `capture`. Never throws for a failing command. */
export function timed(
  cmd: string,
  args: readonly string[],
  capture = false,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bindtrail-bench-'));
  const timeFile = join(dir, 'time.txt');
  const useTime = existsSync(GNU_TIME);
  const argv = useTime ? ['-f', '%e %U %S %M', '-o', timeFile, cmd, ...args] : [...args];
  const devNull = capture ? null : openSync('/dev/null', 'w');
  const command = [cmd, ...args].join(' ');
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(useTime ? GNU_TIME : cmd, argv, { stdio: ['ignore', devNull ?? 'pipe', 'pipe'], env });
    let stderr = '';
    let stdout = '';
    let peakKb = 0;
    child.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-8000);
    });
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    const poll = setInterval(() => {
      if (child.pid !== undefined) peakKb = Math.max(peakKb, treeRssKb(child.pid));
    }, 20);
    const finish = (code: number): void => {
      clearInterval(poll);
      const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
      if (devNull !== null) closeSync(devNull);
      let cpuS = NaN;
      if (useTime && existsSync(timeFile)) {
        const line = readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
        const [, user, sys, maxKb] = line.split(' ').map(Number);
        if (Number.isFinite(user) && Number.isFinite(sys)) cpuS = user! + sys!;
        if (Number.isFinite(maxKb)) peakKb = Math.max(peakKb, maxKb!);
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({ command, wallS, cpuS, peakRssMb: peakKb / 1024, code, stderr, stdout });
    };
    child.on('error', (e) => {
      stderr += String(e);
      finish(127);
    });
    child.on('close', (code) => finish(code ?? 1));
  });
}

export function median(values: readonly number[]): number {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

/**
 * A command that did its work: exit 0, or exit 1 from an ingest whose only complaints are damaged
 * inputs (the benchmark logs are built from real, partly damaged corpus chunks; ingest reports each
 * damaged file and exits 1 by design, with everything readable loaded).
 */
export function completed(r: RunResult): boolean {
  if (r.code === 0) return true;
  const lines = r.stderr
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('bindtrail: '));
  return r.code === 1 && lines.length > 0 && lines.every((l) => /^bindtrail: .+: damaged: /.test(l));
}
