import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { InputError } from '../../src/errors.js';
import { ingestPaths } from '../../src/ingest/index.js';
import { samplesDir } from '../../src/paths.js';
import { openDatabase, type Database } from '../../src/store/db.js';
import { dropChangedDomainTables } from '../../src/store/domain-tables.js';
import { DOMAIN_TABLES, SCHEMA_VERSION } from '../../src/store/schema.js';
import { rows, scalar, tempDir, writeXmlExport } from '../ingest/helpers.js';

const d = suite('store/domain-tables');

/** Rows of the table that its SELECT over everything stored would not give, and the reverse. */
async function drift(db: Database, name: string, select: string): Promise<number> {
  return scalar(
    db,
    `SELECT (SELECT count(*) FROM (SELECT * FROM ${name} EXCEPT ALL SELECT * FROM (${select})))
          + (SELECT count(*) FROM (SELECT * FROM (${select}) EXCEPT ALL SELECT * FROM ${name}))`,
  );
}

async function assertConsistent(db: Database, label: string): Promise<void> {
  for (const t of DOMAIN_TABLES) assert.is(await drift(db, t.name, t.select), 0, `${label}: ${t.name}`);
}

async function counts(db: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of DOMAIN_TABLES) out[t.name] = await scalar(db, `SELECT count(*) FROM ${t.name}`);
  return out;
}

const sample = (name: string): string => join(samplesDir(), name);

d('tables, not views; each holds what its SELECT gives, sorted by host and time within a file', async () => {
  const db = await openDatabase(':memory:');
  try {
    await ingestPaths(db, [sample('abo-5506-iisadmin'), sample('two-hosts')]);
    const kinds = await rows(
      db,
      `SELECT table_name AS name, table_type AS type FROM information_schema.tables
        WHERE table_name IN (${DOMAIN_TABLES.map((t) => `'${t.name}'`).join(', ')}) ORDER BY 1`,
    );
    assert.equal(
      kinds.map((k) => [k.name, k.type]),
      DOMAIN_TABLES.map((t) => [t.name, 'BASE TABLE']).sort(),
    );
    await assertConsistent(db, 'after ingest');
    const c = await counts(db);
    for (const t of ['service_changes', 'ssl_events', 'reboots', 'abo_triggers']) assert.ok(c[t]! > 0, `${t} has rows`);
    for (const t of DOMAIN_TABLES) {
      const unsorted = await scalar(
        db,
        `SELECT count(*) FROM (SELECT file_id, host, ts, lag(host) OVER w AS ph, lag(ts) OVER w AS pt, lag(file_id) OVER w AS pf
           FROM ${t.name} WINDOW w AS (ORDER BY rowid))
          WHERE pf = file_id AND (ph > host OR (ph = host AND pt > ts))`,
      );
      assert.is(unsorted, 0, `${t.name} sorted`);
    }
  } finally {
    db.close();
  }
});

d('a second export of the same records adds no domain rows; --force replaces a file with its rows', async () => {
  const tmp = tempDir();
  const db = await openDatabase(':memory:');
  try {
    const evtx = join(sample('abo-5506-iisadmin'), 'System.evtx');
    const xml = join(tmp.dir, 'System.xml');
    await writeXmlExport(evtx, xml);
    await ingestPaths(db, [evtx]);
    const once = await counts(db);
    const s = await ingestPaths(db, [xml]);
    assert.ok(s.files[0]!.duplicates > 0, 'the export duplicates the log');
    assert.equal(await counts(db), once, 'duplicates add no domain rows');
    await assertConsistent(db, 'after a duplicate export');

    const again = await ingestPaths(db, [evtx], { force: true });
    assert.is(again.files[0]!.status, 'loaded');
    await assertConsistent(db, 'after --force');
    assert.is(
      await scalar(db, `SELECT count(*) FROM ssl_events WHERE file_id NOT IN (SELECT file_id FROM files)`),
      0,
      'no rows of the replaced load',
    );
    const skipped = await ingestPaths(db, [evtx]);
    assert.is(skipped.files[0]!.status, 'skipped');
    await assertConsistent(db, 'after a skipped re-ingest');
  } finally {
    db.close();
    tmp.cleanup();
  }
});

