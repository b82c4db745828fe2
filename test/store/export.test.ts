import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestPaths } from '../../src/ingest/index.js';
import { openDatabase } from '../../src/store/db.js';
import { schemaTables } from '../../src/store/dataset-tables.js';
import { exportParquet } from '../../src/store/export-parquet.js';
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
    const r = await exportParquet(db.conn, out);
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

x.run();
