/** Reader unit tests on hand-built bytes: headers, tokens, value types, damage, caps. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { EvtxInputError } from '../../src/evtx/errors.js';
import { walkStringTable, walkTemplateTable } from '../../src/evtx/chunk-header.js';
import type { EvtxItem, EvtxRecord, ReadOptions } from '../../src/evtx/items.js';
import { chunkSlots, parseChunk, parseFileHeader, readEvtx } from '../../src/evtx/index.js';
import { Bytes, chunk, evtxFile, record, templateInstance } from './helpers/build.js';
import type { BinXml, Val } from './helpers/build.js';

const NS = 'http://schemas.microsoft.com/win/2004/08/events/event';

async function items(bytes: Uint8Array, opts: ReadOptions = {}): Promise<EvtxItem[]> {
  const out: EvtxItem[] = [];
  for await (const it of readEvtx(bytes, opts)) out.push(it);
  return out;
}
const recordsOf = (xs: EvtxItem[]): EvtxRecord[] => xs.filter((x): x is EvtxRecord => x.kind === 'record');

/** `<Event xmlns><EventData><Data Name="v">{0}</Data></EventData></Event>` with one value. */
function dataTemplate(d: BinXml, type: number, optional = false): void {
  d.open('Event', true).attr('xmlns').text(NS).closeStart();
  d.open('EventData', false).closeStart();
  d.open('Data', true).attr('Name').text('v').closeStart().sub(0, type, optional).end();
  d.end().end();
}

function oneValueFile(v: Val): Uint8Array {
  return evtxFile([chunk([record(512, 1n, (w) => templateInstance(w, [v], (d) => dataTemplate(d, v.type)))])]);
}

async function renderValue(v: Val): Promise<{ xml: string; rec: EvtxRecord }> {
  const recs = recordsOf(await items(oneValueFile(v)));
  assert.is(recs.length, 1);
  return { xml: recs[0]!.xml(), rec: recs[0]! };
}

const dataOf = (xml: string): string => /<EventData>(.*)<\/EventData>/.exec(xml)?.[1] ?? xml;
const le = (n: number, bytes: number): number[] =>
  Array.from({ length: bytes }, (_, i) => Number((BigInt(n) >> BigInt(8 * i)) & 0xffn));
const u16s = (s: string): number[] => [...s].flatMap((c) => le(c.charCodeAt(0), 2));

// ---------------------------------------------------------------------------------------------
const header = suite('file header and chunk layout');

header('rejects non-EVTX bytes and short files with EvtxInputError naming file and offset', () => {
  try {
    parseFileHeader(new TextEncoder().encode('x'.repeat(200)), 'a.evtx');
    assert.unreachable();
  } catch (e) {
    assert.instance(e, EvtxInputError);
    assert.is((e as EvtxInputError).file, 'a.evtx');
    assert.is((e as EvtxInputError).offset, 0);
  }
  assert.throws(
    () => parseFileHeader(new Uint8Array(10), 'b.evtx'),
    (e: unknown) => e instanceof EvtxInputError,
  );
});

header('reads header fields; chunk count comes from the file size, not the header', async () => {
  const r = (i: number): Uint8Array =>
    record(512, BigInt(i), (w) => templateInstance(w, [{ type: 8, bytes: le(i, 4) }], (d) => dataTemplate(d, 8)));
  const file = evtxFile([chunk([r(1)]), chunk([r(2)]), chunk([r(3)])], { chunkCount: 1, flags: 1 });
  const h = parseFileHeader(file);
  assert.is(h.chunkCount, 1);
  assert.is(h.majorVersion, 3);
  assert.is(h.flags, 1);
  assert.ok(h.checksumOk);
  assert.is(chunkSlots(file.length).length, 3);
  assert.equal(
    recordsOf(await items(file)).map((x) => x.recordId),
    [1n, 2n, 3n],
  );
});

header('empty all-zero chunks are skipped; bad chunk magic is a warning and the block is skipped', async () => {
  const r = record(512, 7n, (w) => templateInstance(w, [{ type: 4, bytes: [5] }], (d) => dataTemplate(d, 4)));
  const bad = chunk([r]);
  bad[0] = 0x58;
  const all = await items(evtxFile([new Uint8Array(65536), bad, chunk([r])]));
  assert.equal(
    all.map((x) => x.kind),
    ['warning', 'record'],
  );
  assert.is(all[0]!.kind === 'warning' && all[0]!.chunkIndex, 1);
});