/** A database as schema version 1 left it: the domain tables as views over events. */
async function makeVersion1(path: string, inputs: string[]): Promise<Record<string, number>> {
  const db = await openDatabase(path);
  try {
    await ingestPaths(db, inputs);
    const before = await counts(db);
    for (const t of [...DOMAIN_TABLES].reverse()) await db.conn.run(`DROP TABLE ${t.name}`);
    for (const t of DOMAIN_TABLES) await db.conn.run(`CREATE VIEW ${t.name} AS ${t.select}`);
    await db.conn.run(`UPDATE meta SET value = '1' WHERE key = 'schema_version'`);
    return before;
  } finally {
    db.close();
  }
}

d('a version 1 database is refused read-only and upgraded in place when opened for writing', async () => {
  const tmp = tempDir();
  try {
    const path = join(tmp.dir, 'old.duckdb');
    const dir = sample('keyset-dragdrop-0x80090016');
    const expected = await makeVersion1(path, [dir]);
    try {
      (await openDatabase(path, { readOnly: true })).close();
      assert.unreachable('a version 1 database opened read-only');
    } catch (e) {
      assert.instance(e, InputError);
      assert.match((e as Error).message, `schema version 1 is older than this bindtrail's (${SCHEMA_VERSION})`);
      assert.match((e as InputError).suggestion ?? '', 'bindtrail ingest');
    }
    const db = await openDatabase(path);
    try {
      assert.equal(await counts(db), expected);
      await assertConsistent(db, 'after the upgrade');
      assert.is(await scalar(db, `SELECT value::INTEGER FROM meta WHERE key = 'schema_version'`), SCHEMA_VERSION);
      const s = await ingestPaths(db, [dir]);
      assert.is(s.files.filter((f) => f.status === 'loaded').length, 0, 'files already loaded');
    } finally {
      db.close();
    }
    (await openDatabase(path, { readOnly: true })).close();
  } finally {
    tmp.cleanup();
  }
});

d(
  'a version 2 database (no logons) gets its logons table filled when opened for writing, the other tables kept',
  async () => {
    const tmp = tempDir();
    try {
      const path = join(tmp.dir, 'v2.duckdb');
      let expected: Record<string, number>;
      {
        const db = await openDatabase(path);
        try {
          await ingestPaths(db, [sample('netsh-admin-delete'), sample('keyset-dragdrop-0x80090016')]);
          expected = await counts(db);
          assert.ok(expected.logons! > 0, 'the sample has 4624 logons');
          assert.equal(await dropChangedDomainTables(db.conn), [], 'a current database has no changed table');
          await db.conn.run('DROP TABLE logons');
          await db.conn.run('ALTER TABLE ssl_events DROP COLUMN tls_type');
          // a row the upgrade must not bring back: tables of version 2 are not rebuilt
          await db.conn.run('DELETE FROM process_starts WHERE rowid = (SELECT min(rowid) FROM process_starts)');
          await db.conn.run(`UPDATE meta SET value = '2' WHERE key = 'schema_version'`);
        } finally {
          db.close();
        }
      }
      try {
        (await openDatabase(path, { readOnly: true })).close();
        assert.unreachable('a version 2 database opened read-only');
      } catch (e) {
        assert.match((e as Error).message, 'schema version 2 is older');
      }
      const db = await openDatabase(path);
      try {
        const c = await counts(db);
        for (const name of ['logons', 'ssl_events']) {
          assert.is(c[name], expected[name], name);
          assert.is(await drift(db, name, DOMAIN_TABLES.find((t) => t.name === name)!.select), 0, name);
        }
        assert.ok((await scalar(db, `SELECT count(tls_type) FROM ssl_events`)) > 0, 'tls_type of the 36870s');
        assert.is(c.process_starts, expected.process_starts! - 1, 'process_starts kept as stored');
        assert.is(await scalar(db, `SELECT value::INTEGER FROM meta WHERE key = 'schema_version'`), SCHEMA_VERSION);
      } finally {
        db.close();
      }
    } finally {
      tmp.cleanup();
    }
  },
);

d('a database of a later schema version is refused', async () => {
  const tmp = tempDir();
  try {
    const path = join(tmp.dir, 'new.duckdb');
    const db = await openDatabase(path);
    await db.conn.run(`UPDATE meta SET value = '${SCHEMA_VERSION + 1}' WHERE key = 'schema_version'`);
    db.close();
    for (const readOnly of [true, false]) {
      try {
        (await openDatabase(path, { readOnly })).close();
        assert.unreachable('a later version opened');
      } catch (e) {
        assert.instance(e, InputError);
        assert.match((e as Error).message, `schema version ${SCHEMA_VERSION + 1} is newer`);
      }
    }
  } finally {
    tmp.cleanup();
  }
});

d.run();
