/**
 * Hand-made report models for the renderer tests (golden files in test/expected/). They follow the
 * incidents of DOMAIN.md: the ABO mapper deleting bindings on two hosts, a keyset left in the user
 * store (36870 0x80090016 after a reboot), a configuration-only finding, a healthy baseline, and a
 * model whose log strings are hostile markup.
 */
import {
  REPORT_SCHEMA_VERSION,
  type DamageEntry,
  type CaseFacts,
  type Evidence,
  type FileSummary,
  type Finding,
  type HostSummary,
  type Level,
  type ReportModel,
  type TimelineEntry,
} from '../../src/model/index.js';

export const GENERATED_AT = '2024-06-01T12:00:00.0000000Z';

const SCM = 'Service Control Manager';
const HTTP = 'Microsoft-Windows-HttpEvent';
const SCHANNEL = 'Schannel';
const KB_ABO = 'https://support.microsoft.com/kb/2025598';

function levels(findings: readonly Finding[]): Record<Level, number> {
  const out: Record<Level, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const f of findings) out[f.level] += 1;
  return out;
}

interface ModelParts {
  headline: string;
  files: FileSummary[];
  hosts: HostSummary[];
  findings: Finding[];
  timeline: TimelineEntry[];
  timeZone?: string;
  damage?: DamageEntry[];
  facts?: CaseFacts;
}

function model(p: ModelParts): ReportModel {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'bindtrail', version: '0.1.0' },
    generatedAt: GENERATED_AT,
    timeZone: p.timeZone ?? 'UTC',
    summary: {
      verdict: p.findings.length > 0 ? 'incident' : 'no-incident',
      headline: p.headline,
      findingsByLevel: levels(p.findings),
      hosts: p.hosts.length,
      events: p.hosts.reduce((n, h) => n + h.events, 0),
      files: p.files.length,
    },
    files: p.files,
    hosts: p.hosts,
    findings: p.findings,
    facts: p.facts ?? { bindings: [], certificates: [], metadata: [] },
    timeline: p.timeline,
    damage: p.damage ?? [],
    notableCounts: [],
    timelineCounts: [],
    timelineComplete: false,
  };
}

type Row = [
  time: string,
  role: TimelineEntry['role'],
  provider: string | null,
  eventId: number | null,
  recordId: string | null,
  summary: string,
  findingIds: string[],
];

function entries(host: string | null, file: string, rows: readonly Row[]): TimelineEntry[] {
  return rows.map(([time, role, provider, eventId, recordId, summary, findingIds]) => ({
    time,
    host,
    role,
    provider,
    eventId,
    recordId,
    file,
    summary,
    findingIds,
  }));
}

/** Evidence rows of a finding: the timeline rows that name it. */
function evidenceOf(id: string, timeline: readonly TimelineEntry[]): Evidence[] {
  return timeline
    .filter((e) => e.findingIds.includes(id))
    .map((e) => ({
      file: e.file,
      recordId: e.recordId,
      time: e.time,
      host: e.host,
      role: e.role,
      summary: e.summary,
      provider: e.provider,
      eventId: e.eventId,
    }));
}

const ABO_REMEDIES = [
  'Remove the legacy customMetadata certificate properties (5506, 5511, 2161) of the site key from applicationHost.config (back it up first), e.g. with appcmd or by editing <customMetadata>.',
  'Re-create the SSL binding (IIS Manager: site > Bindings > https > select the certificate > OK, or netsh http add sslcert).',
  'Restart the trigger (IIS Admin Service) and check that no 15300 follows.',
];

