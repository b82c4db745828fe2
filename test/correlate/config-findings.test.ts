import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { DuckDBConnection } from '@duckdb/node-api';
import { openDatabase, type Database } from '../../src/store/db.js';
import { materialiseDomainTables } from '../../src/store/domain-tables.js';
import { configFindings } from '../../src/correlate/config-findings.js';
import type { Finding } from '../../src/model/index.js';
import { detectConfigKind } from '../../src/ingest/config/index.js';
import { loadConfigArtefact } from '../../src/ingest/load-config.js';
import { fixture } from '../ingest/config/fixture.js';

const t = suite('correlate/config-findings');
const HOST = 'WEB01.contoso.local';

async function addFile(conn: DuckDBConnection, path: string, kind: string): Promise<number> {
  const r = await conn.runAndReadAll(
    `INSERT INTO files (path, sha256, size, kind) VALUES ('${path}', 'x', 0, '${kind}') RETURNING file_id`,
  );
  return Number(r.getRowObjectsJson()[0]!.file_id);
}

/**
 * Load artefacts through detection and the loader ingest runs per artefact; `host` is the
 * fallback ingest takes from the directory when `--host` is not given.
 */
async function loadArtefacts(
  db: Database,
  host: string | null,
  items: { name: string; text: string }[],
): Promise<void> {
  for (const { name, text } of items) {
    const kind = detectConfigKind(text);
    assert.ok(kind, name);
    await loadConfigArtefact(
      db,
      await addFile(db.conn, name, kind!),
      { explicit: null, fallback: host },
      kind!,
      text,
      name,
    );
  }
}

const FIXTURES = [
  'applicationHost.config',
  'netsh-http-show-sslcert.txt',
  'SslBindingInfo.reg',
  'certutil-store-my.txt',
];
const fixtures = (): { name: string; text: string }[] => FIXTURES.map((n) => ({ name: n, text: fixture(n).text }));

const utf16Hex = (s: string): string =>
  Buffer.from(s + '\0', 'utf16le')
    .toString('hex')
    .toUpperCase();

async function addEvents(
  db: Database,
  host: string,
  evs: { ts: string; provider: string; id: number; data?: object; params?: string[] }[],
): Promise<void> {
  const conn = db.conn;
  const fileId = await addFile(conn, 'System.evtx', 'evtx');
  let rid = 0;
  for (const e of evs) {
    const p =
      await conn.prepare(`INSERT INTO events (file_id, host, channel, provider, event_id, record_id, ts, data, params)
      VALUES ($1, $2, 'System', $3, $4, $5, $6::TIMESTAMP_NS, $7::JSON, from_json($8, '["VARCHAR"]'))`);
    p.bindInteger(1, fileId);
    p.bindVarchar(2, host);
    p.bindVarchar(3, e.provider);
    p.bindInteger(4, e.id);
    p.bindBigInt(5, BigInt(++rid));
    p.bindVarchar(6, e.ts);
    p.bindVarchar(7, JSON.stringify(e.data ?? {}));
    p.bindVarchar(8, JSON.stringify(e.params ?? []));
    await p.run();
  }
  await materialiseDomainTables(db, fileId);
}

const iisadminRunning = (ts: string) => ({
  ts,
  provider: 'Service Control Manager',
  id: 7036,
  data: { param1: 'IIS Admin Service', param2: 'running', Binary: utf16Hex('IISADMIN/4') },
});
const deleted = (ts: string, ep: string) => ({
  ts,
  provider: 'Microsoft-Windows-HttpEvent',
  id: 15300,
  params: ['\\Device\\Http\\ReqQueue', ep],
});

async function withDb(fn: (db: Database) => Promise<void>): Promise<void> {
  const db = await openDatabase(':memory:');
  try {
    await fn(db);
  } finally {
    db.close();
  }
}

const byKind = (fs: Finding[], kind: Finding['kind']): Finding[] => fs.filter((f) => f.kind === kind);

