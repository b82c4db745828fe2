/**
 * Start-up rows of `make bench`: wall time of short commands (help, command help, the saved-query
 * list) against `node -e 0`, interleaved, medians of `runs` runs each.
 */
import Table from 'cli-table3';
import { median, timed } from './measure.js';

export interface StartupRow {
  label: string;
  medianMs: number;
  /** Multiple of the `node -e 0` median of the same run. */
  ratio: number;
  peakRssMb: number;
  error: string | null;
}

interface StartupSpec {
  label: string;
  args: string[];
  /** Most multiples of `node -e 0` the row may take (issue target), or null. */
  target: number | null;
}

const specsFor = (cli: string): StartupSpec[] => [
  { label: 'node -e 0', args: ['-e', '0'], target: null },
  { label: 'bindtrail --help', args: [cli, '--help'], target: 2 },
  { label: 'bindtrail dump --help', args: [cli, 'dump', '--help'], target: 2 },
  { label: 'bindtrail queries', args: [cli, 'queries'], target: 2 },
];

/** Runs every start-up command `runs` times, round-robin, and returns the rows (first is node). */
export async function measureStartup(node: string, cli: string, runs: number): Promise<StartupRow[]> {
  const specs = specsFor(cli);
  const wall = specs.map(() => [] as number[]);
  const rss = specs.map(() => 0);
  const errors: (string | null)[] = specs.map(() => null);
  for (let run = 0; run < runs; run++) {
    for (const [i, s] of specs.entries()) {
      const r = await timed(node, s.args);
      if (r.code !== 0) errors[i] = `exit ${r.code}`;
      wall[i]!.push(r.wallS * 1000);
      rss[i] = Math.max(rss[i]!, r.peakRssMb);
    }
  }
  const base = median(wall[0]!);
  return specs.map((s, i) => {
    const m = median(wall[i]!);
    return { label: s.label, medianMs: m, ratio: m / base, peakRssMb: rss[i]!, error: errors[i]! };
  });
}

export function printStartup(rows: readonly StartupRow[], runs: number): void {
  const targets = new Map(specsFor('').map((s) => [s.label, s.target]));
  const t = new Table({
    head: ['start-up', 'runs', 'median ms', '× node -e 0', 'peak RSS MB', 'target', 'met'],
    style: { head: [], border: [] },
  });
  for (const r of rows) {
    const target = targets.get(r.label) ?? null;
    const met = r.error ? 'ERROR' : target === null ? '' : r.ratio <= target ? 'yes' : 'NO';
    t.push([
      r.label,
      String(runs),
      r.medianMs.toFixed(0),
      `${r.ratio.toFixed(2)}×`,
      r.peakRssMb.toFixed(0),
      target === null ? '' : `≤${target}×`,
      met,
    ]);
  }
  console.log(t.toString());
}