header('a file cut short inside a chunk is still read up to the cut', async () => {
  const r = record(512, 1n, (w) => templateInstance(w, [{ type: 4, bytes: [5] }], (d) => dataTemplate(d, 4)));
  const file = evtxFile([chunk([r])]).subarray(0, 4096 + 2000);
  const all = await items(file);
  assert.is(recordsOf(all).length, 1);
});

header('CRC32 mismatch: warning when lenient, error (records dropped) when strict', async () => {
  const r = record(512, 1n, (w) => templateInstance(w, [{ type: 4, bytes: [5] }], (d) => dataTemplate(d, 4)));
  const file = evtxFile([chunk([r], { badHeaderCrc: true, badDataCrc: true })]);
  const lenient = await items(file);
  assert.equal(
    lenient.map((x) => x.kind),
    ['warning', 'record'],
  );
  assert.match((lenient[0] as { message: string }).message, /header CRC32 mismatch, records CRC32 mismatch/);
  const strict = await items(file, { strict: true });
  assert.equal(
    strict.map((x) => x.kind),
    ['error'],
  );
});

header('string and template table walks stop at loops and out-of-chunk links', () => {
  const c = chunk([]);
  const v = new DataView(c.buffer);
  v.setUint32(128, 600, true); // bucket 0 → 600
  v.setUint32(600, 700, true); // 600 → 700
  v.setUint32(700, 600, true); // 700 → 600: loop
  v.setUint32(132, 0x20000, true); // bucket 1 → outside
  const s = walkStringTable(c);
  assert.equal(s.offsets, [600, 700]);
  assert.is(s.problems.length, 2);
  v.setUint32(384, 800, true);
  v.setUint32(800, 800, true); // points at itself
  const t = walkTemplateTable(c);
  assert.equal(t.offsets, [800]);
  assert.match(t.problems[0]!, /loops/);
});

header.run();

// ---------------------------------------------------------------------------------------------
const values = suite('value types rendered as Windows renders them');

const cases: [string, Val, string][] = [
  ['Int8', { type: 0x03, bytes: [0xfe] }, '-2'],
  ['UInt8', { type: 0x04, bytes: [200] }, '200'],
  ['Int16', { type: 0x05, bytes: le(-300 & 0xffff, 2) }, '-300'],
  ['UInt16', { type: 0x06, bytes: le(65535, 2) }, '65535'],
  ['Int32', { type: 0x07, bytes: le(-5 >>> 0, 4) }, '-5'],
  ['UInt32', { type: 0x08, bytes: le(4000000000, 4) }, '4000000000'],
  ['Int64', { type: 0x09, bytes: [...le(0xffffffff, 4), ...le(0xffffffff, 4)] }, '-1'],
  ['UInt64 beyond 2^53', { type: 0x0a, bytes: [...le(1, 4), ...le(0x80000000, 4)] }, '9223372036854775809'],
  ['Real64', { type: 0x0c, bytes: Array.from(new Uint8Array(new Float64Array([1.5]).buffer)) }, '1.5'],
  ['Real32', { type: 0x0b, bytes: Array.from(new Uint8Array(new Float32Array([0.25]).buffer)) }, '0.25'],
  ['Bool irregular value 2', { type: 0x0d, bytes: le(2, 4) }, 'true'],
  ['Bool 0', { type: 0x0d, bytes: le(0, 4) }, 'false'],
  ['Binary as uppercase hex', { type: 0x0e, bytes: [0xde, 0xad, 0x0b] }, 'DEAD0B'],
  [
    'GUID braced upper-case',
    {
      type: 0x0f,
      bytes: [0x78, 0x56, 0x34, 0x12, 0x34, 0x12, 0xcd, 0xab, 0xef, 0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd],
    },
    '{12345678-1234-ABCD-EF01-23456789ABCD}',
  ],
  ['size_t 4 bytes', { type: 0x10, bytes: le(0x3e7, 4) }, '0x3e7'],
  ['size_t 8 bytes', { type: 0x10, bytes: [...le(0, 4), ...le(1, 4)] }, '0x100000000'],
  ['FILETIME 7 digits Z', { type: 0x11, bytes: [...le(131753758648816283n as unknown as number, 0)] }, ''],
  [
    'SYSTEMTIME',
    {
      type: 0x12,
      bytes: [
        ...le(2019, 2),
        ...le(3, 2),
        ...le(2, 2),
        ...le(5, 2),
        ...le(12, 2),
        ...le(34, 2),
        ...le(56, 2),
        ...le(789, 2),
      ],
    },
    '2019-03-05T12:34:56.7890000Z',
  ],
  ['SID', { type: 0x13, bytes: [1, 2, 0, 0, 0, 0, 0, 5, ...le(32, 4), ...le(544, 4)] }, 'S-1-5-32-544'],
  ['HexInt32 not padded', { type: 0x14, bytes: le(0x1f, 4) }, '0x1f'],
  ['HexInt64', { type: 0x15, bytes: [...le(0, 4), ...le(0x80000000, 4)] }, '0x8000000000000000'],
  ['ANSI as windows-1252', { type: 0x02, bytes: [0x41, 0x80, 0xe9, 0] }, 'A€é'],
  ['UTF-16 with trailing NUL and escaping', { type: 0x01, bytes: u16s('a<b>&"c\0') }, 'a&lt;b&gt;&amp;&quot;c'],
];

