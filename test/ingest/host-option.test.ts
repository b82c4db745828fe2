import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ingestPaths } from '../../src/ingest/index.js';
import { packageRoot } from '../../src/paths.js';
import { openDatabase } from '../../src/store/db.js';
import { rows, tempDir } from './helpers.js';

const host = suite('ingest/--host');

const exportOf = (computer: string): string =>
  `<Events><Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Service Control Manager'/><EventID>7036</EventID><TimeCreated SystemTime='2024-03-01T10:00:00.1234567Z'/><EventRecordID>1</EventRecordID><Channel>System</Channel><Computer>${computer}</Computer></System></Event></Events>`;

host('--host takes the spelling of the logged host it names; an unknown name is kept as given', async () => {
  const fixtures = join(packageRoot(), 'test', 'ingest', 'config', 'fixtures');
  const t = tempDir();
  const db = await openDatabase(':memory:');
  try {
    const dir = join(t.dir, 'case');
    mkdirSync(dir);
    writeFileSync(join(dir, 'System.xml'), exportOf('WEB01.contoso.local'));
    copyFileSync(join(fixtures, 'netsh-http-show-sslcert.txt'), join(dir, 'netsh.txt'));
    await ingestPaths(db, [dir], { host: 'web01' });
    const hostsOf = async (): Promise<unknown> =>
      (await rows(db, `SELECT hosts FROM files WHERE kind = 'netsh-sslcert'`))[0]?.hosts;
    assert.equal(await hostsOf(), ['WEB01.contoso.local']);
    await ingestPaths(db, [join(dir, 'netsh.txt')], { host: 'SQL07', force: true });
    assert.equal(await hostsOf(), ['SQL07']);
  } finally {
    db.close();
    t.cleanup();
  }
});

host.run();
