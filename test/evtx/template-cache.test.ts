/** Templates reused across chunks only when their definitions are provably the same. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseChunk } from '../../src/evtx/chunk.js';
import type { EvtxRecord } from '../../src/evtx/items.js';
import { type BinXml, chunk, record, templateInstance } from './helpers/build.js';

const test = suite('template cache across chunks');

const text = (s: string): number[] => [...s].flatMap((c) => [c.charCodeAt(0), 0]);
/** <Event><NAME>%0</NAME></Event> */
const tpl =
  (name: string) =>
  (d: BinXml): void => {
    d.open('Event', false).closeStart().open(name, false).closeStart().sub(0, 0x01).end().end();
  };
/** A record of a different template (other size) that stores `names` inline first. */
const filler =
  (names: string[]) =>
  (w: BinXml): void => {
    templateInstance(w, [], (d) => {
      d.open('Event', false).closeStart();
      for (const n of names) d.open(n, false).closeEmpty();
      d.open('Padding', false).closeEmpty().end();
    });
  };

/** Chunk-relative offset of the name structure whose characters are `s` (first occurrence). */
function nameOffset(c: Uint8Array, s: string): number {
  const needle = Buffer.from(text(s));
  return Buffer.from(c).indexOf(needle) - 8;
}

function xmlOf(c: Uint8Array, index: number): string[] {
  return parseChunk(c, index, 4096 + index * 65536, { fileName: 't.evtx' })
    .filter((i): i is EvtxRecord => i.kind === 'record')
    .map((r) => r.xml());
}

function nodesOf(c: Uint8Array, index: number): unknown[] {
  return parseChunk(c, index, 4096 + index * 65536, { fileName: 't.evtx' })
    .filter((i): i is EvtxRecord => i.kind === 'record')
    .map((r) => (r as unknown as { inst: { tpl: { nodes: unknown } } }).inst.tpl.nodes);
}

test('the same definition at another offset of another chunk is reused and renders alike', () => {
  const r = (at: number, v: string) =>
    record(at, 1n, (w) => templateInstance(w, [{ type: 1, bytes: text(v) }], tpl('Data')));
  const c0 = chunk([r(512, 'a')]);
  const f = record(512, 1n, filler([]));
  const c1 = chunk([f, r(512 + f.length, 'b')]);
  const first = nodesOf(c0, 0)[0];
  assert.equal(xmlOf(c1, 1), ['<Event><Padding/></Event>', '<Event><Data>b</Data></Event>']);
  assert.ok(nodesOf(c1, 1)[1] === first, 'compiled nodes shared');
});

test('same bytes whose names point at other text are compiled again', () => {
  // Template T refers to names stored by the filler record before it (not inline).
  const build = (second: string): Uint8Array => {
    const f = record(512, 1n, filler([second]));
    const probe = chunk([f]);
    const names = new Map([
      ['Event', nameOffset(probe, 'Event')],
      ['Data', nameOffset(probe, second)],
    ]);
    const r = record(512 + f.length, 2n, (w) => {
      for (const [k, v] of names) (w as unknown as { names: Map<string, number> }).names.set(k, v);
      templateInstance(w, [{ type: 1, bytes: text('v') }], tpl('Data'));
    });
    return chunk([f, r]);
  };
  const a = build('Data');
  const b = build('Info');
  // Only the filler's name differs: T's own bytes are identical in both chunks.
  assert.equal(xmlOf(a, 0)[1], '<Event><Data>v</Data></Event>');
  assert.equal(xmlOf(b, 1)[1], '<Event><Info>v</Info></Event>');
  assert.equal(xmlOf(a, 2)[1], '<Event><Data>v</Data></Event>');
  const [na, nb] = [nodesOf(a, 3)[1], nodesOf(b, 4)[1]];
  assert.ok(na !== nb, 'different names, different nodes');
});

test('a definition differing in one byte is not reused', () => {
  const r = (name: string) => record(512, 1n, (w) => templateInstance(w, [{ type: 1, bytes: text('x') }], tpl(name)));
  assert.equal(xmlOf(chunk([r('Abcd')]), 0), ['<Event><Abcd>x</Abcd></Event>']);
  assert.equal(xmlOf(chunk([r('Abce')]), 1), ['<Event><Abce>x</Abce></Event>']);
});

test.run();