/** ABO mapper on WEB01 (binding left deleted, twice) and WEB02 (re-created to a bad hash, failures follow). */
export function aboTwoHosts(): ReportModel {
  const del = 'abo-binding-deleted:WEB01:0.0.0.0:443';
  const reb = 'abo-binding-rebound:WEB02:10.0.0.12:443';
  const f1 = 'C:\\exports\\WEB01\\System.evtx';
  const f2 = 'C:\\exports\\WEB02\\System.evtx';
  const timeline = [
    ...entries('WEB01', f1, [
      ['2024-03-12T06:58:11.5000000Z', 'trigger', 'EventLog', 6005, '40211', 'Event log service started (boot)', [del]],
      ['2024-03-12T06:58:40.1234567Z', 'symptom', HTTP, 15300, '40237', '15300 SSL binding deleted 0.0.0.0:443', [del]],
      [
        '2024-03-12T06:58:41.0000000Z',
        'context',
        SCM,
        7036,
        '40240',
        'World Wide Web Publishing Service entered running',
        [],
      ],
      ['2024-03-12T09:14:03.0000001Z', 'trigger', SCM, 7036, '40410', 'IISADMIN entered running', [del]],
      ['2024-03-12T09:14:05.7000000Z', 'symptom', HTTP, 15300, '40413', '15300 SSL binding deleted 0.0.0.0:443', [del]],
      [
        '2024-03-12T09:41:00.0000000Z',
        'recovery',
        HTTP,
        15301,
        '40502',
        '15301 SSL binding created by an admin process 0.0.0.0:443',
        [del],
      ],
    ]),
    ...entries('WEB02', f2, [
      ['2024-03-12T08:02:00.2500000Z', 'trigger', SCM, 7036, '9120', 'SMTPSVC entered running', [reb]],
      [
        '2024-03-12T08:02:01.2000000Z',
        'symptom',
        HTTP,
        15300,
        '9121',
        '15300 SSL binding deleted 10.0.0.12:443',
        [reb],
      ],
      [
        '2024-03-12T08:02:01.3000000Z',
        'recovery',
        HTTP,
        15301,
        '9122',
        '15301 SSL binding created 10.0.0.12:443',
        [reb],
      ],
      [
        '2024-03-12T08:03:15.0000000Z',
        'symptom',
        SCHANNEL,
        36870,
        '9130',
        '36870 private key access failed 0x80092004 (CRYPT_E_NOT_FOUND)',
        [reb],
      ],
      [
        '2024-03-12T08:20:44.9000000Z',
        'symptom',
        SCHANNEL,
        36870,
        '9188',
        '36870 private key access failed 0x80092004 (CRYPT_E_NOT_FOUND)',
        [reb],
      ],
    ]),
  ];
  const findings: Finding[] = [
    {
      id: del,
      kind: 'abo-binding-deleted',
      level: 'critical',
      host: 'WEB01',
      confidence: 'high',
      title: 'SSL binding deleted by the ABO mapper (0.0.0.0:443)',
      start: '2024-03-12T06:58:11.5000000Z',
      end: '2024-03-12T09:41:00.0000000Z',
      endpoints: ['0.0.0.0:443'],
      errorCode: null,
      trigger: 'Boot (6005), then IIS Admin Service reaching running (7036 IISADMIN/4)',
      symptoms: [
        '15300 SSL Certificate Settings deleted for endpoint 0.0.0.0:443 within 29 s of the trigger, twice',
        'No 15301 re-created the binding until an admin did at 09:41',
      ],
      cause:
        'The IIS 6 metabase compatibility (ABO mapper) rebuilt the binding from an invalid legacy certificate hash (customMetadata property 5506) and left the endpoint without a certificate.',
      remedies: ABO_REMEDIES,
      references: [KB_ABO, 'seed 000 (SCCM distribution point lost its binding)'],
      evidence: evidenceOf(del, timeline),
      occurrences: 2,
    },
    {
      id: reb,
      kind: 'abo-binding-rebound',
      level: 'high',
      host: 'WEB02',
      confidence: 'medium',
      title: 'SSL binding re-created by the ABO mapper with an unusable certificate (10.0.0.12:443)',
      start: '2024-03-12T08:02:00.2500000Z',
      end: '2024-03-12T08:20:44.9000000Z',
      endpoints: ['10.0.0.12:443'],
      errorCode: '0x80092004',
      trigger: 'SMTPSVC entered running (7036)',
      symptoms: ['15300 then 15301 for 10.0.0.12:443 within 1.1 s', '36870 0x80092004 twice after the re-create'],
      cause:
        'The ABO mapper re-applied the legacy certificate hash (5506) of a certificate that is not in the machine store: HTTP.sys cannot find it (CRYPT_E_NOT_FOUND).',
      remedies: ABO_REMEDIES,
      references: [KB_ABO],
      evidence: evidenceOf(reb, timeline),
      occurrences: 1,
    },
  ];
  return model({
    headline: 'The ABO mapper deleted or broke the SSL binding on 2 hosts (WEB01 0.0.0.0:443, WEB02 10.0.0.12:443)',
    files: [
      {
        path: f1,
        kind: 'evtx',
        sha256: 'a3f1c2d4e5b60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00',
        hosts: ['WEB01'],
        records: 1160,
        warnings: 1,
        errors: 0,
        firstTime: '2024-03-10T00:00:03.0000000Z',
        lastTime: '2024-03-12T23:59:58.0000000Z',
      },
      {
        path: f2,
        kind: 'evtx',
        sha256: '0b1c2d3e4f5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
        hosts: ['WEB02'],
        records: 812,
        warnings: 0,
        errors: 2,
        firstTime: '2024-03-11T07:00:00.0000000Z',
        lastTime: '2024-03-12T22:10:00.0000000Z',
      },
    ],
    hosts: [
      {
        host: 'WEB01',
        events: 1160,
        firstTime: '2024-03-10T00:00:03.0000000Z',
        lastTime: '2024-03-12T23:59:58.0000000Z',
        findings: 1,
      },
      {
        host: 'WEB02',
        events: 812,
        firstTime: '2024-03-11T07:00:00.0000000Z',
        lastTime: '2024-03-12T22:10:00.0000000Z',
        findings: 1,
      },
    ],
    findings,
    timeline,
  });
}

