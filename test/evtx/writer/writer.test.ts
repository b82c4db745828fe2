/**
 * The writer's output read back by our reader: record ids, times, System fields and EventData values
 * identical; CRC32s checked independently (zlib); chunk roll-over, per-chunk template definitions,
 * the dirty option and oversized records.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { readEvtx } from '../../../src/evtx/index.js';
import type { EvtxRecord } from '../../../src/evtx/items.js';
import { CHUNK_SIZE, FILE_HEADER_SIZE } from '../../../src/evtx/types.js';
import { crc32, v, writeEvtx, type EventSpec } from '../../../src/evtx/writer/index.js';

const T0 = 134183564069657738n;
const PROVIDER = { name: 'Microsoft-Windows-Test', guid: '{9C6E90FE-A893-4ACD-A858-5E51FCBE7805}' };

/** One event per value type, plus the expected value as the reader's `data` shows it. */
const TYPED: [string, ReturnType<typeof v.str>, unknown][] = [
  ['String', v.str('héllo <&> "x"'), 'héllo <&> "x"'],
  ['Ansi', v.ansi('abc'), 'abc'],
  ['Int8', v.i8(-5), -5],
  ['UInt8', v.u8(250), 250],
  ['Int16', v.i16(-300), -300],
  ['UInt16', v.u16(65000), 65000],
  ['Int32', v.i32(-70000), -70000],
  ['UInt32', v.u32(4000000000), 4000000000],
  ['Int64', v.i64(-5n), -5],
  ['UInt64', v.u64(18446744073709551615n), '18446744073709551615'],
  ['Real64', v.real64(1.5), 1.5],
  ['Bool', v.bool(true), true],
  ['Binary', v.bin(Uint8Array.of(0xde, 0xad, 0xbe, 0xef)), 'DEADBEEF'],
  ['Guid', v.guid('{9c6e90fe-a893-4acd-a858-5e51fcbe7805}'), '{9C6E90FE-A893-4ACD-A858-5E51FCBE7805}'],
  ['SizeT', v.sizeT(4096), '0x1000'],
  ['FileTime', v.filetime(T0), '2026-03-19T01:13:26.9657738Z'],
  ['SysTime', v.systime(T0), '2026-03-19T01:13:26.9650000Z'],
  ['Sid', v.sid('S-1-5-21-1-2-3-500'), 'S-1-5-21-1-2-3-500'],
  ['HexInt32', v.hex32(0x80090016), '0x80090016'],
  ['HexInt64', v.hex64(0x3e7), '0x3e7'],
  ['StringArray', v.strArray(['x', '', 'y']), ['x', '', 'y']],
  ['Empty', v.str(''), ''],
];

function event(n: number, over: Partial<EventSpec> = {}): EventSpec {
  return {
    provider: PROVIDER,
    eventId: 100 + (n % 7),
    version: n % 3,
    level: 4,
    task: n % 5,
    opcode: 0,
    keywords: 0x8000000000000000n,
    timeCreated: T0 + BigInt(n) * 10_000_000n + 1234n,
    recordId: BigInt(5000 + n),
    processId: 600 + n,
    threadId: 900 + n,
    channel: 'System',
    computer: 'WEB01.contoso.local',
    userSid: n % 2 ? 'S-1-5-18' : null,
    activityId: n % 4 === 0 ? '{E8FA5C98-D3DD-0002-0D5D-FAE8DDD3DB01}' : null,
    data: {
      kind: 'event-data',
      items: [
        { name: 'Index', value: v.u32(n) },
        { name: 'Text', value: v.str(`event ${n} ${'x'.repeat(n % 40)}`) },
      ],
    },
    ...over,
  };
}

async function records(bytes: Uint8Array, strict = true): Promise<EvtxRecord[]> {
  const out: EvtxRecord[] = [];
  for await (const it of readEvtx(bytes, { strict })) {
    if (it.kind !== 'record') throw new Error(`reader reported ${it.kind}: ${it.message}`);
    out.push(it);
  }
  return out;
}