for (const [name, v, expected] of cases) {
  if (name.startsWith('FILETIME')) continue;
  values(name, async () => {
    const { xml } = await renderValue(v);
    assert.is(dataOf(xml), expected === '' ? '<Data Name="v"/>' : `<Data Name="v">${expected}</Data>`);
  });
}

values('FILETIME as ISO-8601 UTC with 7 fractional digits', async () => {
  const ft = 131753758648816283n;
  const bytes = Array.from({ length: 8 }, (_, i) => Number((ft >> BigInt(8 * i)) & 0xffn));
  const { xml } = await renderValue({ type: 0x11, bytes });
  assert.is(dataOf(xml), '<Data Name="v">2018-07-06T18:37:44.8816283Z</Data>');
});

values('string array: one Data element per item (EventLog 6009)', async () => {
  const { xml, rec } = await renderValue({ type: 0x81, bytes: u16s('10.00.\u000017134\u0000\u0000x\u0000') });
  assert.is(
    dataOf(xml),
    '<Data Name="v">10.00.</Data><Data Name="v">17134</Data><Data Name="v"/><Data Name="v">x</Data>',
  );
  assert.equal(rec.event().data, { v: ['10.00.', '17134', '', 'x'] });
});

values('UInt64 array (0x8A)', async () => {
  const { xml } = await renderValue({ type: 0x8a, bytes: [...le(1, 4), 0, 0, 0, 0, ...le(2, 4), 0, 0, 0, 0] });
  assert.is(dataOf(xml), '<Data Name="v">1</Data><Data Name="v">2</Data>');
});

values('unknown value type becomes hex text plus a warning, never a throw', async () => {
  const { xml, rec } = await renderValue({ type: 0x33, bytes: [1, 2] });
  assert.is(dataOf(xml), '<Data Name="v">0102</Data>');
  assert.match(rec.warnings[0]!, /value type 0x33/);
});

values('unpaired surrogates do not throw', async () => {
  const { xml, rec } = await renderValue({
    type: 0x01,
    bytes: [...le(0xd800, 2), ...u16s('ok'), ...le(0xdc00, 2), ...u16s('y'.repeat(40))],
  });
  assert.match(xml, /ok/);
  assert.ok(rec.event().values[0]!.includes('ok'));
});

values('line breaks and controls are written as character references (one event per line)', async () => {
  const { xml } = await renderValue({ type: 0x01, bytes: u16s('a\r\nb\u0003') });
  assert.is(dataOf(xml), '<Data Name="v">a&#13;&#10;b&#3;</Data>');
});

values.run();

// ---------------------------------------------------------------------------------------------
const tokens = suite('binary XML tokens and templates');

