/**
 * Bench rows beside bindtrail's own: the Rust evtx crate's `evtx_dump` (xml and jsonl, one thread
 * and all cores), ingest of a synthetic log with one and two parse threads, and of a fleet of them.
 */
import { existsSync } from 'node:fs';

export interface Spec {
  key: string;
  label: string;
  file: string;
  cmd: string;
  args: () => string[];
  capture?: boolean;
  cleanup?: () => void;
  /** Records in the input when known up front (synthetic logs). */
  records?: number;
  /** Input bytes when the input is a folder. */
  bytes?: number;
}

/** evtx_dump rows (`-t 1` and `-t cores`), or none when the binary is absent. */
export function rustSpecs(evtxDump: string, big: string, cores: number): Spec[] {
  if (!existsSync(evtxDump)) return [];
  const out: Spec[] = [];
  for (const format of ['xml', 'jsonl'] as const)
    for (const t of [1, cores]) {
      const extra = format === 'xml' ? ['--dont-show-record-number'] : [];
      out.push({
        key: `rs-${format}-${t === 1 ? '1' : 'mt'}`,
        label: `evtx_dump 0.8.5 -o ${format} -t ${t} (Rust)`,
        file: big,
        cmd: evtxDump,
        args: () => ['-o', format, '-t', String(t), ...extra, big],
      });
    }
  return out;
}

/** `bindtrail ingest --threads N` rows on the synthetic log, each into a fresh database. */
export function synthIngestSpecs(
  node: string,
  cli: string,
  file: string,
  events: number,
  db: string,
  dropDb: () => void,
): Spec[] {
  return [1, 2].map((threads) => ({
    key: `synth-ingest-${threads}`,
    label: `bindtrail ingest --threads ${threads} (synth --seed 7)`,
    file,
    cmd: node,
    args: () => {
      dropDb();
      return [cli, 'ingest', file, '--db', db, '--threads', String(threads)];
    },
    capture: true,
    cleanup: dropDb,
    records: events,
  }));
}

/** `bindtrail ingest FOLDER` of a fleet (ensureFleet): several files, one call, a fresh database. */
export function fleetIngestSpec(
  node: string,
  cli: string,
  fleet: { dir: string; bytes: number },
  hosts: number,
  events: number,
  db: string,
  dropDb: () => void,
): Spec {
  return {
    key: 'fleet-ingest',
    label: `bindtrail ingest, fleet of ${hosts} hosts (synth, one file each)`,
    file: fleet.dir,
    bytes: fleet.bytes,
    cmd: node,
    args: () => {
      dropDb();
      return [cli, 'ingest', fleet.dir, '--db', db];
    },
    capture: true,
    cleanup: dropDb,
    records: Math.floor(events / hosts) * hosts,
  };
}
