/** The report's DuckDB memory bound: spills where it can, and a job that runs out of memory under it runs again unbounded. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { openDatabase } from '../../src/store/db.js';
import { withMemoryBound } from '../../src/store/memory-bound.js';

const mb = suite('store/memory-bound');

const BIG_LIST = 'SELECT len(list(range)) AS n FROM range(20000000)';

mb('a job that runs out of memory under the bound runs once more under the earlier limit, with a warning', async () => {
  const db = await openDatabase(':memory:');
  try {
    await db.conn.run("SET memory_limit = '2GB'");
    const said: string[] = [];
    let runs = 0;
    const n = await withMemoryBound(
      db.conn,
      async () => {
        runs++;
        return Number((await db.conn.runAndReadAll(BIG_LIST)).getRows()[0]![0]);
      },
      { limit: '16MB', onRetry: (m) => said.push(m) },
    );
    assert.is(n, 20000000);
    assert.is(runs, 2);
    assert.is(said.length, 1);
    assert.match(said[0]!, /needed more than 16MB .*Out of Memory.*running again with its limit of/);
  } finally {
    db.close();
  }
});

mb('within the bound: one run, no warning, the bound in force; other errors pass through', async () => {
  const db = await openDatabase(':memory:');
  try {
    const said: string[] = [];
    const limit = await withMemoryBound(
      db.conn,
      async () => String((await db.conn.runAndReadAll("SELECT current_setting('memory_limit')")).getRows()[0]![0]),
      { limit: '300MB', onRetry: (m) => said.push(m) },
    );
    assert.match(limit, /^28[0-9]\.[0-9] MiB$/);
    assert.is(said.length, 0);
    try {
      await withMemoryBound(db.conn, () => db.conn.run('SELECT * FROM no_such_table'));
      assert.unreachable('no error');
    } catch (e) {
      assert.match((e as Error).message, /no_such_table/);
    }
  } finally {
    db.close();
  }
});

mb('a connection that has spilled already keeps its folder: the bound applies without an error', async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'bindtrail-mb-'));
  const db = await openDatabase(join(tmp, 'case.duckdb'));
  try {
    await db.conn.run("SET memory_limit = '24MB'");
    await db.conn.run('SET threads = 1');
    // an aggregate larger than the limit spills to the database's own temporary folder
    await db.conn.run('SELECT count(*) FROM (SELECT range % 1000000 AS k, count(*) FROM range(3000000) GROUP BY k)');
    let switched = true;
    try {
      await db.conn.run(`SET temp_directory = '${join(tmp, 'other')}'`);
    } catch (e) {
      switched = false;
      assert.match((e as Error).message, /Cannot switch temporary directory/);
    }
    assert.not.ok(switched, 'the aggregate spilled, so DuckDB refuses another folder');
    const n = await withMemoryBound(db.conn, async () =>
      Number(
        (
          await db.conn.runAndReadAll('SELECT count(*) FROM (SELECT range % 7 AS k FROM range(3000000) ORDER BY k)')
        ).getRows()[0]![0],
      ),
    );
    assert.is(n, 3000000);
  } finally {
    db.close();
    rmSync(tmp, { recursive: true, force: true });
  }
});

mb.run();