function systemTemplate(d: BinXml): void {
  d.open('Event', true).attr('xmlns').text(NS).closeStart();
  d.open('System', false).closeStart();
  d.open('Provider', true).attr('Name').sub(0, 0x01).attr('Guid', true).sub(1, 0x0f, true).closeEmpty();
  d.open('EventID', true).attr('Qualifiers').sub(2, 0x06, true).closeStart().sub(3, 0x06).end();
  d.open('TimeCreated', true).attr('SystemTime').sub(4, 0x11).closeEmpty();
  d.open('EventRecordID', false).closeStart().sub(5, 0x0a).end();
  d.open('Security', true).attr('UserID').sub(6, 0x13, true).closeEmpty();
  d.end();
  d.open('EventData', false).closeStart();
  d.open('Data', false).closeStart().sub(7, 0x01).end();
  d.open('Data', false).closeStart().sub(8, 0x01).end();
  d.open('Binary', false).closeStart().sub(9, 0x0e, true).end();
  d.end().end();
}

function systemValues(id: number, computer: string): Val[] {
  return [
    { type: 0x01, bytes: u16s('Service Control Manager') },
    { type: 0x00, bytes: [] },
    { type: 0x06, bytes: le(16384, 2) },
    { type: 0x06, bytes: le(7036, 2) },
    { type: 0x11, bytes: [0x9b, 0x4b, 0x6a, 0x4f, 0x6e, 0x15, 0xd4, 0x01] },
    { type: 0x0a, bytes: [...le(id, 4), 0, 0, 0, 0] },
    { type: 0x00, bytes: [] },
    { type: 0x01, bytes: u16s(computer) },
    { type: 0x01, bytes: u16s('running') },
    { type: 0x0e, bytes: [0x41, 0x00] },
  ];
}

tokens(
  'template defined inline by the first record and reused by the next; null optional attributes dropped',
  async () => {
    const r1 = record(512, 1n, (w) => templateInstance(w, systemValues(100, 'W3SVC'), systemTemplate));
    const defOffset = 512 + 24 + 10;
    const r2 = record(512 + r1.length, 2n, (w) => templateInstance(w, systemValues(101, 'WAS'), defOffset));
    const recs = recordsOf(await items(evtxFile([chunk([r1, r2])])));
    assert.is(recs.length, 2);
    assert.is(
      recs[1]!.xml(),
      `<Event xmlns="${NS}"><System><Provider Name="Service Control Manager"/><EventID Qualifiers="16384">7036</EventID>` +
        `<TimeCreated SystemTime="2018-07-06T21:14:22.3539099Z"/><EventRecordID>101</EventRecordID><Security/></System>` +
        `<EventData><Data>WAS</Data><Data>running</Data><Binary>4100</Binary></EventData></Event>`,
    );
    const ev = recs[0]!.event();
    assert.is(ev.provider, 'Service Control Manager');
    assert.is(ev.providerGuid, null);
    assert.is(ev.eventId, 7036);
    assert.is(ev.qualifiers, 16384);
    assert.is(ev.eventRecordId, 100n);
    assert.is(ev.timeCreated, 0x01d4156e4f6a4b9bn);
    assert.equal(ev.data, { '#1': 'W3SVC', '#2': 'running', Binary: '4100' });
    assert.equal(ev.values, ['W3SVC', 'running', '4100']);
    const tree = recs[0]!.tree();
    assert.is(tree.name, 'Event');
    assert.is(tree.children.length, 2);
  },
);

tokens('CDATA, character and entity references, processing instructions, 0x45 "more" value bit', async () => {
  const r = record(512, 1n, (w) => {
    w.fragment();
    w.open('Event', false, false).closeStart();
    w.u8(0x0a).name('xml-stylesheet').u8(0x0b).u16(4).utf16('a="b');
    w.open('UserData', false, false).closeStart();
    w.open('Msg', true, false).attr('k').text('x', true).text('y').closeStart();
    w.u8(0x07).u16(3).utf16('<c>');
    w.u8(0x08).u16(0x41);
    w.u8(0x09).name('amp');
    w.end();
    w.end().end().eof();
  });
  const recs = recordsOf(await items(evtxFile([chunk([r])])));
  assert.is(
    recs[0]!.xml(),
    '<Event><?xml-stylesheet a="b?><UserData><Msg k="xy"><![CDATA[<c>]]>&#65;&amp;</Msg></UserData></Event>',
  );
  assert.equal(recs[0]!.event().data, { Msg: { '#attributes': { k: 'xy' }, '#text': '<c>A&' } });
});

