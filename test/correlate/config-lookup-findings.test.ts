/**
 * The configuration findings of issue 10 from artefacts loaded as ingest loads them: stale address
 * bindings beside SNI bindings, a restricted IP listen list, TLS 1.2 switched off in
 * SCHANNEL\Protocols, bound certificates without Server Authentication or with an untrusted root.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { DuckDBConnection } from '@duckdb/node-api';
import { configFindings } from '../../src/correlate/config-findings.js';
import { BINDING_LOOKUP_REFERENCE } from '../../src/correlate/diagnosis/binding-lookup.js';
import { detectConfigKind } from '../../src/ingest/config/index.js';
import { loadConfigArtefact } from '../../src/ingest/load-config.js';
import type { Finding } from '../../src/model/index.js';
import { openDatabase, type Database } from '../../src/store/db.js';
import { fixture } from '../ingest/config/fixture.js';
import { join } from 'node:path';
import { ingestPaths } from '../../src/ingest/index.js';
import { samplesDir } from '../../src/paths.js';
import { findAll } from '../../src/correlate/correlate.js';

const t = suite('correlate/config-lookup-findings');
const HOST = 'WEB20.contoso.local';

async function addFile(conn: DuckDBConnection, path: string, kind: string): Promise<number> {
  const r = await conn.runAndReadAll(
    `INSERT INTO files (path, sha256, size, kind) VALUES ('${path}', 'x', 0, '${kind}') RETURNING file_id`,
  );
  return Number(r.getRowObjectsJson()[0]!.file_id);
}

async function findings(items: { name: string; text: string }[], lastEvent?: string): Promise<Finding[]> {
  const db: Database = await openDatabase(':memory:');
  try {
    for (const { name, text } of items) {
      const kind = detectConfigKind(text);
      assert.ok(kind, name);
      await loadConfigArtefact(
        db,
        await addFile(db.conn, name, kind!),
        { explicit: null, fallback: HOST },
        kind!,
        text,
        name,
      );
    }
    if (lastEvent) {
      const id = await addFile(db.conn, 'System.evtx', 'evtx');
      await db.conn.run(
        `INSERT INTO events (file_id, host, channel, provider, event_id, record_id, ts) VALUES (${id}, '${HOST}', 'System', 'EventLog', 6013, 1, '${lastEvent}'::TIMESTAMP_NS)`,
      );
    }
    return await configFindings(db.conn);
  } finally {
    db.close();
  }
}

const kindOf = (fs: Finding[], kind: Finding['kind']): Finding[] => fs.filter((f) => f.kind === kind);
const file = (name: string) => ({ name, text: fixture(name).text });

/** certutil -v: the old and the renewed certificate of www.contoso.com, and another site's. */
const CERTUTIL = [
  'my "Personal"',
  '================ Certificate 0 ================',
  'Serial Number: 01',
  ' NotBefore: 12/3/2025 9:14 AM',
  ' NotAfter: 3/3/2026 9:14 AM',
  'Subject:',
  '    CN=www.contoso.com',
  '    Subject Alternative Name',
  '        DNS Name=www.contoso.com',
  'Cert Hash(sha1): f665241637b38bd46ffa13d83a7ebf8312e4d709',
  'Encryption test passed',
  '================ Certificate 1 ================',
  'Serial Number: 02',
  ' NotBefore: 3/2/2026 1:00 AM',
  ' NotAfter: 5/31/2026 1:00 AM',
  'Subject:',
  '    CN=www.contoso.com',
  '    Subject Alternative Name',
  '        DNS Name=www.contoso.com',
  '        DNS Name=shop.contoso.com',
  'Cert Hash(sha1): fc64e243e9f795fc7d8dacaf7b91c24836f2a3c7',
  'Encryption test passed',
  '================ Certificate 2 ================',
  'Serial Number: 03',
  ' NotBefore: 1/1/2026 1:00 AM',
  ' NotAfter: 1/1/2028 1:00 AM',
  'Subject:',
  '    CN=default.fabrikam.com',
  'Cert Hash(sha1): d4f4e14be719ecfad58341cf9b5cb1bc3baa8f9d',
  'Encryption test passed',
].join('\r\n');
const certutil = { name: 'certutil-store-my.txt', text: CERTUTIL };

