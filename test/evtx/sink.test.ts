/** The UTF-8 byte writer: transcoding and numbers agree with JavaScript's own conversions. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ByteSink } from '../../src/evtx/render/sink.js';

const test = suite('byte sink');

/** Deterministic pseudo-random numbers (xorshift32). */
function rng(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

const escapeXmlText = (s: string): string =>
  s.replace(
    /[&<>"\x00-\x08\x0a-\x1f]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? `&#${c.charCodeAt(0)};`,
  );

test('utf16: the two-units-at-a-time path writes what the per-unit path writes', () => {
  const next = rng(7);
  const pool = ['a', 'Z', ' ', '\t', '&', '<', '"', '\r', '\n', '\x01', 'é', '€', '\u{1F600}', '\ud800', 'x', 'y', '0'];
  for (let n = 0; n < 3000; n++) {
    let s = '';
    const len = Math.floor(next() * 40);
    for (let i = 0; i < len; i++)
      s += next() < 0.7 ? 'abcdefgh'[Math.floor(next() * 8)] : pool[Math.floor(next() * pool.length)];
    const lead = Math.floor(next() * 2); // odd and even value offsets
    const bytes = Buffer.concat([Buffer.alloc(lead), Buffer.from(s, 'utf16le'), Buffer.alloc(4)]);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const a = new ByteSink(16);
    const b = new ByteSink(16);
    a.utf16(bytes, lead, s.length * 2);
    b.utf16(bytes, lead, s.length * 2, view);
    const want = escapeXmlText(Buffer.from(s, 'utf8').toString('utf8')); // unpaired surrogates become U+FFFD
    assert.is(a.text(), want, JSON.stringify(s));
    assert.is(b.text(), want, JSON.stringify(s));
  }
});

test('uint: decimal text of integers up to 2^53', () => {
  const next = rng(11);
  const s = new ByteSink(32);
  const values = [
    0,
    9,
    10,
    99,
    100,
    999,
    1000,
    99999,
    100000,
    999999,
    1000000,
    2 ** 31 - 1,
    2 ** 31,
    2 ** 32,
    2 ** 53 - 1,
  ];
  for (let i = 0; i < 5000; i++) values.push(Math.floor(next() * 2 ** Math.floor(next() * 53)));
  for (const v of values) {
    s.uint(v);
    assert.is(s.text(), String(v));
  }
});

test.run();
