/** The benchmark table: medians, MB/s (10^6 bytes of input file per second), ratios and targets. */
import Table from 'cli-table3';

export interface Row {
  key: string;
  label: string;
  input: string;
  bytes: number;
  records: number | null;
  runs: number;
  /** Median wall seconds of the whole command (process start to exit). */
  wallS: number;
  /** Median seconds measured inside the process (reader loop only), for the in-process rows. */
  innerS: number | null;
  cpuS: number;
  peakRssMb: number;
  error: string | null;
  command: string;
}

const fmt = (n: number, digits = 1): string => {
  if (!Number.isFinite(n)) return 'n/a';
  const d = Math.abs(n) < 1 && n !== 0 ? Math.max(digits, 2) : digits;
  return n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
};
const int = (n: number | null): string =>
  n !== null && Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a';

/** Seconds the row's rates are computed from: in-process time where measured, else wall time. */
const secondsOf = (r: Row): number => r.innerS ?? r.wallS;
export const mbPerS = (r: Row): number => r.bytes / 1e6 / secondsOf(r);

function target(r: Row, base: Row | undefined): { text: string; met: string; ratio: string } {
  const ratio = base && !base.error && !r.error ? mbPerS(r) / mbPerS(base) : NaN;
  const cpuRatio = base && !base.error && !r.error ? r.bytes / r.cpuS / (base.bytes / base.cpuS) : NaN;
  const dumpRow =
    r.key === 'xml' || r.key === 'xml-mt' || r.key === 'jsonl' || r.key === 'jsonl-mt' || r.key.startsWith('rs-');
  const ratioText = dumpRow ? `${fmt(ratio)}× (CPU ${fmt(cpuRatio)}×)` : r.key === 'evtxexport' ? '1.0×' : '';
  if (r.error) return { text: '', met: 'ERROR', ratio: ratioText };
  if (r.key === 'xml' || r.key === 'xml-mt') {
    if (!Number.isFinite(ratio)) return { text: '≥10× evtxexport (goal 34×)', met: 'n/a', ratio: ratioText };
    return {
      text: '≥10× evtxexport (goal 34×)',
      met: ratio >= 34 ? 'yes (goal too)' : ratio >= 10 ? 'yes' : 'NO',
      ratio: ratioText,
    };
  }
  if (r.key === 'ingest' || r.key.startsWith('synth-ingest') || r.key === 'fleet-ingest') {
    const speed = mbPerS(r);
    const ok = speed >= 60 && r.peakRssMb < 400;
    return {
      text: '≥60 MB/s (goal 100), RSS <400 MB',
      met: ok ? (speed >= 100 ? 'yes (goal too)' : 'yes') : 'NO',
      ratio: ratioText,
    };
  }
  return { text: '', met: '', ratio: ratioText };
}

export function printTable(rows: readonly Row[], ctx: { runs: number; evtxexport: boolean; ingest: boolean }): void {
  const base = rows.find((r) => r.key === 'evtxexport');
  const t = new Table({
    head: [
      'measurement',
      'input',
      'MB',
      'records',
      'runs',
      'median s',
      'MB/s',
      'records/s',
      'CPU s',
      'vs evtxexport',
      'peak RSS MB',
      'target',
      'met',
    ],
    style: { head: [], border: [] },
  });
  for (const r of rows) {
    const s = secondsOf(r);
    const tg = target(r, base);
    t.push([
      r.label,
      r.input,
      fmt(r.bytes / 1e6),
      int(r.records),
      String(r.runs),
      r.error ? 'ERROR' : `${fmt(s, 2)}${r.innerS !== null ? '*' : ''}`,
      r.error ? '' : fmt(mbPerS(r)),
      r.error || r.records === null ? '' : int(r.records / s),
      fmt(r.cpuS, 2),
      tg.ratio,
      fmt(r.peakRssMb, 0),
      tg.text,
      tg.met,
    ]);
  }
  console.log(t.toString());
  console.log(
    'MB = 10^6 bytes of input file. Medians over runs; * = time measured inside the process (reader loop only), other rows are whole-command wall time.',
  );
  console.log(
    'vs evtxexport: ratio of MB/s (wall), and of bytes per CPU-second (less sensitive to load from other processes).',
  );
  if (!ctx.evtxexport) console.log('evtxexport not found (Debian libevtx-utils): no ratio.');
  if (!ctx.ingest)
    console.log('ingest: not available in this build (bindtrail ingest --help failed) or skipped (--no-ingest).');
  console.log('commands:');
  for (const r of rows) console.log(`  ${r.label}: ${r.command}${r.key === 'python' ? '' : ' > /dev/null'}`);
}
