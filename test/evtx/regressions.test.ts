/** Inputs found by the mutation fuzzer (test/fuzz), reduced to hand-built bytes. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { MAX_NAME_CHARS } from '../../src/evtx/binxml/compile.js';
import type { EvtxItem, EvtxRecord } from '../../src/evtx/items.js';
import { readEvtx } from '../../src/evtx/index.js';
import { chunk, evtxFile, record, templateInstance } from './helpers/build.js';
import type { BinXml } from './helpers/build.js';

const NS = 'http://schemas.microsoft.com/win/2004/08/events/event';

async function items(bytes: Uint8Array): Promise<EvtxItem[]> {
  const out: EvtxItem[] = [];
  for await (const it of readEvtx(bytes)) out.push(it);
  return out;
}
const recordsOf = (xs: EvtxItem[]): EvtxRecord[] => xs.filter((x): x is EvtxRecord => x.kind === 'record');
const errorsOf = (xs: EvtxItem[]): string[] => xs.flatMap((x) => (x.kind === 'error' ? [x.message] : []));

/** `<Event xmlns><EventData>` + `n` × `<NAME/>` + `</EventData></Event>`. */
function repeatedElement(d: BinXml, name: string, n: number): void {
  d.open('Event', true).attr('xmlns').text(NS).closeStart();
  d.open('EventData', false).closeStart();
  for (let i = 0; i < n; i++) d.open(name, false).closeEmpty();
  d.end().end();
}

/** Record 1 uses a template with element `name`; record 2 is a sound event after it. */
function fileWithName(name: string, repeat = 1): Uint8Array {
  const first = record(512, 1n, (w) => templateInstance(w, [], (d) => repeatedElement(d, name, repeat)));
  const second = record(512 + first.length, 2n, (w) => templateInstance(w, [], (d) => repeatedElement(d, 'Data', 1)));
  return evtxFile([chunk([first, second])]);
}

const Names = suite('regressions: element and attribute names');

Names('a name holding a NUL or control character makes its record an error, the next record reads', async () => {
  for (const bad of ['Da\u0000ta', 'Da\u0007ta', 'Da ta', 'Da<ta', 'Da\uFFFFta', 'Da\uD800ta']) {
    const xs = await items(fileWithName(bad));
    const recs = recordsOf(xs);
    assert.is(recs.length, 1, JSON.stringify(bad));
    assert.is(recs[0]!.recordId, 2n);
    assert.match(recs[0]!.xml(), /<EventData><Data\/><\/EventData>/);
    assert.is(errorsOf(xs).length, 1);
    assert.match(errorsOf(xs)[0]!, /not allowed in an XML name/);
  }
});

Names('a name longer than the cap is an error (fuzz: 30,464-char name × 42 elements → 1.7 MB per record)', async () => {
  const xs = await items(fileWithName('x'.repeat(MAX_NAME_CHARS + 1), 40));
  assert.is(recordsOf(xs).length, 1);
  assert.match(errorsOf(xs)[0] ?? '', new RegExp(`has ${MAX_NAME_CHARS + 1} chars`));
});

Names('names at the cap, with non-ASCII letters and surrogate pairs still render', async () => {
  for (const good of ['x'.repeat(MAX_NAME_CHARS), 'Größe', 'ns:Name-1.2_x', 'a\uD83D\uDE00b']) {
    const recs = recordsOf(await items(fileWithName(good)));
    assert.is(recs.length, 2, good.slice(0, 20));
    assert.ok(recs[0]!.xml().includes(`<${good}/>`));
  }
});

Names.run();
