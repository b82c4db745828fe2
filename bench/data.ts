/**
 * Benchmark inputs: large logs made of real chunks by ../shared/tools/evtx-concat.py, kept in
 * bench/data/ (git-ignored) and reused while their size is right.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const CHUNK = 65536;
const FILE_HEADER = 4096;

export interface BenchCorpus {
  root: string;
  /** Chunk sources: corpus files that evtxexport exports completely (see pickInputs). */
  inputs: string[];
  excluded: string[];
}

/**
 * evtxexport (libevtx 20181227) exits 1 at the first record it cannot parse, which would end its
 * run early on chunks of records with no template instance (MSExchange_Management_wec,
 * Defender_health_status). Those files are left out so both readers convert the same whole file;
 * reference/counts.tsv tells which (evtxexport events == evtxinfo records).
 */
export function pickInputs(corpusRoot: string): BenchCorpus {
  const dir = join(corpusRoot, 'evtx');
  const all = existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => n.endsWith('.evtx'))
        .sort()
    : [];
  const countsPath = join(corpusRoot, 'reference', 'counts.tsv');
  const excluded = new Set<string>();
  if (existsSync(countsPath)) {
    const [head, ...rows] = readFileSync(countsPath, 'utf8').trim().split('\n');
    const cols = (head ?? '').split('\t');
    const lib = cols.indexOf('libevtx_evtxinfo_records');
    const exp = cols.indexOf('libevtx_evtxexport_xml_events');
    for (const row of rows) {
      const f = row.split('\t');
      if (lib >= 0 && exp >= 0 && (f[exp] !== f[lib] || f[exp] === '0')) excluded.add(`${f[0]}.evtx`);
    }
  }
  return {
    root: corpusRoot,
    inputs: all.filter((n) => !excluded.has(n)).map((n) => join(dir, n)),
    excluded: [...excluded].sort(),
  };
}

/** bench/data/big-N.evtx (N MiB of chunks), built when missing or of the wrong size. */
export function ensureBigFile(dataDir: string, mb: number, corpus: BenchCorpus, concatTool: string): string {
  mkdirSync(dataDir, { recursive: true });
  const out = join(dataDir, `big-${mb}.evtx`);
  const want = FILE_HEADER + Math.max(1, Math.floor((mb * 1024 * 1024) / CHUNK)) * CHUNK;
  if (existsSync(out) && statSync(out).size === want) return out;
  if (corpus.inputs.length === 0)
    throw new Error(`no corpus .evtx files under ${join(corpus.root, 'evtx')} (set BINDTRAIL_CORPUS)`);
  if (!existsSync(concatTool)) throw new Error(`chunk concatenation tool not found: ${concatTool}`);
  process.stderr.write(`bench: building ${out} (${mb} MiB of real chunks)\n`);
  execFileSync('python3', [concatTool, out, String(mb), ...corpus.inputs], { stdio: ['ignore', 'ignore', 'inherit'] });
  return out;
}

/** First executable named `name` on PATH, or null. */
export function which(name: string): string | null {
  for (const d of (process.env.PATH ?? '').split(':')) {
    const p = join(d, name);
    if (d && existsSync(p)) return p;
  }
  return null;
}

/** bench/data/synth-N.evtx: `bindtrail synth --events N --seed 7`, built when missing. */
export function ensureSynthFile(dataDir: string, events: number, node: string, cli: string): string {
  mkdirSync(dataDir, { recursive: true });
  const out = join(dataDir, `synth-${events}.evtx`);
  if (existsSync(out) && statSync(out).size > 0) return out;
  process.stderr.write(`bench: building ${out} (${events} synthetic events, seed 7)\n`);
  execFileSync(node, [cli, 'synth', '--events', String(events), '--seed', '7', '--out', out], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return out;
}

/**
 * bench/data/fleet-N-H/: H synthetic logs of N/H events each, one host per log (`WEB01…`, seeds
 * 1…H, the same days): the shape of a fleet case. Built when missing; returns the folder and its bytes.
 */
export function ensureFleet(
  dataDir: string,
  events: number,
  hosts: number,
  node: string,
  cli: string,
): { dir: string; bytes: number } {
  const dir = join(dataDir, `fleet-${events}-${hosts}`);
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let i = 1; i <= hosts; i++) {
    const name = `WEB${String(i).padStart(2, '0')}`;
    const out = join(dir, `${name}.evtx`);
    if (!existsSync(out) || statSync(out).size === 0) {
      process.stderr.write(`bench: building ${out} (${Math.floor(events / hosts)} synthetic events, host ${name})\n`);
      execFileSync(
        node,
        [
          cli,
          'synth',
          '--events',
          String(Math.floor(events / hosts)),
          '--seed',
          String(i),
          '--host',
          `${name}.contoso.local`,
          '--out',
          out,
        ],
        { stdio: ['ignore', 'ignore', 'inherit'] },
      );
    }
    bytes += statSync(out).size;
  }
  return { dir, bytes };
}
