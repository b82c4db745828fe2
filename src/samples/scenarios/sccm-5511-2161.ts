import type { Scenario } from '../types.js';
import { BOOT_2012R2_DP, CONTOSO_ADMIN, DEFAULT_METADATA, defaultSite, webCert } from './common.js';

const DP_CERT = '6B006D33D029976674B9D2D28E522FC3ED05E83C';
const WRONG = '11770DB3A21C47B080527201279232F63C02B7FE';

export const scenario: Scenario = {
  name: 'sccm-5511-2161',
  title: 'SCCM distribution point: SMS services re-bind HTTPS to the wrong certificate (customMetadata 5511/2161)',
  story: `
DP01 is an SCCM distribution point in HTTPS mode (Windows Server 2012 R2, IIS 8.5 with metabase
compatibility). Its applicationHost.config carries a leftover \`<key path="LM/W3SVC/1">\` with
properties **5511** (certificate store name, empty) and **2161** (DWord 0) — the combination a reader of
KB 2025598's article removed to fix exactly this. Every night the site component manager and then
SMS_EXECUTIVE restart; when SMS_EXECUTIVE reaches running, the ABO mapper deletes the binding of
\`0.0.0.0:443\` (15300) and re-creates it at once (15301) — pointing at the wrong certificate
(\`${WRONG}\`, the ConfigMgr client authentication certificate). Clients then reject the server
certificate: Schannel 36887 (fatal alert 46 received) all morning. The administrator re-selects the
right certificate in IIS Manager (15300+15301 in the same second); the next night it happens again.`,
  conclusion: `
One **abo-binding-rebound** finding on DP01.contoso.local for \`0.0.0.0:443\`: trigger SMS_EXECUTIVE
reaching running (7036, 3 March 02:00:39 UTC), 15300 and 15301 within two seconds, then TLS failures
(36887 alert 46) — two occurrences (3 and 4 March). The administrator's own 15300/15301 pair at 09:17
has no trigger before it and is not an occurrence. SMS_SITE_COMPONENT_MANAGER restarts ~3.5 minutes
earlier, outside the 2-minute window. Configuration: **config-legacy-metadata** (5511/2161 under
\`LM/W3SVC/1\`); remedy: remove that key.`,
  perHostFolders: false,
  hosts: [
    {
      name: 'DP01.contoso.local',
      os: '2012R2',
      timeZone: 'Europe/London',
      bootServices: BOOT_2012R2_DP,
      firstRecordId: { System: 301877 },
      security: false,
      admin: CONTOSO_ADMIN,
      noiseSeed: 'sccm-5511-2161/DP01',
      noise: { System: 280, Security: 0 },
      timeline: [
        {
          at: '2026-03-03 01:56:58.551',
          kind: 'service-restart',
          service: 'SMS_SITE_COMPONENT_MANAGER',
          downSeconds: 4.2,
        },
        {
          at: '2026-03-03 02:00:31.904',
          kind: 'service-restart',
          service: 'SMS_EXECUTIVE',
          downSeconds: 7.35,
          tag: 'smsexec-1',
        },
        { at: '@smsexec-1+1.83', kind: 'binding-deleted', endpoint: '0.0.0.0:443' },
        { at: '@smsexec-1+1.91', kind: 'binding-created', endpoint: '0.0.0.0:443' },
        { at: '@smsexec-1+64', kind: 'tls-alerts', alert: 46, until: '2026-03-03 09:12:00', meanSeconds: 300 },
        { at: '2026-03-03 09:17:52.330', kind: 'binding-deleted', endpoint: '0.0.0.0:443' },
        { at: '2026-03-03 09:17:52.402', kind: 'binding-created', endpoint: '0.0.0.0:443' },
        {
          at: '2026-03-04 01:56:40.118',
          kind: 'service-restart',
          service: 'SMS_SITE_COMPONENT_MANAGER',
          downSeconds: 3.9,
        },
        {
          at: '2026-03-04 02:00:29.675',
          kind: 'service-restart',
          service: 'SMS_EXECUTIVE',
          downSeconds: 6.8,
          tag: 'smsexec-2',
        },
        { at: '@smsexec-2+2.05', kind: 'binding-deleted', endpoint: '0.0.0.0:443' },
        { at: '@smsexec-2+2.12', kind: 'binding-created', endpoint: '0.0.0.0:443' },
        { at: '@smsexec-2+80', kind: 'tls-alerts', alert: 46, until: '2026-03-04 08:30:00', meanSeconds: 280 },
      ],
      artefacts: {
        files: ['applicationHost.config', 'netsh-http-show-sslcert.txt', 'SslBindingInfo.reg', 'certutil-store-my.txt'],
        sites: [defaultSite()],
        customMetadata: [
          DEFAULT_METADATA,
          {
            path: 'LM/W3SVC/1',
            properties: [
              { id: 5511, dataType: 'String', userType: 1, attributes: 'Inherit', value: '' },
              { id: 2161, dataType: 'DWord', userType: 1, attributes: 'Inherit', value: '0' },
            ],
          },
        ],
        bindings: [{ endpoint: '0.0.0.0:443', thumbprint: WRONG }],
        certificates: [
          webCert(DP_CERT, 'DP01.contoso.local', '2025-06-10 10:00', '2027-06-10 10:00', {
            friendlyName: 'ConfigMgr DP web server',
          }),
          webCert(WRONG, 'DP01.contoso.local', '2025-06-10 10:05', '2026-06-10 10:05', {
            friendlyName: 'ConfigMgr client authentication',
            issuer: 'CN=Contoso Issuing CA 01, DC=contoso, DC=local',
          }),
        ],
      },
    },
  ],
  expected: [
    {
      kind: 'abo-binding-rebound',
      host: 'DP01.contoso.local',
      endpoints: ['0.0.0.0:443'],
      errorCode: null,
      firstTrigger: 'smsexec-1',
    },
    { kind: 'config-legacy-metadata', host: 'DP01.contoso.local', endpoints: [], errorCode: null, firstTrigger: null },
  ],
};
