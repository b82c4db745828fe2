import type { Scenario } from '../types.js';
import {
  BOOT_2008R2,
  CONTOSO_ADMIN,
  DEFAULT_METADATA,
  defaultSite,
  legacyHashKey,
  webCert,
  wmsvcCert,
} from './common.js';

const WWW = '1F4D2EBFE6962600E9BE4BF8DE142C3985743559';
const WMSVC = '58AC02DAA5894548C9772BA5344229E17A50C6ED';
/** The hash from KB 2025598's example (`oXiHOzFAMOF0YxIuI7soWvDFEzg=`): no certificate in the store has it. */
const STALE = 'A178873B314030E17463122E23BB285AF0C51338';

export const scenario: Scenario = {
  name: 'abo-5506-iisadmin',
  title: 'IIS Admin Service start deletes the SSL binding (invalid customMetadata 5506)',
  story: `
WEB01 (Windows Server 2008 R2, IIS 7.5 with IIS 6 Management Compatibility) still carries an IIS 6
metabase leftover in applicationHost.config: \`<key path="LM/W3SVC/1">\` with property **5506** (the
legacy SSL certificate hash) holding the thumbprint \`${STALE}\` — a certificate that is not in the
machine store. On 12 March an administrator restarts the IIS Admin Service. As it reaches the running
state the ABO mapper builds its tree, deletes the HTTP.sys SSL binding of \`0.0.0.0:443\` and fails to
re-create it from the invalid hash: HttpEvent 15300 two seconds later, no 15301. HTTPS stops working
while HTTP still works; Schannel logs 36870 with 0x80092004 (CRYPT_E_NOT_FOUND). The administrator
re-adds the binding in IIS Manager (15301) and HTTPS recovers — until the patch-night restart on
14 March, when IISADMIN starts again at boot and the binding is deleted again.`,
  conclusion: `
One **abo-binding-deleted** finding on WEB01.contoso.local for \`0.0.0.0:443\`, first trigger the
IISADMIN 7036 "running" at 09:14:03 UTC on 12 March, two occurrences (manual restart, boot), the 36870
0x80092004 failures as symptoms; remedy: remove property 5506 from \`LM/W3SVC/1\` in customMetadata
(KB 2025598), then re-create the binding. The configuration alone already shows it: a
**config-abo-hash-invalid** finding (5506 = \`${STALE}\`, no such certificate in \`certutil\`).
The 15300/15301 field holding the endpoint is named \`Port\` on this release: read it by position.`,
  perHostFolders: false,
  hosts: [
    {
      name: 'WEB01.contoso.local',
      os: '2008R2',
      timeZone: 'Europe/Berlin',
      bootServices: BOOT_2008R2,
      firstRecordId: { System: 48213 },
      security: false,
      admin: CONTOSO_ADMIN,
      noiseSeed: 'abo-5506-iisadmin/WEB01',
      noise: { System: 260, Security: 0 },
      timeline: [
        {
          at: '2026-03-12 10:13:51.220',
          kind: 'service-restart',
          service: 'IISADMIN',
          downSeconds: 11.78,
          tag: 'iisadmin-1',
        },
        { at: '@iisadmin-1+2.4', kind: 'binding-deleted', endpoint: '0.0.0.0:443', tag: 'deleted-1' },
        {
          at: '@deleted-1+171.3',
          kind: 'key-failures',
          code: 0x80092004,
          until: '2026-03-12 11:40:00',
          meanSeconds: 240,
        },
        { at: '2026-03-12 11:42:37.514', kind: 'binding-created', endpoint: '0.0.0.0:443' },
        {
          at: '2026-03-14 03:05:12.000',
          kind: 'reboot',
          downSeconds: 141,
          reason: 'Operating System: Service pack (Planned)',
          tag: 'boot-2',
        },
        { at: '@boot-2:IISADMIN+3.1', kind: 'binding-deleted', endpoint: '0.0.0.0:443', tag: 'deleted-2' },
        {
          at: '@deleted-2+612',
          kind: 'key-failures',
          code: 0x80092004,
          until: '2026-03-14 08:55:00',
          meanSeconds: 420,
        },
      ],
      artefacts: {
        files: ['applicationHost.config', 'netsh-http-show-sslcert.txt', 'SslBindingInfo.reg', 'certutil-store-my.txt'],
        sites: [defaultSite()],
        customMetadata: [DEFAULT_METADATA, legacyHashKey('LM/W3SVC/1', STALE)],
        bindings: [{ endpoint: '0.0.0.0:8172', thumbprint: WMSVC }],
        certificates: [
          webCert(WWW, 'www.contoso.com', '2025-09-01 09:12', '2027-09-01 09:12'),
          wmsvcCert(WMSVC, 'WEB01', '2024-05-14 16:40', '2034-05-12 16:40'),
        ],
      },
    },
  ],
  expected: [
    {
      kind: 'abo-binding-deleted',
      host: 'WEB01.contoso.local',
      endpoints: ['0.0.0.0:443'],
      errorCode: null,
      firstTrigger: 'iisadmin-1',
    },
    {
      kind: 'config-abo-hash-invalid',
      host: 'WEB01.contoso.local',
      endpoints: [],
      errorCode: null,
      firstTrigger: null,
    },
  ],
};