/** Keyset left in the user store: 36870 0x80090016 right after a reboot, 5061 names the container. */
export function privateKeyFailure(): ReportModel {
  const id = 'private-key-failure:WEB03:0x80090016';
  const sys = 'D:\\case-17\\WEB03-System.evtx';
  const sec = 'D:\\case-17\\WEB03-Security.evtx';
  const timeline = [
    ...entries('WEB03', sys, [
      [
        '2024-05-02T22:10:00.0000000Z',
        'context',
        'EventLog',
        6006,
        '7001',
        'Event log service stopped (clean shutdown)',
        [],
      ],
      ['2024-05-02T22:12:30.4000000Z', 'trigger', 'EventLog', 6005, '7002', 'Event log service started (boot)', [id]],
      [
        '2024-05-02T22:13:02.4100000Z',
        'symptom',
        SCHANNEL,
        36870,
        '7040',
        '36870 private key access failed 0x80090016 (NTE_BAD_KEYSET), caller PID 4',
        [id],
      ],
      [
        '2024-05-02T22:47:19.0000000Z',
        'symptom',
        SCHANNEL,
        36870,
        '7095',
        '36870 private key access failed 0x80090016 (NTE_BAD_KEYSET), caller PID 4',
        [id],
      ],
    ]),
    ...entries('WEB03', sec, [
      [
        '2024-05-02T22:13:02.4150000Z',
        'symptom',
        'Microsoft-Windows-Security-Auditing',
        5061,
        '880211',
        '5061 cryptographic operation failed 0x80090016, key container {3F2504E0-4F89-11D3-9A0C-0305E82C3301}',
        [id],
      ],
    ]),
  ];
  const findings: Finding[] = [
    {
      id,
      kind: 'private-key-failure',
      level: 'high',
      host: 'WEB03',
      confidence: 'high',
      title: 'Private key not accessible: 0x80090016 NTE_BAD_KEYSET (keyset left in the user store)',
      start: '2024-05-02T22:12:30.4000000Z',
      end: '2024-05-02T22:47:19.0000000Z',
      endpoints: [],
      errorCode: '0x80090016',
      trigger: 'Reboot (6005 at 22:12:30), first 36870 32 s later',
      symptoms: ['2 × 36870 with ErrorCode 0x80090016', '5061 ReturnCode 0x80090016 naming the key container'],
      cause:
        'The certificate was moved from the Current User store to Local Machine; its private key stayed in the user profile, so the machine account cannot open it. It shows after the next reboot or IIS restart.',
      remedies: [
        'Import the certificate (PFX with private key) directly into the Local Machine "Personal" store.',
        "Repair the key association: certutil -repairstore my followed by the certificate's thumbprint (certutil -v -store my lists it; the report's answer block names it when the case holds that listing)",
      ],
      references: ['seed 001 (IIS SSL binding lost: keyset)', 'seed 002 (Schannel 36870 error codes)'],
      evidence: evidenceOf(id, timeline),
      occurrences: 1,
    },
  ];
  return model({
    headline: 'HTTPS on WEB03 fails since the reboot at 22:12 UTC: private key not accessible (0x80090016)',
    files: [
      {
        path: sys,
        kind: 'evtx',
        sha256: 'c0ffee0000000000000000000000000000000000000000000000000000000001',
        hosts: ['WEB03'],
        records: 4312,
        warnings: 0,
        errors: 0,
        firstTime: '2024-04-30T08:00:00.0000000Z',
        lastTime: '2024-05-03T06:00:00.0000000Z',
      },
      {
        path: sec,
        kind: 'evtx',
        sha256: 'c0ffee0000000000000000000000000000000000000000000000000000000002',
        hosts: ['WEB03'],
        records: 20311,
        warnings: 0,
        errors: 0,
        firstTime: '2024-05-01T00:00:00.0000000Z',
        lastTime: '2024-05-03T06:00:00.0000000Z',
      },
    ],
    hosts: [
      {
        host: 'WEB03',
        events: 24623,
        firstTime: '2024-04-30T08:00:00.0000000Z',
        lastTime: '2024-05-03T06:00:00.0000000Z',
        findings: 1,
      },
    ],
    findings,
    timeline,
  });
}