tokens('records with no template (element stream without dependency ids) render', async () => {
  const r = record(512, 1n, (w) => {
    w.fragment();
    w.open('Event', true, false).attr('xmlns').text(NS).closeStart();
    w.open('System', false, false).closeStart().open('EventID', false, false).closeStart().text('1151').end().end();
    w.end().eof();
  });
  const recs = recordsOf(await items(evtxFile([chunk([r])])));
  assert.is(recs[0]!.xml(), `<Event xmlns="${NS}"><System><EventID>1151</EventID></System></Event>`);
  assert.is(recs[0]!.event().eventId, 1151);
});

tokens('nested BinXml value (0x21) with its own template instance', async () => {
  const r = record(512, 1n, (w) => {
    // Outer template: <Event><UserData>{0:BinXml}</UserData></Event>; the value holds a fragment
    // with a template instance <Op Id="{0}"/>.
    w.u8(0x0c, 0x01).u32(1);
    const def = w.pos + 4;
    w.u32(def);
    const body: number[] = [];
    const d = new (w.constructor as new (b: number) => BinXml)(def + 24);
    d.fragment();
    d.open('Event', false).closeStart().open('UserData', false).closeStart().sub(0, 0x21).end().end().eof();
    body.push(...d.a);
    w.u32(0).raw(new Array(16).fill(0)).u32(body.length).raw(body);
    w.u32(1);
    // The nested value starts after its descriptor: compute its chunk offset first.
    const valueAt = w.pos + 4;
    const v = new (w.constructor as new (b: number) => BinXml)(valueAt);
    v.fragment();
    templateInstance(v, [{ type: 0x08, bytes: le(42, 4) }], (n) =>
      n.open('Op', true).attr('Id').sub(0, 0x08).closeEmpty(),
    );
    w.u16(v.a.length).u8(0x21, 0).raw(v.a);
  });
  const recs = recordsOf(await items(evtxFile([chunk([r])])));
  assert.is(recs.length, 1);
  assert.is(recs[0]!.xml(), '<Event><UserData><Op Id="42"/></UserData></Event>');
  assert.equal(recs[0]!.event().data, { Op: { '#attributes': { Id: '42' }, '#text': null } });
});

tokens('element nesting deeper than the cap is an error item, not a crash', async () => {
  const r = record(512, 1n, (w) => {
    w.fragment();
    for (let i = 0; i < 80; i++) w.open('E', false, false).closeStart();
    for (let i = 0; i < 80; i++) w.end();
    w.eof();
  });
  const all = await items(evtxFile([chunk([r])]));
  assert.equal(
    all.map((x) => x.kind),
    ['error'],
  );
  assert.match((all[0] as { message: string }).message, /nested deeper/);
});

tokens('a record referring to a template that is not there is an error item with offsets', async () => {
  const r = record(512, 9n, (w) => templateInstance(w, [], 0x8000));
  const all = await items(evtxFile([chunk([r])]));
  assert.is(all[0]!.kind, 'error');
  const e = all[0] as { recordId: bigint; offset: number; message: string };
  assert.is(e.recordId, 9n);
  assert.is(e.offset, 4096 + 512);
});

tokens.run();

// ---------------------------------------------------------------------------------------------
const damage = suite('damaged records and carving');

const small = (at: number, id: bigint, opts: { sizeCopy?: number } = {}): Uint8Array =>
  record(at, id, (w) => templateInstance(w, [{ type: 4, bytes: [1] }], (d) => dataTemplate(d, 4)), opts);

damage('size running past the chunk stops the chunk with an error item', async () => {
  const r = small(512, 1n);
  new DataView(r.buffer).setUint32(4, 0x20000, true);
  const all = await items(evtxFile([chunk([r])]));
  assert.equal(
    all.map((x) => x.kind),
    ['error'],
  );
  assert.match((all[0] as { message: string }).message, /runs past the chunk end/);
});

