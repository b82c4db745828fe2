import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { openDatabase } from '../../src/store/db.js';

const db = suite('store/db');

db('creates tables, macros and views on a fresh database', async () => {
  const d = await openDatabase(':memory:');
  try {
    const names = (await d.conn.runAndReadAll(`SELECT table_name FROM information_schema.tables ORDER BY 1`))
      .getRowObjectsJson()
      .map((r) => r.table_name);
    for (const t of [
      'events',
      'files',
      'ingest_errors',
      'config_metadata',
      'ssl_bindings',
      'certificates',
      'http_iplisten',
      'schannel_protocols',
      'error_codes',
      'service_changes',
      'ssl_events',
      'reboots',
      'process_starts',
      'crypto_failures',
    ]) {
      assert.ok(names.includes(t), `missing ${t}`);
    }
    const r = (
      await d.conn.runAndReadAll(
        `SELECT hex_code('0x8009030d') a, hex_code('-2146893043') b, utf16_hex_text('490049005300410044004D0049004E002F0034000000') c, endpoint_of(['\\Device\\Http\\ReqQueue', '[::1]:8443']) d`,
      )
    ).getRowObjectsJson()[0]!;
    assert.equal(r, { a: '0x8009030D', b: '0x8009030D', c: 'IISADMIN/4', d: '[::1]:8443' });
    const n = (await d.conn.runAndReadAll(`SELECT count(*)::INTEGER n FROM error_codes`)).getRowObjectsJson()[0]!;
    assert.ok((n.n as number) >= 4);
  } finally {
    d.close();
  }
});

db.run();