/** Configuration artefacts only: an invalid 5506 hash and a KeySpec 2 certificate, no event time. */
export function configOnly(): ReportModel {
  const cfg = 'exports/WEB04/applicationHost.config';
  const certs = 'exports/WEB04/certutil-store-my.txt';
  const conf = (file: string, summary: string): Evidence => ({
    file,
    recordId: null,
    time: null,
    host: 'WEB04',
    role: 'configuration',
    summary,
  });
  const findings: Finding[] = [
    {
      id: 'config-abo-hash-invalid:WEB04:LM/W3SVC/1',
      kind: 'config-abo-hash-invalid',
      level: 'high',
      host: 'WEB04',
      confidence: 'high',
      title: 'Legacy certificate hash (5506) of no certificate in the store: the binding will be deleted',
      start: null,
      end: null,
      endpoints: ['0.0.0.0:443'],
      errorCode: null,
      trigger: null,
      symptoms: [
        'customMetadata LM/W3SVC/1 property 5506 = A178873B314030E17463122E23BB285AF0C51338, not in LocalMachine\\MY',
      ],
      cause:
        'The next start of IIS Admin, inetmgr6, adsutil.vbs, SMTPSVC or MSFTPSVC will let the ABO mapper rebuild the binding from this hash and delete it.',
      remedies: ['Remove properties 5506 and 5511 from <key path="LM/W3SVC/1"> in applicationHost.config.'],
      references: [KB_ABO],
      evidence: [
        conf(cfg, 'LM/W3SVC/1 5506 = oXiHOzFAMOF0YxIuI7soWvDFEzg= (A178…1338)'),
        conf(cfg, 'LM/W3SVC/1 5511 = MY'),
        conf(certs, 'no certificate with thumbprint A178…1338 in MY'),
      ],
      occurrences: 1,
    },
    {
      id: 'config-certificate-problem:WEB04:5E7F',
      kind: 'config-certificate-problem',
      level: 'medium',
      host: 'WEB04',
      confidence: 'medium',
      title: 'Bound certificate has KeySpec = 2 (AT_SIGNATURE)',
      start: null,
      end: null,
      endpoints: ['0.0.0.0:443'],
      errorCode: '0x8009030D',
      trigger: null,
      symptoms: [],
      cause:
        'Schannel needs KeySpec = 1 (AT_KEYEXCHANGE) for key exchange; a signature-only key fails with SEC_E_UNKNOWN_CREDENTIALS.',
      remedies: ['Re-issue the CSR with KeySpec = 1 and import the new certificate.'],
      references: [],
      evidence: [conf(certs, 'Cert Hash(sha1): 5e7f… KeySpec = 2 -- AT_SIGNATURE')],
      occurrences: 1,
    },
  ];
  return model({
    headline: 'WEB04 configuration: the SSL binding of 0.0.0.0:443 will break at the next ABO mapper start',
    files: [
      {
        path: cfg,
        kind: 'applicationHost.config',
        sha256: 'dd00000000000000000000000000000000000000000000000000000000000001',
        hosts: ['WEB04'],
        records: 42,
        warnings: 0,
        errors: 0,
        firstTime: null,
        lastTime: null,
      },
      {
        path: certs,
        kind: 'certutil-store',
        sha256: 'dd00000000000000000000000000000000000000000000000000000000000002',
        hosts: ['WEB04'],
        records: 3,
        warnings: 0,
        errors: 0,
        firstTime: null,
        lastTime: null,
      },
    ],
    hosts: [{ host: 'WEB04', events: 0, firstTime: null, lastTime: null, findings: 2 }],
    findings,
    timeline: [],
  });
}