t(
  'German netsh: the IP binding keeps the expired certificate the SNI binding replaced → high, who gets what, fix',
  async () => {
    const fs = await findings([file('netsh-http-show-sslcert-de.txt'), certutil], '2026-03-04 10:00:00');
    const [f, ...rest] = kindOf(fs, 'config-stale-ip-binding');
    assert.is(rest.length, 0);
    assert.equal([f!.host, f!.level, f!.confidence, f!.endpoints], [HOST, 'high', 'high', ['10.0.0.5:443']]);
    assert.match(f!.title, /10\.0\.0\.5:443 serves certificate F665241637B38BD46FFA13D83A7EBF8312E4D709 \(expired\)/);
    assert.ok(
      f!.symptoms.some((s) =>
        /^clients sending SNI www\.contoso\.com: binding www\.contoso\.com:443 → certificate FC64/.test(s),
      ),
    );
    assert.ok(
      f!.symptoms.some((s) =>
        /^clients without SNI connecting to 10\.0\.0\.5 .*→ certificate F665\S+ \(expired\)$/.test(s),
      ),
    );
    assert.ok(
      f!.remedies[0]!.startsWith(
        'If no client needs the address binding any more: netsh http delete sslcert ipport=10.0.0.5:443;',
      ),
    );
    assert.match(f!.remedies[0]!, /clients without SNI then get no certificate at all/);
    assert.ok(
      f!.remedies[1]!.includes(
        'netsh http add sslcert ipport=10.0.0.5:443 certhash=FC64E243E9F795FC7D8DACAF7B91C24836F2A3C7 appid={4DC3E181-E14B-4A21-B022-59FC669B0914}',
      ),
    );
    assert.ok(
      f!.references.some((r) => r.includes(BINDING_LOOKUP_REFERENCE.url)),
      "Microsoft's description of the lookup order",
    );
    assert.ok(
      f!.remedies.every((r) => !/<[a-z ]+>/i.test(r)),
      'no placeholder the case fills',
    );
    // the German entry with an empty hash and an all-zero AppId is the existing binding check's, once
    assert.equal(
      kindOf(fs, 'config-binding-problem').map((b) => b.title),
      ['SSL binding 0.0.0.0:8172: empty certificate hash, null/all-zero application ID'],
    );
  },
);

t(
  'before the expiry: superseded by a longer-valid certificate of the same name → medium; another site → none',
  async () => {
    const fs = await findings([file('netsh-http-show-sslcert-de.txt'), certutil], '2026-02-01 10:00:00');
    assert.equal(
      kindOf(fs, 'config-stale-ip-binding').map((f) => [f.endpoints[0], f.level]),
      [['10.0.0.5:443', 'medium']],
    );
    const other = [
      'SSL Certificate bindings:',
      '-------------------------',
      '',
      '    IP:port                      : 0.0.0.0:443',
      '    Certificate Hash             : d4f4e14be719ecfad58341cf9b5cb1bc3baa8f9d',
      '    Application ID               : {4dc3e181-e14b-4a21-b022-59fc669b0914}',
      '',
      '    Hostname:port                : www.contoso.com:443',
      '    Certificate Hash             : fc64e243e9f795fc7d8dacaf7b91c24836f2a3c7',
      '    Application ID               : {4dc3e181-e14b-4a21-b022-59fc669b0914}',
    ].join('\r\n');
    const none = await findings([{ name: 'netsh.txt', text: other }, certutil], '2026-02-01 10:00:00');
    assert.equal(
      kindOf(none, 'config-stale-ip-binding'),
      [],
      "the wildcard binding of another site's certificate is a default, not stale",
    );
    const expired = await findings(
      [
        {
          name: 'netsh.txt',
          text: other.replace('d4f4e14be719ecfad58341cf9b5cb1bc3baa8f9d', 'f665241637b38bd46ffa13d83a7ebf8312e4d709'),
        },
        certutil,
      ],
      '2026-03-04 10:00:00',
    );
    const w = kindOf(expired, 'config-stale-ip-binding')[0]!;
    assert.equal([w.endpoints, w.level], [['0.0.0.0:443'], 'high']);
    assert.ok(w.symptoms.some((s) => /^clients without SNI connecting to any ipv4 address/.test(s)));
    assert.ok(
      w.remedies.every((r) => !r.includes('openssl')),
      'no address to test against for a wildcard binding',
    );
  },
);

