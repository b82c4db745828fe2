import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestPaths } from '../../src/ingest/index.js';
import { openDatabase } from '../../src/store/db.js';
import { schemaTables } from '../../src/store/dataset-tables.js';
import { BATCH_ROWS, batchFilters, exportParquet } from '../../src/store/export-parquet.js';
import { rows, tempDir } from '../ingest/helpers.js';

const x = suite('store/export-parquet');

const ev = (host: string, rec: number, time: string): string =>
  `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='EventLog'/><EventID Qualifiers='32768'>6005</EventID><Level>4</Level><TimeCreated SystemTime='${time}'/><EventRecordID>${rec}</EventRecordID><Channel>System</Channel><Computer>${host}</Computer></System><EventData><Binary></Binary></EventData></Event>`;

x('events partitioned by host and day; the same SQL runs on the Parquet files', async () => {
  const t = tempDir();
  const db = await openDatabase(':memory:');
  try {
    const f = join(t.dir, 'e.xml');
    writeFileSync(
      f,
      [
        ev('WEB01', 1, '2024-03-01T10:00:00.0000001Z'),
        ev('WEB01', 2, '2024-03-02T10:00:00Z'),
        ev('WEB02', 1, '2024-03-01T23:59:59.9999999Z'),
      ].join('\n'),
    );
    await ingestPaths(db, [f]);
    const out = join(t.dir, 'pq');
    const r = await exportParquet(db, out);
    assert.is(r.events, 3);
    assert.is(r.partitions, 3);
    assert.ok(existsSync(join(out, 'events', 'host=WEB01', 'day=2024-03-01')));
    assert.ok(existsSync(join(out, 'files', 'data_0.parquet')));
    assert.equal(
      Object.keys(r.tables),
      (await schemaTables()).map((t) => t.name),
      'every table of the schema',
    );
    assert.is(r.tables.files, 1);
    assert.ok(
      existsSync(join(out, 'ssl_events', 'data_0.parquet')) || existsSync(join(out, 'ssl_events')),
      'domain tables exported',
    );
    const back = await rows(
      db,
      `SELECT host, day, ts::VARCHAR AS ts, record_id::INTEGER AS r, message FROM read_parquet('${out}/events/**/*.parquet', hive_partitioning = true) ORDER BY host, ts`,
    );
    assert.equal(back, [
      {
        host: 'WEB01',
        day: '2024-03-01',
        ts: '2024-03-01 10:00:00.0000001',
        r: 1,
        message: 'The Event log service was started.',
      },
      {
        host: 'WEB01',
        day: '2024-03-02',
        ts: '2024-03-02 10:00:00',
        r: 2,
        message: 'The Event log service was started.',
      },
      {
        host: 'WEB02',
        day: '2024-03-01',
        ts: '2024-03-01 23:59:59.9999999',
        r: 1,
        message: 'The Event log service was started.',
      },
    ]);
  } finally {
    db.close();
    t.cleanup();
  }
});

x('partitions are written in batches of whole partitions: one host in part names its days, whole hosts by name', () => {
  const half = BATCH_ROWS / 2;
  assert.equal(batchFilters([{ host: 'A', day: '2024-03-01', rows: 10 }]), [null], 'a small table in one COPY');
  assert.equal(
    batchFilters([
      { host: null, day: 'unknown', rows: 5 },
      { host: 'A', day: '2024-03-01', rows: half },
      { host: 'A', day: '2024-03-02', rows: half },
      { host: 'A', day: 'unknown', rows: 1 },
      { host: "O'B", day: '2024-03-01', rows: 2 * BATCH_ROWS },
      { host: 'C', day: '2024-03-01', rows: 1 },
      { host: 'D', day: '2024-03-05', rows: 1 },
    ]),
    [
      "host IS NULL OR (host = 'A' AND ts >= '2024-03-01'::TIMESTAMP AND ts < '2024-03-01'::TIMESTAMP + INTERVAL 1 DAY)",
      "(host = 'A' AND (ts >= '2024-03-02'::TIMESTAMP OR ts IS NULL))",
      "host IN ('O''B')",
      "host IN ('C', 'D')",
    ],
  );
  assert.equal(
    batchFilters([
      { host: 'A', day: null, rows: BATCH_ROWS },
      { host: 'B', day: null, rows: 1 },
    ]),
    ["host IN ('A')", "host IN ('B')"],
    'a table partitioned by host alone',
  );
});

x('a table larger than one batch: every row lands once, in its own partition', async () => {
  const t = tempDir();
  const db = await openDatabase(':memory:');
  try {
    // rows of three hosts (one NULL) over four days and without a time, more than two batches
    await db.conn.run(`INSERT INTO files (file_id, path, sha256, kind, size) VALUES (1, 'x.evtx', 'ab', 'evtx', 0)`);
    await db.conn.run(
      `INSERT INTO events (file_id, host, event_id, record_id, ts, message)
       SELECT 1, CASE i % 3 WHEN 0 THEN 'WEB01' WHEN 1 THEN 'WEB02' END, 7036, i,
              CASE WHEN i % 97 = 0 THEN NULL ELSE TIMESTAMP_NS '2024-03-01 00:00:00' + to_hours(i % 96) END,
              'message ' || i
       FROM range(${BATCH_ROWS * 2 + 123}) r(i)`,
    );
    const out = join(t.dir, 'pq');
    const r = await exportParquet(db, out);
    assert.is(r.events, BATCH_ROWS * 2 + 123);
    assert.is(r.partitions, 15, '3 hosts x (4 days + no time)');
    const src = `read_parquet('${out}/events/**/*.parquet', hive_partitioning = true, hive_types_autocast = false)`;
    const back = await rows(
      db,
      `SELECT count(*)::INTEGER AS n, count(DISTINCT p.record_id)::INTEGER AS ids,
              count(*) FILTER (WHERE coalesce(strftime(p.ts, '%Y-%m-%d'), 'unknown') <> p.day)::INTEGER AS wrong_day,
              count(*) FILTER (WHERE (e.host IS NULL) <> (p.host = '__HIVE_DEFAULT_PARTITION__'))::INTEGER AS wrong_host
       FROM ${src} p LEFT JOIN events e ON e.record_id = p.record_id`,
    );
    assert.equal(back, [{ n: BATCH_ROWS * 2 + 123, ids: BATCH_ROWS * 2 + 123, wrong_day: 0, wrong_host: 0 }]);
  } finally {
    db.close();
    t.cleanup();
  }
});

x.run();