t('artefacts alone, no events: invalid 5506, legacy keys, broken bindings, bound certificate problems', () =>
  withDb(async (db) => {
    await loadArtefacts(db, HOST, fixtures());
    const fs = await configFindings(db.conn);
    const abo = byKind(fs, 'config-abo-hash-invalid');
    assert.equal(
      abo.map((f) => [f.id, f.level, f.confidence, f.host, f.start]),
      [['config-abo-hash-invalid:WEB01.contoso.local:LM/W3SVC/2', 'high', 'medium', HOST, null]],
    );
    assert.match(abo[0]!.title, /will be deleted the next time the ABO mapper starts/);
    assert.match(abo[0]!.symptoms[0]!, /decodes to 3 bytes \(000102\)/);
    assert.ok(
      abo[0]!.remedies.some(
        (r) =>
          r.includes('<property id="5506" dataType="Binary" … value="AAEC" />') &&
          r.includes('<customMetadata><key path="LM/W3SVC/2">') &&
          r.includes('applicationHost.config'),
      ),
    );
    assert.ok(abo[0]!.remedies.some((r) => r.includes('(1018, 2161)')));
    assert.ok(abo[0]!.references.some((r) => r.includes('kb/2025598')));

    const legacy = byKind(fs, 'config-legacy-metadata');
    assert.equal(
      legacy.map((f) => [f.id, f.level]),
      [['config-legacy-metadata:WEB01.contoso.local:LM/W3SVC/1', 'medium']],
    );
    assert.match(legacy[0]!.symptoms[0]!, /5506, 5511/);
    assert.equal(
      legacy[0]!.evidence.map((e) => e.role),
      ['configuration', 'configuration'],
    );

    const bindings = byKind(fs, 'config-binding-problem');
    assert.equal(bindings.map((f) => [f.endpoints[0], f.level, f.title.replace(/^SSL binding \S+: /, '')]).sort(), [
      ['10.0.0.5:8443', 'high', 'empty certificate hash, null/all-zero application ID'],
      ['[::]:4443', 'high', 'all-zero certificate hash'],
      ['[::]:8443', 'high', 'empty certificate hash'],
      ['shop.contoso.com:443', 'medium', 'null/all-zero application ID'],
    ]);
    assert.ok(
      bindings
        .find((f) => f.endpoints[0] === 'shop.contoso.com:443')!
        .remedies[0]!.includes('netsh http delete sslcert hostnameport=shop.contoso.com:443'),
    );

    const certs = byKind(fs, 'config-certificate-problem');
    assert.equal(
      certs.map((f) => [f.id, f.level, f.errorCode, f.endpoints]),
      [
        [
          'config-certificate-problem:WEB01.contoso.local:1A1F948B21A2993677A88EB23F428C7E47E3D133',
          'high',
          '0x8009030D',
          ['shop.contoso.com:443'],
        ],
      ],
    );
    assert.match(certs[0]!.title, /KeySpec 2 \(AT_SIGNATURE\), expired 2024-01-10/);
    assert.is(fs.length, 7);
  }),
);

t('5506 of a certificate not in the store, then the event chain: critical, high confidence, events as evidence', () =>
  withDb(async (db) => {
    const config = fixture('applicationHost.config').text.replace(
      'oXiHOzFAMOF0YxIuI7soWvDFEzg=',
      Buffer.from('11'.repeat(20), 'hex').toString('base64'),
    );
    await loadArtefacts(db, HOST, [
      { name: 'applicationHost.config', text: config },
      { name: 'certutil-store-my.txt', text: fixture('certutil-store-my.txt').text },
    ]);
    const before = byKind(await configFindings(db.conn), 'config-abo-hash-invalid').find((f) =>
      f.id.endsWith('LM/W3SVC/1'),
    )!;
    assert.equal([before.level, before.confidence, before.evidence.length], ['high', 'medium', 1]);
    assert.match(
      before.symptoms[0]!,
      /names certificate 1111111111111111111111111111111111111111, which is not in the Local Machine MY store/,
    );

    await addEvents(db, HOST, [
      iisadminRunning('2024-05-02 08:00:01.5'),
      deleted('2024-05-02 08:00:03', '0.0.0.0:443'),
      iisadminRunning('2024-05-09 07:59:58'),
      deleted('2024-05-09 08:00:00', '0.0.0.0:443'),
      deleted('2024-05-20 12:00:00', '0.0.0.0:443'),
    ]);
    const after = byKind(await configFindings(db.conn), 'config-abo-hash-invalid').find((f) =>
      f.id.endsWith('LM/W3SVC/1'),
    )!;
    assert.equal(
      [after.level, after.confidence, after.occurrences, after.start, after.end],
      ['critical', 'high', 2, '2024-05-02T08:00:01.5000000Z', '2024-05-09T08:00:00.0000000Z'],
    );
    assert.is(after.trigger, 'IISADMIN service entered running (7036)');
    assert.equal(
      after.evidence.filter((e) => e.role !== 'configuration').map((e) => [e.role, e.eventId]),
      [
        ['trigger', 7036],
        ['symptom', 15300],
        ['trigger', 7036],
        ['symptom', 15300],
      ],
    );
    assert.equal(after.endpoints, ['0.0.0.0:443', '10.0.0.5:8443', '[::1]:4443', 'shop.contoso.com:443']);
  }),
);