t(
  'IP listen list: a binding outside the list → high with the commands; the default empty list → no finding',
  async () => {
    const listen = {
      name: 'iplisten.txt',
      text: 'IP addresses present in the IP listen list:\r\n-------------------------------------------\r\n\r\n    10.0.0.6\r\n\r\n',
    };
    const fs = kindOf(await findings([listen, file('netsh-http-show-sslcert-de.txt')]), 'config-iplisten-restricted');
    assert.equal(
      fs.map((f) => [f.level, f.endpoints, f.title]),
      [['high', ['10.0.0.5:443'], 'HTTP.sys listens only on 10.0.0.6 (IP listen list)']],
    );
    assert.match(fs[0]!.cause, /the SSL bindings 10\.0\.0\.5:443 are on addresses outside the list/);
    assert.ok(fs[0]!.remedies[0]!.includes('netsh http delete iplisten ipaddress=10.0.0.6'));
    assert.ok(fs[0]!.remedies[1]!.includes('netsh http add iplisten ipaddress=10.0.0.5'));
    const covered = kindOf(
      await findings([file('netsh-http-show-iplisten.txt'), file('netsh-http-show-sslcert-de.txt')]),
      'config-iplisten-restricted',
    );
    assert.equal(
      covered.map((f) => [f.level, f.endpoints]),
      [['low', []]],
    );
    assert.is(covered[0]!.remedies.length, 2, 'no add command when every binding is on a listed address');
    const empty = await findings([file('netsh-http-show-iplisten-empty.txt'), file('netsh-http-show-sslcert-de.txt')]);
    assert.equal(kindOf(empty, 'config-iplisten-restricted'), []);
  },
);

t(
  'SCHANNEL\\Protocols: TLS 1.2 off without TLS 1.3 → high, names what remains; TLS 1.2 on → none; TLS 1.3 only → medium',
  async () => {
    const off = kindOf(await findings([file('SchannelProtocols.reg')]), 'config-tls-protocols-disabled');
    assert.equal(
      off.map((f) => [f.level, f.host]),
      [['high', HOST]],
    );
    assert.is(
      off[0]!.title,
      'TLS 1.2 switched off for the server in SCHANNEL\\Protocols (Enabled = 0): only TLS 1.0, TLS 1.1 left',
    );
    assert.match(off[0]!.cause, /still enabled: TLS 1\.0, TLS 1\.1/);
    assert.ok(off[0]!.remedies[0]!.includes('SCHANNEL\\Protocols\\TLS 1.2\\Server" /v Enabled /t REG_DWORD /d 1 /f'));
    assert.not.ok(
      off[0]!.remedies.some((r) => r.includes('TLS 1.2\\Client too')),
      'the client side is on',
    );
    assert.equal(kindOf(await findings([file('SchannelProtocols-ascii.reg')]), 'config-tls-protocols-disabled'), []);
    const k = (p: string, side: string, e: number, d: number) =>
      `[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\${p}\\${side}]\r\n"Enabled"=dword:0000000${e}\r\n"DisabledByDefault"=dword:0000000${d}\r\n`;
    const only13 = [
      'Windows Registry Editor Version 5.00',
      '',
      k('TLS 1.2', 'Server', 0, 1),
      k('TLS 1.2', 'Client', 0, 1),
      k('TLS 1.3', 'Server', 1, 0),
    ].join('\r\n');
    const m = kindOf(await findings([{ name: 'p.reg', text: only13 }]), 'config-tls-protocols-disabled');
    assert.equal(
      m.map((f) => f.level),
      ['medium'],
    );
    assert.match(m[0]!.cause, /only TLS 1\.3 is left/);
    assert.ok(m[0]!.remedies.some((r) => r.startsWith('TLS 1.2 is off for TLS 1.2\\Client too')));
  },
);

