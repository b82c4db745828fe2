import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestPaths } from '../../src/ingest/index.js';
import { openDatabase } from '../../src/store/db.js';
import { rows, tempDir } from '../ingest/helpers.js';

const v = suite('store/views');

const NS = "xmlns='http://schemas.microsoft.com/win/2004/08/events/event'";

interface Ev {
  provider: string;
  id: number;
  data: string;
  channel?: string;
  guid?: string;
  source?: string;
  qualifiers?: number;
  level?: number;
  rec: number;
  time: string;
  userData?: boolean;
}

function event(e: Ev): string {
  const prov = `<Provider Name='${e.provider}'${e.guid ? ` Guid='${e.guid}'` : ''}${e.source ? ` EventSourceName='${e.source}'` : ''}/>`;
  const id =
    e.qualifiers !== undefined
      ? `<EventID Qualifiers='${e.qualifiers}'>${e.id}</EventID>`
      : `<EventID>${e.id}</EventID>`;
  const body = e.userData ? `<UserData>${e.data}</UserData>` : `<EventData>${e.data}</EventData>`;
  return `<Event ${NS}><System>${prov}${id}<Version>0</Version><Level>${e.level ?? 4}</Level><Task>0</Task><Opcode>0</Opcode><Keywords>0x80000000000000</Keywords><TimeCreated SystemTime='${e.time}'/><EventRecordID>${e.rec}</EventRecordID><Correlation/><Execution ProcessID='4' ThreadID='8'/><Channel>${e.channel ?? 'System'}</Channel><Computer>WEB01</Computer><Security/></System>${body}</Event>`;
}

const T = (s: number): string => `2024-03-01T10:00:${String(s).padStart(2, '0')}.0000001Z`;
const HTTP = {
  provider: 'Microsoft-Windows-HttpEvent',
  guid: '{7B6BC78C-898B-4170-BBF8-1A469EA43FC5}',
  source: 'HTTP',
};
const SEC = {
  provider: 'Microsoft-Windows-Security-Auditing',
  guid: '{54849625-5478-4994-A5BA-3E3B0328C30D}',
  channel: 'Security',
};

