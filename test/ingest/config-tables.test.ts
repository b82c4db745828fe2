/**
 * The new artefacts through ingestPaths, as `bindtrail ingest` loads them: files.kind, the rows of
 * http_iplisten, schannel_protocols and the certificates' usage columns, and --force replacing them.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestPaths } from '../../src/ingest/index.js';
import { packageRoot } from '../../src/paths.js';
import { openDatabase } from '../../src/store/db.js';
import { rows, tempDir } from './helpers.js';

const t = suite('ingest/config-tables');
const FIXTURES = join(packageRoot(), 'test', 'ingest', 'config', 'fixtures');

t('iplisten, SCHANNEL\\Protocols and certutil usage land in their tables with their kinds', async () => {
  const { dir, cleanup } = tempDir();
  for (const f of [
    'netsh-http-show-iplisten.txt',
    'netsh-http-show-iplisten-empty.txt',
    'SchannelProtocols.reg',
    'certutil-verifystore-usage.txt',
  ])
    copyFileSync(join(FIXTURES, f), join(dir, f));
  const db = await openDatabase(':memory:');
  try {
    const summary = await ingestPaths(db, [dir], { carve: false, strict: false, force: false, host: 'WEB09' });
    assert.equal(summary.files.map((f) => [f.kind, f.status, f.records]).sort(), [
      ['certutil-store', 'loaded', 2],
      ['netsh-iplisten', 'loaded', 0],
      ['netsh-iplisten', 'loaded', 2],
      ['reg-schannel-protocols', 'loaded', 7],
    ]);
    assert.equal(await rows(db, 'SELECT host, address FROM http_iplisten ORDER BY address'), [
      { host: 'WEB09', address: '10.0.0.5' },
      { host: 'WEB09', address: '::1' },
    ]);
    assert.equal(
      await rows(
        db,
        `SELECT enabled::VARCHAR AS e, disabled_by_default::VARCHAR AS d FROM schannel_protocols WHERE protocol = 'TLS 1.2' AND side = 'Server'`,
      ),
      [{ e: '0', d: '1' }],
    );
    assert.equal(
      await rows(db, 'SELECT left(thumbprint, 4) AS t, eku, chain_problems, dns_names FROM certificates ORDER BY 1'),
      [
        { t: '5555', eku: ['1.3.6.1.5.5.7.3.2'], chain_problems: [], dns_names: ['intranet.contoso.local'] },
        { t: '6666', eku: ['1.3.6.1.5.5.7.3.1'], chain_problems: ['untrusted-root'], dns_names: [] },
      ],
    );
    const again = await ingestPaths(db, [join(dir, 'SchannelProtocols.reg')], {
      carve: false,
      strict: false,
      force: true,
      host: 'WEB09',
    });
    assert.is(again.files[0]!.status, 'loaded');
    assert.equal(await rows(db, 'SELECT count(*)::INTEGER AS n FROM schannel_protocols'), [{ n: 7 }]);
  } finally {
    db.close();
    cleanup();
  }
});

t.run();
