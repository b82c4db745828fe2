/**
 * Mutations across chunk and record boundaries: chunk splices, duplications and swaps, records
 * transplanted from other chunks (their name and template offsets then point at foreign data),
 * zeroed or filled regions, trailing garbage.
 */
import { CHUNK, CHUNK_HEADER, FILE_HEADER } from './layout.js';
import { layoutOf, setBytes } from './mutate.js';
import type { Donor, Mutation } from './mutate.js';

const hex = (n: number): string => `0x${n.toString(16)}`;

function concat(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function donorChunk(
  donors: readonly Donor[],
  pick: <T>(a: readonly T[]) => T,
): { chunk: Uint8Array; name: string } | null {
  const withChunks = donors.filter((d) => d.chunks.length > 0);
  if (withChunks.length === 0) return null;
  const d = pick(withChunks);
  const at = pick(d.chunks);
  return { chunk: d.bytes.subarray(at, Math.min(d.bytes.length, at + CHUNK)), name: `${d.name}@${hex(at)}` };
}

const chunkSplice: Mutation = ({ rng, img, donors }) => {
  const b = img.bytes;
  const chunks = layoutOf(img).chunks;
  const pick = <T>(a: readonly T[]): T => rng.pick(a);
  const mode = rng.int(6);
  const target = chunks.length > 0 ? rng.pick(chunks) : FILE_HEADER;
  const own = b.subarray(target, Math.min(b.length, target + CHUNK));
  if (mode === 0) {
    // Duplicate a chunk right after itself.
    setBytes(img, concat([b.subarray(0, target + own.length), own, b.subarray(target + own.length)]));
    return `duplicate chunk @${hex(target)}`;
  }
  if (mode === 1 && chunks.length >= 2) {
    const other = rng.pick(chunks.filter((c) => c !== target));
    const tmp = b.slice(target, target + CHUNK);
    b.copyWithin(target, other, other + CHUNK);
    b.set(tmp.subarray(0, Math.min(tmp.length, b.length - other)), other);
    img.layout = null;
    return `swap chunks @${hex(target)} and @${hex(other)}`;
  }
  const donor = donorChunk(donors, pick);
  if (!donor || target > b.length) return null;
  if (mode === 2 || mode === 1) {
    const out = b.slice();
    out.set(donor.chunk.subarray(0, Math.max(0, Math.min(donor.chunk.length, out.length - target))), target);
    setBytes(img, out);
    return `replace chunk @${hex(target)} with ${donor.name}`;
  }
  if (mode === 3) {
    // Header (and string/template tables) of one chunk, records of another.
    const cut = rng.pick([CHUNK_HEADER, CHUNK_HEADER + rng.int(CHUNK - CHUNK_HEADER), rng.int(CHUNK_HEADER)]);
    if (target + cut >= b.length) return null;
    const out = b.slice();
    const part = donor.chunk.subarray(cut);
    out.set(part.subarray(0, Math.max(0, Math.min(part.length, out.length - target - cut))), target + cut);
    setBytes(img, out);
    return `splice ${donor.name} from +${hex(cut)} into chunk @${hex(target)}`;
  }
  if (mode === 4) {
    setBytes(img, concat([b.subarray(0, target), donor.chunk, b.subarray(target)]));
    return `insert ${donor.name} before @${hex(target)}`;
  }
  const tail = donor.chunk.subarray(0, rng.range(1, donor.chunk.length));
  setBytes(img, concat([b, tail]));
  return `append ${tail.length} bytes of ${donor.name}`;
};

const recordTransplant: Mutation = ({ rng, img, donors }) => {
  const recs = layoutOf(img).records;
  const withChunks = donors.filter((d) => d.chunks.length > 0);
  if (recs.length === 0 || withChunks.length === 0) return null;
  const target = rng.pick(recs);
  const b = img.bytes;
  if (rng.chance(0.4) && recs.length >= 2) {
    // A record of this image over another (its template was defined by a record that is now gone).
    const src = rng.pick(recs);
    const out = b.slice();
    out.set(b.subarray(src.at, src.at + Math.min(src.size, b.length - target.at)), target.at);
    setBytes(img, out);
    return `copy record @${hex(src.at)} over @${hex(target.at)}`;
  }
  const d = rng.pick(withChunks);
  const c = rng.pick(d.chunks);
  const from = c + CHUNK_HEADER;
  const len = Math.min(rng.range(28, 4096), d.bytes.length - from, b.length - target.at);
  if (len <= 0) return null;
  b.set(d.bytes.subarray(from, from + len), target.at);
  img.layout = null;
  return `transplant ${len} bytes of ${d.name}@${hex(from)} over record @${hex(target.at)}`;
};

const zeroRegion: Mutation = ({ rng, img }) => {
  const b = img.bytes;
  if (b.length === 0) return null;
  const layout = layoutOf(img);
  const mode = rng.int(5);
  let start: number;
  let len: number;
  if (mode === 0 && layout.chunks.length > 0) {
    start = rng.pick(layout.chunks);
    len = CHUNK;
  } else if (mode === 1 && layout.chunks.length > 0) {
    start = rng.pick(layout.chunks) + rng.pick([0, 8, 40, 128, 384]);
    len = rng.pick([8, 64, 128, 256, CHUNK_HEADER]);
  } else if (mode === 2 && layout.records.length > 0) {
    const r = rng.pick(layout.records);
    start = r.at + rng.int(r.size);
    len = rng.range(1, r.size);
  } else {
    start = rng.int(b.length);
    len = rng.range(1, rng.chance(0.8) ? 64 : 8192);
  }
  const fill = rng.chance(0.8) ? 0 : rng.pick([0xff, 0x41, 0x0c, 0x2a]);
  b.fill(fill, start, Math.min(b.length, start + len));
  img.layout = null;
  return `fill ${hex(fill)} @${hex(start)} len ${hex(len)}`;
};

export { chunkSplice, recordTransplant, zeroRegion, concat };
