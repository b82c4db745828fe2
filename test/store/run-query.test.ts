import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { openDatabase } from '../../src/store/db.js';
import { runSavedQuery, streamSavedQuery, type Row } from '../../src/store/run-query.js';
import { parseSavedQuery } from '../../src/store/saved-query.js';

const q = suite('store/run-query');

/** Every kind of value a saved query returns, with NULLs and text that JSON must escape. */
const VALUES = `
SELECT * FROM (VALUES
  ('plain', 1::INTEGER, 9007199254740993::BIGINT, 18446744073709551615::UBIGINT, 170141183460469231731687303715884105727::HUGEINT,
   12.50::DECIMAL(9, 2), 2.5::DOUBLE, true, TIMESTAMP '2024-03-01 10:00:00.1234567', '2024-03-01 10:00:00.123456789'::TIMESTAMP_NS,
   DATE '2024-02-29', '\\x00\\xff'::BLOB, INTERVAL '90 minutes', ['a', NULL, 'c'], {'ts': '2024-03-01 10:00:01'::TIMESTAMP_NS, 'n': 7::UBIGINT, 'l': [1, 2]},
   [{'id': 1::BIGINT, 'name': 'x'}], '{"k": [1, "two"]}'::JSON, 3::TINYINT, 4::USMALLINT),
  (chr(0) || chr(9) || chr(31) || '"quoted" \\ back/slash ' || chr(10) || 'é 中 😀 ' || chr(8232), NULL, NULL, 0::UBIGINT, NULL,
   NULL, 'NaN'::DOUBLE, NULL, NULL, NULL, NULL, NULL, NULL, [], NULL, NULL, NULL, NULL, NULL)
) t(text, int, big, ubig, huge, dec, dbl, flag, ts, ts_ns, day, bin, span, list, rec, recs, doc, tiny, usmall)
ORDER BY int NULLS LAST`;

function saved(sql: string, params = ''): ReturnType<typeof parseSavedQuery> {
  return parseSavedQuery(`-- id: t\n-- title: t\n${params ? `-- params: ${params}\n` : ''}${sql}`, 't.sql');
}

q('rows read through the row JSON text equal the node-api JSON conversion, keys in column order', async () => {
  const db = await openDatabase(':memory:');
  try {
    const expected = (await db.conn.runAndReadAll(VALUES)).getRowObjectsJson() as Row[];
    const got = await runSavedQuery(db.conn, saved(VALUES));
    assert.equal(got.rows, expected);
    for (let i = 0; i < expected.length; i++) assert.equal(Object.keys(got.rows[i]!), Object.keys(expected[i]!));
    assert.equal(got.columns, Object.keys(expected[0]!));
    assert.is(got.types[got.columns.indexOf('ts_ns')], 'TIMESTAMP_NS');
    assert.is(got.types[got.columns.indexOf('list')], 'VARCHAR[]');
    assert.is(got.types[got.columns.indexOf('dbl')], 'DOUBLE');
    const streamed: Row[] = [];
    const meta = await streamSavedQuery(db.conn, saved(VALUES), {}, (rows) => streamed.push(...rows));
    assert.equal(streamed, expected);
    assert.equal(meta.columns, got.columns);
    assert.equal(meta.types, got.types);
  } finally {
    db.close();
  }
});

q('only text-safe columns: the parsed row is the row; parameters, many chunks and the ORDER BY kept', async () => {
  const db = await openDatabase(':memory:');
  try {
    const sql = `SELECT i::INTEGER AS n, 'row ' || i AS label, (TIMESTAMP '2024-01-01' + i * INTERVAL 1 SECOND)::TIMESTAMP_NS AS ts
                 FROM range(5000) r(i) WHERE $odd::BOOLEAN IS NULL OR i % 2 = 1 ORDER BY i DESC`;
    const plain = sql.replace('$odd::BOOLEAN', 'true::BOOLEAN');
    const expected = (await db.conn.runAndReadAll(plain)).getRowObjectsJson() as Row[];
    const got = await runSavedQuery(db.conn, saved(sql, 'odd:boolean'), { odd: 'true' });
    assert.is(got.rows.length, 2500);
    assert.equal(got.rows, expected);
    assert.equal(got.types, ['INTEGER', 'VARCHAR', 'TIMESTAMP_NS']);
  } finally {
    db.close();
  }
});

q('repeated column names and statements whose types are known only once bound keep the plain conversion', async () => {
  const db = await openDatabase(':memory:');
  try {
    const twice = `SELECT 1 AS a, 'x' AS a`;
    const got = await runSavedQuery(db.conn, saved(twice));
    assert.equal(got.columns, ['a', 'a']);
    assert.equal(got.rows, [{ a: 'x' }]);
    const bound = await runSavedQuery(db.conn, saved(`SELECT $v AS v`, 'v:varchar'), { v: 'hello' });
    assert.equal(bound.rows, [{ v: 'hello' }]);
  } finally {
    db.close();
  }
});

q.run();
