import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { packageRoot } from '../../src/paths.js';
import { crc32 } from '../../src/evtx/crc32.js';
import { fixChecksums, generate, loadSeeds } from './generate.js';
import { CHUNK, FILE_HEADER, locate, u32 } from './layout.js';
import { Rng, inputRng } from './prng.js';

const corpus = process.env.BINDTRAIL_CORPUS ?? join(packageRoot(), '..', 'shared', 'corpus');
const evtxDir = join(corpus, 'evtx');
const haveCorpus = existsSync(evtxDir);
const SYSTEM = 'log2timeline__plaso__test_data__evtx__System.evtx';

const Prng = suite('fuzz prng');
Prng('same seed and index give the same stream; different indexes differ', () => {
  const a = inputRng(7, 42);
  const b = inputRng(7, 42);
  const c = inputRng(7, 43);
  const sa = [a.u32(), a.u32(), a.u32()];
  assert.equal([b.u32(), b.u32(), b.u32()], sa);
  assert.not.equal([c.u32(), c.u32(), c.u32()], sa);
});
Prng('int stays in range', () => {
  const r = new Rng(1);
  for (let i = 0; i < 1000; i++) {
    const v = r.range(-3, 5);
    assert.ok(v >= -3 && v <= 5);
  }
});
Prng.run();

const Crc = suite('fuzz crc32');
Crc('IEEE check value', () => {
  assert.is(crc32(new TextEncoder().encode('123456789'), 0, 9), 0xcbf43926);
});
Crc('continues across ranges', () => {
  const b = new TextEncoder().encode('123456789');
  assert.is(crc32(b, 4, 9, crc32(b, 0, 4)), 0xcbf43926);
});
Crc.run();

const Gen = suite('fuzz inputs');
Gen('locate finds the records of a real chunk', () => {
  if (!haveCorpus) return console.log(`SKIP fuzz layout test: no corpus at ${evtxDir}`);
  const [seed] = loadSeeds([evtxDir]).filter((d) => d.name === SYSTEM);
  assert.ok(seed, SYSTEM);
  const layout = locate(seed!.bytes);
  // 33 blocks: 27 chunks, then 6 all-zero blocks (never used).
  assert.is(layout.chunks.length, 27);
  // python-evtx and libevtx both read 5,009 records from this file.
  assert.is(layout.records.length, 5009);
  assert.ok(layout.instances.length > 4000);
  assert.ok(layout.instances.some((i) => i.body !== null));
});
Gen('recomputed checksums of an untouched chunk equal the stored ones', () => {
  if (!haveCorpus) return console.log(`SKIP fuzz checksum test: no corpus at ${evtxDir}`);
  const [seed] = loadSeeds([evtxDir]).filter((d) => d.name === SYSTEM);
  const b = seed!.bytes.slice(0, FILE_HEADER + 2 * CHUNK);
  const stored = [u32(b, FILE_HEADER + 52), u32(b, FILE_HEADER + 124), u32(b, FILE_HEADER + CHUNK + 124)];
  fixChecksums(b);
  assert.equal([u32(b, FILE_HEADER + 52), u32(b, FILE_HEADER + 124), u32(b, FILE_HEADER + CHUNK + 124)], stored);
});
Gen('inputs are reproducible from (seed, index) and mutated', () => {
  if (!haveCorpus) return console.log(`SKIP fuzz generator test: no corpus at ${evtxDir}`);
  const donors = loadSeeds([evtxDir]);
  let mutated = 0;
  for (let i = 0; i < 200; i++) {
    const a = generate(3, i, donors);
    const b = generate(3, i, donors);
    assert.equal(a.steps, b.steps);
    assert.ok(Buffer.from(a.bytes).equals(Buffer.from(b.bytes)), `input ${i} differs between two generations`);
    if (a.steps.some((s) => !s.startsWith('checksums'))) mutated++;
  }
  assert.ok(mutated > 180, `only ${mutated} of 200 inputs were mutated`);
});
Gen.run();
