import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { ingestPaths } from '../../src/ingest/index.js';
import { packageRoot } from '../../src/paths.js';
import { openDatabase } from '../../src/store/db.js';
import { rows, tempDir } from '../ingest/helpers.js';

const b = suite('store/bulk-load');

const sample = (name: string): string => join(packageRoot(), 'samples', name, 'System.evtx');

b('a file loaded after another leaves the first one’s rows where they are; the settings come back', async () => {
  const t = tempDir();
  const db = await openDatabase(join(t.dir, 'case.duckdb'));
  try {
    await db.conn.run('SET max_vacuum_tasks = 7');
    await ingestPaths(db, [sample('abo-5506-iisadmin')]);
    const groups = async (): Promise<Record<string, unknown>[]> =>
      rows(
        db,
        `SELECT row_group_id::INTEGER AS "group", min(start)::INTEGER AS first, max(count)::INTEGER AS n
         FROM pragma_storage_info('events') WHERE segment_type <> 'VALIDITY' GROUP BY ALL ORDER BY 1`,
      );
    const before = await groups();
    await ingestPaths(db, [sample('netsh-admin-delete')]);
    const after = await groups();
    // the checkpoint at the end of a load does not fold the new rows into the last row group
    // (that rewrote every row of the file): the first file's row group is unchanged
    assert.equal(after.slice(0, before.length), before);
    assert.is(after.length, before.length + 1);
    assert.equal(await rows(db, "SELECT current_setting('max_vacuum_tasks')::INTEGER AS v"), [{ v: 7 }]);
  } finally {
    db.close();
    t.cleanup();
  }
});

b.run();