/** Two healthy hosts: no finding, nothing on the timeline. */
export function healthy(): ReportModel {
  return model({
    headline: 'No SSL binding or private-key incident found in 2 files from 2 hosts',
    files: [
      {
        path: 'logs/WEB05-System.evtx',
        kind: 'evtx',
        sha256: 'ee00000000000000000000000000000000000000000000000000000000000005',
        hosts: ['WEB05'],
        records: 250,
        warnings: 0,
        errors: 0,
        firstTime: '2024-02-01T00:00:00.0000000Z',
        lastTime: '2024-02-02T00:00:00.0000000Z',
      },
      {
        path: 'logs/WEB06-System.evtx',
        kind: 'evtx',
        sha256: 'ee00000000000000000000000000000000000000000000000000000000000006',
        hosts: ['WEB06'],
        records: 300,
        warnings: 0,
        errors: 0,
        firstTime: '2024-02-01T00:00:00.0000000Z',
        lastTime: '2024-02-02T00:00:00.0000000Z',
      },
    ],
    hosts: [
      {
        host: 'WEB05',
        events: 250,
        firstTime: '2024-02-01T00:00:00.0000000Z',
        lastTime: '2024-02-02T00:00:00.0000000Z',
        findings: 0,
      },
      {
        host: 'WEB06',
        events: 300,
        firstTime: '2024-02-01T00:00:00.0000000Z',
        lastTime: '2024-02-02T00:00:00.0000000Z',
        findings: 0,
      },
    ],
    findings: [],
    timeline: [],
  });
}

/** Markup an attacker could plant in event data; if any of it ran, it would change the page. */
export const HOSTILE = {
  host: `WEB<script>document.title='XSS-HOST'</script>`,
  service: `"><img src=x onerror="document.body.setAttribute('data-pwned','img')">`,
  svg: `</title></text></svg><svg onload="document.body.setAttribute('data-pwned','svg')">`,
  style: `</style><script>document.body.setAttribute('data-pwned','style')</script>`,
  markdown: `[click](javascript:alert(1)) **bold** | pipe ` + '`code`',
  heading: '# not a heading',
  terminal: '\u001b[31mred\u001b[0m\u202Egnp.exe',
  attribute: `' onmouseover='document.body.setAttribute("data-pwned","attr")`,
  url: `javascript:document.body.setAttribute('data-pwned','href')`,
} as const;

/** One host whose names, paths and messages carry the HOSTILE strings. */
export function hostile(): ReportModel {
  const h = HOSTILE.host;
  const id = `abo-binding-deleted:${h}:0.0.0.0:443`;
  const file = `C:\\logs\\${HOSTILE.svg}.evtx`;
  const timeline = entries(h, file, [
    ['2024-03-12T10:00:00.0000000Z', 'trigger', SCM, 7036, '1', `${HOSTILE.service} entered running`, [id]],
    [
      '2024-03-12T10:00:02.0000000Z',
      'symptom',
      HTTP,
      15300,
      `2${HOSTILE.attribute}`,
      `15300 SSL binding deleted ${HOSTILE.markdown}`,
      [id],
    ],
    [
      '2024-03-12T10:05:00.0000000Z',
      'context',
      `${HOSTILE.style}`,
      4688,
      '3',
      `${HOSTILE.heading} ${HOSTILE.terminal}`,
      [],
    ],
  ]);
  const findings: Finding[] = [
    {
      id,
      kind: 'abo-binding-deleted',
      level: 'critical',
      host: h,
      confidence: 'low',
      title: `SSL binding deleted after ${HOSTILE.service}`,
      start: timeline[0]!.time,
      end: timeline[1]!.time,
      endpoints: [`0.0.0.0:443${HOSTILE.attribute}`],
      errorCode: HOSTILE.style,
      trigger: `${HOSTILE.service} entered running`,
      symptoms: [HOSTILE.markdown, HOSTILE.heading],
      cause: HOSTILE.svg,
      remedies: [HOSTILE.style],
      references: [HOSTILE.url, KB_ABO],
      evidence: evidenceOf(id, timeline),
      occurrences: 1,
    },
  ];
  return model({
    headline: `</title><script>document.title='XSS-TITLE'</script> ${HOSTILE.service}`,
    files: [
      {
        path: file,
        kind: 'evtx',
        sha256: HOSTILE.attribute,
        hosts: [h],
        records: 3,
        warnings: 0,
        errors: 0,
        firstTime: timeline[0]!.time,
        lastTime: timeline[2]!.time,
      },
    ],
    hosts: [{ host: h, events: 3, firstTime: timeline[0]!.time, lastTime: timeline[2]!.time, findings: 1 }],
    findings,
    timeline,
  });
}

/** Every golden fixture by file stem. */
export const FIXTURES: Readonly<Record<string, () => ReportModel>> = {
  'abo-two-hosts': aboTwoHosts,
  'private-key-failure': privateKeyFailure,
  'config-only': configOnly,
  healthy,
  hostile,
};