damage('size copy mismatch: record with a warning when lenient, error when strict', async () => {
  const r = small(512, 1n, { sizeCopy: 0 });
  const lenient = recordsOf(await items(evtxFile([chunk([r])])));
  assert.is(lenient.length, 1);
  assert.match(lenient[0]!.warnings[0]!, /does not match its copy/);
  const strict = await items(evtxFile([chunk([r])]), { strict: true });
  assert.equal(
    strict.map((x) => x.kind),
    ['error'],
  );
});

damage('zero record size is an error item (sample-with-zero-data-size-event)', async () => {
  const r1 = small(512, 1n);
  const r2 = new Bytes().u32(0x2a2a).u32(0).u64(2n).u64(0n).u64(0n).bytes();
  const all = await items(evtxFile([chunk([r1, r2])]));
  assert.equal(
    all.map((x) => x.kind),
    ['record', 'error'],
  );
});

damage('parseChunk works on a bare chunk (worker API)', () => {
  const out = parseChunk(chunk([small(512, 1n), small(512 + small(512, 1n).length, 2n)]), 5, 4096 + 5 * 65536, {
    fileName: 'w.evtx',
  });
  const recs = out.filter((x): x is EvtxRecord => x.kind === 'record');
  assert.is(recs.length, 2);
  assert.is(recs[0]!.chunkIndex, 5);
  assert.is(recs[0]!.offset, 4096 + 5 * 65536 + 512);
  assert.match(recs[1]!.xml(), /<Data Name="v">1<\/Data>/);
});

damage('--carve recovers records from slack space after the free-space offset, once', async () => {
  const r1 = small(512, 1n);
  const stale = small(512 + r1.length, 77n);
  const dup = small(512 + r1.length + stale.length, 1n);
  const slack = new Uint8Array([...stale, ...dup]);
  const file = evtxFile([chunk([r1], { slack })]);
  assert.is(recordsOf(await items(file)).length, 1);
  const carved = recordsOf(await items(file, { carve: true }));
  assert.equal(
    carved.map((x) => [x.recordId, x.carved]),
    [
      [1n, false],
      [77n, true],
    ],
  );
});

damage('--carve scans blocks with a bad chunk magic', async () => {
  const c = chunk([small(512, 3n)]);
  c.fill(0, 0, 8);
  c[0] = 1;
  const recs = recordsOf(await items(evtxFile([c]), { carve: true }));
  assert.equal(
    recs.map((x) => [x.recordId, x.carved]),
    [[3n, true]],
  );
});

damage.run();

// ---------------------------------------------------------------------------------------------
const fanout = suite('hostile fan-out');

fanout('a nested value referenced many times at every level is capped, not rendered 30^8 times', async () => {
  // Each level: fragment + template instance whose template repeats {0:BinXml} 30 times; the
  // value holds the next level. The template is defined once (level 0) and referenced after.
  let defOffset = -1;
  const level = (w: BinXml, depth: number): void => {
    w.fragment();
    const inner = (v: BinXml): void => {
      if (depth < 8) level(v, depth + 1);
      else v.fragment().open('Leaf', false, false).closeEmpty().eof();
    };
    w.u8(0x0c, 0x01).u32(1);
    if (defOffset < 0) {
      defOffset = w.pos + 4;
      w.u32(defOffset);
      const d = new (w.constructor as new (b: number) => BinXml)(defOffset + 24);
      d.fragment().open('E', false).closeStart();
      for (let i = 0; i < 30; i++) d.sub(0, 0x21);
      d.end().eof();
      w.u32(0).raw(new Array(16).fill(0)).u32(d.a.length).raw(d.a);
    } else w.u32(defOffset);
    w.u32(1);
    const v = new (w.constructor as new (b: number) => BinXml)(w.pos + 4);
    inner(v);
    w.u16(v.a.length).u8(0x21, 0).raw(v.a);
  };
  const r = record(512, 1n, (w) => level(w, 0));
  const recs = recordsOf(await items(evtxFile([chunk([r])])));
  assert.is(recs.length, 1);
  const started = Date.now();
  assert.is(recs[0]!.xml(), '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"/>');
  recs[0]!.tree();
  recs[0]!.event();
  assert.ok(Date.now() - started < 5000);
  assert.match(recs[0]!.warnings[0]!, /rendering exceeds/);
});

fanout.run();
