import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { openDatabase } from '../../src/store/db.js';
import { BatchAppender } from '../../src/store/chunk-append.js';
import { BATCH_ROWS, COL, EVENT_COLUMNS, RowBatchBuilder, ticksToNs } from '../../src/store/row-batch.js';

const rb = suite('store/row-batch');

const kinds = EVENT_COLUMNS.map(([, k]) => k);
const STRINGS = [
  '',
  'short',
  'exactly12chr',
  'thirteen char',
  'é',
  'ünïcödé longer than twelve bytes',
  '\u{1F600} emoji',
  'a'.repeat(5000),
  'lone \ud800 surrogate',
];

async function roundTrip(fill: (b: RowBatchBuilder, flush: () => void) => void): Promise<Record<string, unknown>[]> {
  const db = await openDatabase(':memory:');
  try {
    const app = await db.conn.createAppender('events');
    const ba = new BatchAppender(app, kinds);
    const b = new RowBatchBuilder();
    const flush = (): void => {
      const batch = b.finish();
      (batch.columns[COL.file_id] as Int32Array).fill(7, 0, batch.rows);
      ba.append(batch);
    };
    fill(b, flush);
    flush();
    app.flushSync();
    app.closeSync();
    const r = await db.conn.runAndReadAll(
      `SELECT file_id, host, event_id, record_id::VARCHAR AS record_id, ts::VARCHAR AS ts, process_id::VARCHAR AS pid, params, message, recovered, file_offset::VARCHAR AS off FROM events ORDER BY rowid`,
    );
    return r.getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

rb('strings of every shape come back byte-exact (inline, heap, unicode, repeated, lists)', async () => {
  const rows = await roundTrip((b) => {
    for (let i = 0; i < STRINGS.length; i++) {
      b.begin();
      b.setStr(COL.host, STRINGS[i]!);
      b.setStr(COL.message, STRINGS[(i + 3) % STRINGS.length]!);
      b.setList(COL.params, [STRINGS[i]!, 'same', STRINGS[(i + 1) % STRINGS.length]!]);
      b.setInt(COL.event_id, i);
    }
  });
  assert.is(rows.length, STRINGS.length);
  rows.forEach((r, i) => {
    const expect = (s: string): string => Buffer.from(s, 'utf8').toString('utf8');
    assert.is(r.host, expect(STRINGS[i]!));
    assert.is(r.message, expect(STRINGS[(i + 3) % STRINGS.length]!));
    assert.equal(r.params, [expect(STRINGS[i]!), 'same', expect(STRINGS[(i + 1) % STRINGS.length]!)]);
    assert.is(r.event_id, i);
    assert.is(r.file_id, 7);
  });
});

rb('nulls, 64-bit values, timestamps and several full batches', async () => {
  const n = BATCH_ROWS * 2 + 5;
  const rows = await roundTrip((b, flush) => {
    for (let i = 0; i < n; i++) {
      if (b.full) flush();
      b.begin();
      b.setStr(COL.host, i % 3 === 0 ? null : `HOST-${i % 5}`);
      b.setBigInt(COL.record_id, i === 1 ? 18446744073709551615n : BigInt(i));
      b.setTicks(COL.ts, i === 2 ? 0n : 132000000000000000n + BigInt(i));
      b.setU64(COL.process_id, i === 3 ? null : 4294967296 * 3 + i);
      b.setU64(COL.file_offset, 4096 + i);
      b.setList(COL.params, []);
      b.setBool(COL.recovered, i % 2 === 1);
      b.setInt(COL.event_id, i === 4 ? null : 7036);
    }
  });
  assert.is(rows.length, n);
  assert.is(rows[n - 1]!.off, String(4096 + n - 1));
  assert.is(rows[0]!.host, null);
  assert.is(rows[1]!.host, 'HOST-1');
  assert.is(rows[1]!.record_id, '18446744073709551615');
  assert.is(rows[2]!.ts, null, 'FILETIME 0 (1601) is outside TIMESTAMP_NS: NULL');
  assert.is(rows[5]!.ts, '2019-04-17 18:40:00.0000005');
  assert.is(rows[3]!.pid, null);
  assert.is(rows[5]!.pid, String(4294967296 * 3 + 5));
  assert.is(rows[5]!.off, '4101');
  assert.is(rows[4]!.event_id, null);
  assert.is(rows[5]!.recovered, true);
  assert.equal(rows[5]!.params, []);
});

rb('JSON objects written as bytes equal JSON.stringify (escapes, unicode, inline and heap, arrays)', async () => {
  const texts = [
    '',
    'a',
    'quote " and \\ backslash',
    'ctl \u0000\u0001\b\t\n\f\r\u001f\u007f end',
    'é ü',
    '\u{1F600}',
    'x'.repeat(300),
    '%%8099',
    '0x8009030D',
    'ünïcödé text longer than twenty-four chars',
    'a long plain ASCII value with "quotes" inside',
  ];
  const objects: { keys: string[]; leaves: (string | string[])[] }[] = [
    { keys: [], leaves: [] },
    { keys: ['#1'], leaves: [''] },
    { keys: ['a'], leaves: ['b'] },
    { keys: ['Név', 'k"q', 'List'], leaves: ['v', 'w', ['1', 'é', '"']] },
    { keys: texts.map((_, i) => `Param${i}`), leaves: texts },
    ...texts.map((t) => ({ keys: ['Data'], leaves: [t] })),
  ];
  const db = await openDatabase(':memory:');
  try {
    const app = await db.conn.createAppender('events');
    const ba = new BatchAppender(app, kinds);
    const b = new RowBatchBuilder();
    for (const o of objects) {
      b.begin();
      b.setJsonObject(
        COL.data,
        o.keys.map((k) => JSON.stringify(k) + ':'),
        o.leaves,
      );
      b.setList(COL.params, []);
      b.setBool(COL.recovered, false);
    }
    const batch = b.finish();
    ba.append(batch);
    app.flushSync();
    app.closeSync();
    const r = await db.conn.runAndReadAll('SELECT data::VARCHAR AS d FROM events ORDER BY rowid');
    const got = r.getRows().map((x) => x[0]);
    assert.equal(
      got,
      objects.map((o) => JSON.stringify(Object.fromEntries(o.keys.map((k, i) => [k, o.leaves[i]])))),
    );
  } finally {
    db.close();
  }
});

rb('FILETIME → ns since 1970', () => {
  assert.is(ticksToNs(116444736000000000n), 0n);
  assert.is(ticksToNs(116444736000000001n), 100n);
  assert.is(ticksToNs(0n), null);
});

rb.run();