t(
  'bound certificates: Client Authentication only → 0x800B0110, untrusted root → 0x800B0109; unbound → none',
  async () => {
    const netsh = (lines: string[]) => ({
      name: 'netsh.txt',
      text: ['SSL Certificate bindings:', '-------------------------', '', ...lines].join('\r\n'),
    });
    const both = netsh([
      '    IP:port                      : 10.0.0.7:443',
      '    Certificate Hash             : 5555555555555555555555555555555555555555',
      '    Application ID               : {4dc3e181-e14b-4a21-b022-59fc669b0914}',
      '',
      '    Hostname:port                : www.fabrikam.com:443',
      '    Certificate Hash             : 6666666666666666666666666666666666666666',
      '    Application ID               : {4dc3e181-e14b-4a21-b022-59fc669b0914}',
    ]);
    const fs = kindOf(
      await findings([both, file('certutil-verifystore-usage.txt')], '2026-03-04 10:00:00'),
      'config-certificate-problem',
    );
    assert.equal(
      fs.map((f) => [f.endpoints, f.errorCode, f.title.replace(/^Certificate \S+ \([^)]*\): /, '')]),
      [
        [['10.0.0.7:443'], '0x800B0110', 'no Server Authentication usage'],
        [['www.fabrikam.com:443'], '0x800B0109', 'untrusted root'],
      ],
    );
    assert.match(
      fs[0]!.cause,
      /Enhanced Key Usage \(1\.3\.6\.1\.5\.5\.7\.3\.2\) does not include Server Authentication/,
    );
    assert.ok(fs[1]!.remedies[0]!.includes('certutil -verifystore my 6666666666666666666666666666666666666666'));
    const one = netsh([
      '    Hostname:port                : www.fabrikam.com:443',
      '    Certificate Hash             : 6666666666666666666666666666666666666666',
      '    Application ID               : {4dc3e181-e14b-4a21-b022-59fc669b0914}',
    ]);
    const only = kindOf(
      await findings([one, file('certutil-verifystore-usage.txt')], '2026-03-04 10:00:00'),
      'config-certificate-problem',
    );
    assert.equal(
      only.map((f) => f.errorCode),
      ['0x800B0109'],
      'the client-only certificate is bound to nothing',
    );
  },
);

t(
  'sample stale-ip-binding-sni: the stale binding with its 36887 symptoms, the expired certificate, nothing else',
  async () => {
    const db = await openDatabase(':memory:');
    try {
      await ingestPaths(db, [join(samplesDir(), 'stale-ip-binding-sni')]);
      const fs = await findAll(db.conn);
      const stale = kindOf(fs, 'config-stale-ip-binding');
      assert.equal(
        stale.map((f) => [f.endpoints, f.level]),
        [[['10.0.0.5:443'], 'high']],
      );
      assert.ok(stale[0]!.symptoms.some((x) => x.startsWith('54 TLS handshake(s) of the host failed')));
      assert.is(stale[0]!.start, '2026-03-03T08:20:41.5300000Z');
      assert.ok(stale[0]!.remedies[0]!.includes('of site "Contoso Shop" in IIS Manager'));
      assert.not.ok(JSON.stringify(stale[0]).includes('ABO'), 'no ABO mapper named');
      assert.equal(
        kindOf(fs, 'config-certificate-problem').map((f) => f.id),
        ['config-certificate-problem:WEB20.contoso.local:F665241637B38BD46FFA13D83A7EBF8312E4D709'],
      );
      assert.is(fs.length, 2);
    } finally {
      db.close();
    }
  },
);

t.run();