/** Shaped like the incident samples (DOMAIN.md §1): the ABO chain, key errors, reboots, process starts. */
const EVENTS: Ev[] = [
  { provider: 'EventLog', id: 6006, data: '<Binary></Binary>', qualifiers: 32768, rec: 1, time: T(1) },
  {
    provider: 'EventLog',
    id: 6008,
    data: '<Data>10:00:00 AM</Data><Data>3/1/2024</Data><Data></Data>',
    qualifiers: 32768,
    level: 2,
    rec: 2,
    time: T(2),
  },
  { provider: 'EventLog', id: 6005, data: '<Binary></Binary>', qualifiers: 32768, rec: 3, time: T(3) },
  {
    provider: 'Microsoft-Windows-Kernel-General',
    id: 12,
    data: "<Data Name='StartTime'>2024-03-01T09:59:58.500000000Z</Data>",
    rec: 4,
    time: T(4),
  },
  {
    provider: 'Service Control Manager',
    source: 'Service Control Manager',
    guid: '{555908D1-A6D7-4695-8E1E-26931D2012F4}',
    id: 7036,
    qualifiers: 16384,
    rec: 5,
    time: T(5),
    data: "<Data Name='param1'>IIS Admin Service</Data><Data Name='param2'>running</Data><Binary>490049005300410044004D0049004E002F0034000000</Binary>",
  },
  {
    provider: 'Service Control Manager',
    source: 'Service Control Manager',
    id: 7036,
    qualifiers: 16384,
    rec: 6,
    time: T(6),
    data: "<Data Name='param1'>Dienst für Webveröffentlichung</Data><Data Name='param2'>Wird ausgeführt</Data><Binary>570033005300560043002F0034000000</Binary>",
  },
  {
    ...HTTP,
    id: 15300,
    qualifiers: 32768,
    level: 3,
    rec: 7,
    time: T(7),
    data: '<Data>\\Device\\Http\\ReqQueue</Data><Data>0.0.0.0:443</Data>',
  },
  {
    ...HTTP,
    id: 15301,
    qualifiers: 32768,
    level: 3,
    rec: 8,
    time: T(8),
    data: '<Data>\\Device\\Http\\ReqQueue</Data><Data>shop.contoso.com:443</Data>',
  },
  {
    provider: 'Microsoft-Windows-HttpService',
    guid: '{DD5EF90A-6398-47A4-AD34-4DCECDEF795F}',
    id: 119,
    rec: 9,
    time: T(9),
    data: "<Data Name='EndpointName'>[::]:8443</Data>",
  },
  {
    provider: 'Schannel',
    guid: '{1F678132-5938-4686-9FDC-C8FF68F15C85}',
    id: 36870,
    level: 2,
    rec: 10,
    time: T(10),
    data: "<Data Name='Type'>server</Data><Data Name='ErrorCode'>0x8009030d</Data><Data Name='ErrorStatus'>10001</Data>",
  },
  {
    provider: 'Schannel',
    guid: '{1F678132-5938-4686-9FDC-C8FF68F15C85}',
    id: 36870,
    level: 2,
    rec: 11,
    time: T(11),
    data: "<Data Name='Type'>server</Data><Data Name='ErrorCode'>0x80090016</Data><Data Name='ErrorStatus'>10001</Data><Data Name='CallerProcessId'>4</Data><Data Name='CallerProcessImageName'>System</Data>",
  },
  {
    provider: 'Schannel',
    guid: '{1F678132-5938-4686-9FDC-C8FF68F15C85}',
    id: 36888,
    level: 2,
    rec: 12,
    time: T(12),
    data: "<Data Name='AlertDesc'>40</Data><Data Name='ErrorState'>1205</Data>",
  },
  {
    ...SEC,
    id: 4688,
    rec: 13,
    time: T(13),
    data: "<Data Name='SubjectUserSid'>S-1-5-21-1-2-3-500</Data><Data Name='SubjectUserName'>admin</Data><Data Name='SubjectDomainName'>CONTOSO</Data><Data Name='SubjectLogonId'>0x3e7</Data><Data Name='NewProcessId'>0x1a2c</Data><Data Name='NewProcessName'>C:\\Windows\\System32\\inetsrv\\inetmgr6.exe</Data><Data Name='TokenElevationType'>%%1936</Data><Data Name='ProcessId'>0x10</Data><Data Name='CommandLine'>inetmgr6.exe</Data><Data Name='ParentProcessName'>C:\\Windows\\explorer.exe</Data>",
  },
  {
    ...SEC,
    id: 5061,
    rec: 14,
    time: T(14),
    data: "<Data Name='SubjectUserSid'>S-1-5-18</Data><Data Name='SubjectUserName'>WEB01$</Data><Data Name='SubjectDomainName'>CONTOSO</Data><Data Name='SubjectLogonId'>0x3e7</Data><Data Name='ProviderName'>Microsoft Software Key Storage Provider</Data><Data Name='AlgorithmName'>RSA</Data><Data Name='KeyName'>le-1234</Data><Data Name='KeyType'>%%2499</Data><Data Name='Operation'>%%2480</Data><Data Name='ReturnCode'>0x80090016</Data>",
  },
];