t('a 5506 of a certificate without its private key is invalid too; rows without a host match the events host', () =>
  withDb(async (db) => {
    const config = fixture('applicationHost.config').text.replace(
      'oXiHOzFAMOF0YxIuI7soWvDFEzg=',
      Buffer.from('9c2d4e810a112233445566778899aabbccddeeff', 'hex').toString('base64'),
    );
    await loadArtefacts(db, null, [
      { name: 'applicationHost.config', text: config },
      { name: 'certutil-store-my.txt', text: fixture('certutil-store-my.txt').text },
    ]);
    await addEvents(db, HOST, [iisadminRunning('2024-05-02 08:00:01'), deleted('2024-05-02 08:00:03', '0.0.0.0:443')]);
    const f = byKind(await configFindings(db.conn), 'config-abo-hash-invalid').find((x) =>
      x.id.endsWith('LM/W3SVC/1'),
    )!;
    assert.is(f.host, HOST);
    assert.match(f.symptoms[0]!, /private key is missing/);
    assert.ok(f.remedies.some((r) => r.includes('certutil -repairstore my 9C2D4E810A112233445566778899AABBCCDDEEFF')));
  }),
);

t('expiry is judged at the latest event of the host', () =>
  withDb(async (db) => {
    const netsh =
      '\r\nSSL Certificate bindings:\r\n-------------------------\r\n\r\n    IP:port                      : 0.0.0.0:443\r\n    Certificate Hash             : a178873b314030e17463122e23bb285af0c51338\r\n    Application ID               : {4dc3e181-e14b-4a21-b022-59fc669b0914}\r\n    Certificate Store Name       : MY\r\n';
    await loadArtefacts(db, HOST, [
      { name: 'netsh.txt', text: netsh },
      { name: 'certutil-store-my.txt', text: fixture('certutil-store-my.txt').text },
    ]);
    await addEvents(db, HOST, [deleted('2033-06-01 00:00:00', '0.0.0.0:443')]);
    assert.equal(byKind(await configFindings(db.conn), 'config-certificate-problem'), []);
    await addEvents(db, HOST, [deleted('2034-03-02 00:00:00', '0.0.0.0:443')]);
    const f = byKind(await configFindings(db.conn), 'config-certificate-problem');
    assert.equal(
      f.map((x) => [x.endpoints, x.title]),
      [
        [
          ['0.0.0.0:443'],
          'Certificate A178873B314030E17463122E23BB285AF0C51338 (CN=www.contoso.com, O=Contoso Ltd, C=US): expired 2034-03-01',
        ],
      ],
    );
  }),
);

t('a healthy configuration yields no finding', () =>
  withDb(async (db) => {
    const config = fixture('applicationHost.config')
      .text.replace(
        /<customMetadata>[\s\S]*<\/customMetadata>/,
        '<customMetadata><key path="LM/W3SVC/INFO"><property id="4012" dataType="String" userType="1" attributes="Inherit" value="NCSA" /></key></customMetadata>',
      )
      .replace(' certificateHash="1a1f948b21a2993677a88eb23f428c7e47e3d133" certificateStoreName="WebHosting"', '');
    const netsh =
      '\r\nSSL Certificate bindings:\r\n-------------------------\r\n\r\n    IP:port                      : 0.0.0.0:443\r\n    Certificate Hash             : a178873b314030e17463122e23bb285af0c51338\r\n    Application ID               : {4dc3e181-e14b-4a21-b022-59fc669b0914}\r\n    Certificate Store Name       : MY\r\n';
    await loadArtefacts(db, HOST, [
      { name: 'applicationHost.config', text: config },
      { name: 'netsh.txt', text: netsh },
      { name: 'certutil-store-my.txt', text: fixture('certutil-store-my.txt').text },
    ]);
    await addEvents(db, HOST, [iisadminRunning('2025-01-01 00:00:00')]);
    assert.equal(await configFindings(db.conn), []);
  }),
);

t('an empty database yields no finding', () => withDb(async (db) => assert.equal(await configFindings(db.conn), [])));

t.run();