const dv = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

const roundTrip = suite('evtx writer: round trip through the reader');

roundTrip('every value type comes back with the value written', async () => {
  const spec = event(1, { data: { kind: 'event-data', items: TYPED.map(([name, value]) => ({ name, value })) } });
  const [rec] = await records(writeEvtx([spec]));
  const data = rec!.event().data!;
  for (const [name, , expected] of TYPED) assert.equal(data[name], expected, name);
});

roundTrip('System fields, record ids and times over many chunks', async () => {
  const specs = Array.from({ length: 1500 }, (_, n) => event(n));
  const recs = await records(writeEvtx(specs));
  assert.is(recs.length, specs.length);
  assert.ok(new Set(recs.map((r) => r.chunkIndex)).size > 3, 'rolled over into several chunks');
  recs.forEach((r, i) => {
    const s = specs[i]!;
    const e = r.event();
    assert.is(r.recordId, s.recordId);
    assert.is(r.writtenTicks, s.timeCreated);
    assert.is(e.eventRecordId, s.recordId);
    assert.is(e.timeCreated, s.timeCreated);
    assert.is(e.provider, PROVIDER.name);
    assert.is(e.providerGuid, PROVIDER.guid);
    assert.is(e.eventId, s.eventId);
    assert.is(e.version, s.version);
    assert.is(e.level, s.level);
    assert.is(e.task, s.task);
    assert.is(e.keywords, '0x8000000000000000');
    assert.is(e.processId, s.processId);
    assert.is(e.threadId, s.threadId);
    assert.is(e.channel, 'System');
    assert.is(e.computer, 'WEB01.contoso.local');
    assert.is(e.userSid, s.userSid ?? null);
    assert.is(e.activityId, s.activityId ?? null);
    assert.equal(e.data, { Index: i, Text: `event ${i} ${'x'.repeat(i % 40)}` });
  });
});

roundTrip('classic layout: qualifiers, EventSourceName, Binary, unnamed insertion strings, UserData', async () => {
  const scm = {
    name: 'Service Control Manager',
    guid: '{555908d1-a6d7-4695-8e1e-26931d2012f4}',
    eventSourceName: 'Service Control Manager',
  };
  const binary = new Uint8Array(Buffer.from('IISADMIN/4\0', 'utf16le'));
  const recs = await records(
    writeEvtx([
      event(1, {
        provider: scm,
        eventId: 7036,
        qualifiers: 16384,
        data: {
          kind: 'event-data',
          items: [
            { name: 'param1', value: v.str('IIS Admin Service') },
            { name: 'param2', value: v.str('running') },
          ],
          binary,
        },
      }),
      event(2, {
        provider: { name: 'EventLog' },
        eventId: 6009,
        qualifiers: 32768,
        data: { kind: 'event-data', strings: ['10.00.', '17763', '', 'Multiprocessor Free', '0'], binary: null },
      }),
      event(3, {
        provider: { name: 'EventLog' },
        eventId: 6005,
        qualifiers: 32768,
        data: { kind: 'event-data', strings: null, binary: Uint8Array.of(1, 2) },
      }),
      event(4, {
        data: {
          kind: 'user-data',
          root: 'ServiceShutdown',
          xmlns: 'http://manifests.microsoft.com/win/2004/08/windows/eventlog',
          fields: [{ name: 'Code', value: v.u32(7) }],
        },
      }),
    ]),
  );
  const [a, b, c, d] = recs.map((r) => r.event());
  assert.is(a!.qualifiers, 16384);
  assert.is(a!.eventSourceName, 'Service Control Manager');
  assert.is(a!.providerGuid?.toUpperCase(), '{555908D1-A6D7-4695-8E1E-26931D2012F4}');
  assert.equal(a!.data, {
    param1: 'IIS Admin Service',
    param2: 'running',
    Binary: Buffer.from(binary).toString('hex').toUpperCase(),
  });
  assert.equal(b!.values.slice(0, 5), ['10.00.', '17763', '', 'Multiprocessor Free', '0']);
  assert.equal([b!.data!['#1'], b!.data!['#2'], b!.data!['#4']], ['10.00.', '17763', 'Multiprocessor Free']);
  assert.is(c!.data!.Binary, '0102');
  assert.equal(d!.data, {
    ServiceShutdown: {
      '#attributes': { xmlns: 'http://manifests.microsoft.com/win/2004/08/windows/eventlog' },
      Code: 7,
    },
  });
});