v('views on sample-shaped events: service_changes, ssl_events, reboots, process_starts, crypto_failures', async () => {
  const t = tempDir();
  const db = await openDatabase(':memory:');
  try {
    const f = join(t.dir, 'export.xml');
    writeFileSync(f, `<?xml version="1.0" encoding="UTF-8"?>\n<Events>\n${EVENTS.map(event).join('\n')}\n</Events>\n`);
    const s = await ingestPaths(db, [f]);
    assert.is(s.files[0]!.records, EVENTS.length);

    const svc = await rows(
      db,
      'SELECT record_id::INTEGER AS r, service_key, display_name, state, state_code FROM service_changes ORDER BY r',
    );
    assert.equal(svc, [
      { r: 5, service_key: 'IISADMIN', display_name: 'IIS Admin Service', state: 'running', state_code: 4 },
      {
        r: 6,
        service_key: 'W3SVC',
        display_name: 'Dienst für Webveröffentlichung',
        state: 'Wird ausgeführt',
        state_code: 4,
      },
    ]);

    const ssl = await rows(
      db,
      'SELECT record_id::INTEGER AS r, kind, endpoint, error_code, error_name, error_status, alert, caller_pid, caller_image FROM ssl_events ORDER BY r',
    );
    assert.equal(
      ssl.map((x) => [x.r, x.kind, x.endpoint]),
      [
        [7, 'binding_deleted', '0.0.0.0:443'],
        [8, 'binding_created', 'shop.contoso.com:443'],
        [9, 'binding_deleted', '[::]:8443'],
        [10, 'private_key_error', null],
        [11, 'private_key_error', null],
        [12, 'tls_alert', null],
      ],
    );
    assert.equal(ssl[3], {
      r: 10,
      kind: 'private_key_error',
      endpoint: null,
      error_code: '0x8009030D',
      error_name: 'SEC_E_UNKNOWN_CREDENTIALS',
      error_status: '10001',
      alert: null,
      caller_pid: null,
      caller_image: null,
    });
    assert.is(ssl[4]!.error_name, 'NTE_BAD_KEYSET');
    assert.is(ssl[4]!.caller_pid, '4');
    assert.is(ssl[5]!.alert, 40);

    const boots = await rows(db, 'SELECT record_id::INTEGER AS r, kind FROM reboots ORDER BY r');
    assert.equal(
      boots.map((x) => x.kind),
      ['clean_shutdown', 'unexpected_shutdown', 'eventlog_started', 'os_start'],
    );

    const ps = await rows(
      db,
      'SELECT image, command_line, user_name, user_domain, process_id, parent_image FROM process_starts',
    );
    assert.equal(ps, [
      {
        image: 'C:\\Windows\\System32\\inetsrv\\inetmgr6.exe',
        command_line: 'inetmgr6.exe',
        user_name: 'admin',
        user_domain: 'CONTOSO',
        process_id: '0x1a2c',
        parent_image: 'C:\\Windows\\explorer.exe',
      },
    ]);

    const cf = await rows(
      db,
      'SELECT key_provider, algorithm, key_name, return_code, return_name FROM crypto_failures',
    );
    assert.equal(cf, [
      {
        key_provider: 'Microsoft Software Key Storage Provider',
        algorithm: 'RSA',
        key_name: 'le-1234',
        return_code: '0x80090016',
        return_name: 'NTE_BAD_KEYSET',
      },
    ]);

    const msg = await rows(
      db,
      'SELECT record_id::INTEGER AS r, message FROM events WHERE record_id IN (5, 7, 10, 11, 2) ORDER BY r',
    );
    assert.equal(
      msg.map((x) => x.message),
      [
        'The previous system shutdown at 10:00:00 AM on 3/1/2024 was unexpected.',
        'The IIS Admin Service service entered the running state.',
        'SSL Certificate Settings deleted for endpoint : 0.0.0.0:443 .',
        'A fatal error occurred when attempting to access the TLS server credential private key. The error code returned from the cryptographic module is 0x8009030d. The internal error state is 10001.',
        'A fatal error occurred when attempting to access the TLS server credential private key. The error code returned from the cryptographic module is 0x80090016. The internal error state is 10001. The SSPI client process is System (PID: 4).',
      ],
    );
  } finally {
    db.close();
    t.cleanup();
  }
});

v.run();
