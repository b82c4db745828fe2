/**
 * Fuzz inputs: a 1–4-chunk slice of a corpus file (its own file header in front), then a stack of
 * mutations, then — half the time — CRC32s recomputed so the damage is not caught by a checksum
 * before the parser reaches it. Input `index` of a run depends only on (seed, index).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { inputRng } from './prng.js';
import type { Rng } from './prng.js';
import { CHUNK, FILE_HEADER, isChunkAt } from './layout.js';
import {
  bitFlips,
  byteSets,
  chunkHeader,
  descriptors,
  fileHeader,
  offsetFields,
  sizeFields,
  tokenBytes,
  truncate,
} from './mutate.js';
import type { Donor, Image, Mutation } from './mutate.js';
import { chunkSplice, recordTransplant, zeroRegion, concat } from './splice.js';
import { crc32 } from '../../src/evtx/crc32.js';

export interface FuzzInput {
  index: number;
  source: string;
  bytes: Uint8Array;
  steps: string[];
  options: { strict: boolean; carve: boolean };
  /** Read through a temporary file (the reader's file path: batched reads) instead of a buffer. */
  viaFile: boolean;
}

const MUTATIONS: readonly [string, number, Mutation][] = [
  ['bit flips', 14, bitFlips],
  ['byte sets', 8, byteSets],
  ['truncate', 6, truncate],
  ['size field', 14, sizeFields],
  ['offset field', 14, offsetFields],
  ['chunk header', 5, chunkHeader],
  ['file header', 3, fileHeader],
  ['descriptor', 12, descriptors],
  ['token bytes', 10, tokenBytes],
  ['chunk splice', 5, chunkSplice],
  ['record transplant', 5, recordTransplant],
  ['zero region', 6, zeroRegion],
];
const WEIGHTS = MUTATIONS.map((m) => m[1]);

/** Corpus files (and a few samples) as splice donors and slice sources. */
export function loadSeeds(dirs: readonly string[], perDirLimit = 64): Donor[] {
  const out: Donor[] = [];
  for (const dir of dirs) {
    for (const path of listEvtx(dir).slice(0, perDirLimit)) {
      const bytes = new Uint8Array(readFileSync(path));
      const chunks: number[] = [];
      for (let at = FILE_HEADER; at + 8 <= bytes.length; at += CHUNK) if (isChunkAt(bytes, at)) chunks.push(at);
      out.push({ name: basename(path), bytes, chunks });
    }
  }
  return out;
}

function listEvtx(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const n of names) {
    const p = join(dir, n);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...listEvtx(p));
    else if (n.toLowerCase().endsWith('.evtx') && st.size >= FILE_HEADER) out.push(p);
  }
  return out;
}

/** File header + chunks [k, k+n) of a seed, trailing partial chunk included when it is in range. */
function sliceOf(rng: Rng, seed: Donor): { bytes: Uint8Array; desc: string } {
  const total = Math.max(1, Math.ceil((seed.bytes.length - FILE_HEADER) / CHUNK));
  const n = [1, 1, 1, 1, 2, 2, 2, 3, 4, 4][rng.int(10)]!;
  const k = rng.int(total);
  const end = Math.min(seed.bytes.length, FILE_HEADER + (k + n) * CHUNK);
  const header = seed.bytes.slice(0, FILE_HEADER);
  const bytes = concat([header, seed.bytes.subarray(FILE_HEADER + k * CHUNK, end)]);
  const count = Math.ceil((bytes.length - FILE_HEADER) / CHUNK);
  if (rng.chance(0.5)) {
    // Chunk count @42 matching the slice, header CRC32 @124 over bytes 0–119.
    bytes[42] = count & 0xff;
    bytes[43] = count >> 8;
    writeU32(bytes, 124, crc32(bytes, 0, 120));
  }
  return { bytes, desc: `${seed.name} chunks ${k}..${k + count - 1}` };
}

function writeU32(b: Uint8Array, at: number, v: number): void {
  if (at + 4 > b.length) return;
  b[at] = v & 0xff;
  b[at + 1] = (v >>> 8) & 0xff;
  b[at + 2] = (v >>> 16) & 0xff;
  b[at + 3] = (v >>> 24) & 0xff;
}

/** Recomputes the file-header CRC and every chunk's header and records CRC32 (libevtx §3, §4). */
export function fixChecksums(b: Uint8Array): void {
  if (b.length >= 128) writeU32(b, 124, crc32(b, 0, 120));
  for (let at = FILE_HEADER; at + 512 <= b.length; at += CHUNK) {
    if (!isChunkAt(b, at)) continue;
    const free = (b[at + 48]! | (b[at + 49]! << 8) | (b[at + 50]! << 16) | (b[at + 51]! << 24)) >>> 0;
    const end = Math.min(b.length, at + CHUNK);
    if (free >= 512 && at + free <= end) writeU32(b, at + 52, crc32(b, at + 512, at + free));
    writeU32(b, at + 124, crc32(b, at + 128, at + 512, crc32(b, at, at + 120)));
  }
}

/** Builds input `index` of the run seeded with `seed`. */
export function generate(seed: number, index: number, donors: readonly Donor[]): FuzzInput {
  const rng = inputRng(seed, index);
  const src = rng.pick(donors);
  const slice = sliceOf(rng, src);
  const img: Image = { bytes: slice.bytes, layout: null };
  const steps: string[] = [];
  const n = rng.chance(0.03) ? 0 : [1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 6, 8][rng.int(13)]!;
  for (let i = 0, tries = 0; i < n && tries < n * 4; tries++) {
    const [name, , mutate] = MUTATIONS[rng.weighted(WEIGHTS)]!;
    const desc = mutate({ rng, img, donors });
    if (desc === null) continue;
    steps.push(`${name}: ${desc}`);
    i++;
  }
  if (rng.chance(0.5)) {
    fixChecksums(img.bytes);
    steps.push('checksums recomputed');
  }
  const options = { strict: rng.chance(0.2), carve: rng.chance(0.3) };
  return { index, source: slice.desc, bytes: img.bytes, steps, options, viaFile: rng.chance(0.05) };
}