const layout = suite('evtx writer: file layout');

layout('CRC32s of file header, chunk headers and record data are correct', () => {
  const bytes = writeEvtx(Array.from({ length: 700 }, (_, n) => event(n)));
  assert.is((bytes.length - FILE_HEADER_SIZE) % CHUNK_SIZE, 0);
  assert.is(crc32(bytes, 0, 120), zlibCrc32(bytes.subarray(0, 120)));
  assert.is(dv(bytes).getUint32(124, true), zlibCrc32(bytes.subarray(0, 120)));
  const chunks = (bytes.length - FILE_HEADER_SIZE) / CHUNK_SIZE;
  assert.is(dv(bytes).getUint16(42, true), chunks);
  for (let i = 0; i < chunks; i++) {
    const c = bytes.subarray(FILE_HEADER_SIZE + i * CHUNK_SIZE, FILE_HEADER_SIZE + (i + 1) * CHUNK_SIZE);
    const free = dv(c).getUint32(48, true);
    assert.ok(free <= CHUNK_SIZE - 8, 'records stop short of the chunk end');
    assert.is(dv(c).getUint32(52, true), zlibCrc32(c.subarray(512, free)), `chunk ${i} records`);
    const header = Buffer.concat([c.subarray(0, 120), c.subarray(128, 512)]);
    assert.is(dv(c).getUint32(124, true), zlibCrc32(header), `chunk ${i} header`);
  }
});

layout('each template is defined once per chunk (inline in its first record)', () => {
  const bytes = writeEvtx(Array.from({ length: 900 }, (_, n) => event(n)));
  const chunks = (bytes.length - FILE_HEADER_SIZE) / CHUNK_SIZE;
  for (let i = 0; i < chunks; i++) {
    const c = bytes.subarray(FILE_HEADER_SIZE + i * CHUNK_SIZE, FILE_HEADER_SIZE + (i + 1) * CHUNK_SIZE);
    const defs = new Set<number>();
    for (let b = 0; b < 32; b++) {
      for (let off = dv(c).getUint32(384 + 4 * b, true), hops = 0; off !== 0 && hops < 100; hops++) {
        defs.add(off);
        off = dv(c).getUint32(off, true);
      }
    }
    // One System template and one EventData template are in use: two definitions per chunk.
    assert.is(defs.size, 2, `chunk ${i}`);
  }
});

layout('dirty option: flag set, header stale, every record still read', async () => {
  const specs = Array.from({ length: 800 }, (_, n) => event(n));
  const clean = writeEvtx(specs);
  const dirty = writeEvtx(specs, { dirty: true });
  const chunks = (dirty.length - FILE_HEADER_SIZE) / CHUNK_SIZE;
  assert.is(dv(clean).getUint32(120, true), 0);
  assert.is(dv(dirty).getUint32(120, true), 1);
  assert.is(dv(dirty).getUint16(42, true), chunks - 1, 'header lags one chunk');
  assert.ok(dv(dirty).getBigUint64(24, true) < dv(clean).getBigUint64(24, true), 'next record id is stale');
  assert.is((await records(dirty, false)).length, specs.length);
});

layout('a record larger than a chunk is refused', () => {
  const huge = event(1, {
    data: {
      kind: 'event-data',
      items: Array.from({ length: 6 }, (_, i) => ({ name: `B${i}`, value: v.bin(new Uint8Array(12_000)) })),
    },
  });
  assert.throws(() => writeEvtx([huge]), /does not fit/);
});

roundTrip.run();
layout.run();
