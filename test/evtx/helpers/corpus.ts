/** Locating the shared corpus (absent → tests print SKIP). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { packageRoot } from '../../../src/paths.js';

export function corpusDir(): string | null {
  const dir = process.env.BINDTRAIL_CORPUS ?? join(packageRoot(), '..', 'shared', 'corpus');
  return existsSync(join(dir, 'evtx')) ? dir : null;
}

export interface RefRecord {
  record_id: number;
  timestamp: string | null;
  chunk: number;
  xml: string | null;
  error?: string;
}

/** python-evtx reference records of a corpus file (record ids are exact below 2^53 in the corpus). */
export function readReference(dir: string, evtxName: string): RefRecord[] {
  const text = gunzipSync(readFileSync(join(dir, 'reference', evtxName.replace(/\.evtx$/, '.jsonl.gz')))).toString(
    'utf8',
  );
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as RefRecord);
}

export interface Counts {
  py: number;
  pyErr: number;
  lib: number;
}

/** reference/counts.tsv by file stem. */
export function readCounts(dir: string): Map<string, Counts> {
  const out = new Map<string, Counts>();
  const lines = readFileSync(join(dir, 'reference', 'counts.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  for (const line of lines) {
    const [name, py, pyErr, lib] = line.split('\t');
    out.set(name!, { py: Number(py), pyErr: Number(pyErr), lib: Number(lib) });
  }
  return out;
}
