import type { Scenario } from '../types.js';
import {
  BOOT_MODERN_IIS6,
  CONTOSO_ADMIN,
  DEFAULT_METADATA,
  defaultSite,
  legacyHashKey,
  webCert,
  wmsvcCert,
} from './common.js';

const WWW = '3B85F6EE964FB1F3EF92073538E9139B200FFF60';
const WMSVC = '32C7297C3DBD581CBA40D5E23840D56351F837D5';
/** The certificate replaced two years ago: deleted from the store, still named by 5506. */
const STALE = 'E0C88762C3C328349EA98E6B023F18AF5462DF90';

export const scenario: Scenario = {
  name: 'abo-inetmgr6-adsutil',
  title: 'IIS 6 Manager and adsutil.vbs delete the SSL binding (invalid customMetadata 5506), no service restart',
  story: `
APP02 (Windows Server 2016, IIS 10 with IIS 6 Management Compatibility for a legacy SMTP relay)
keeps customMetadata property **5506** under \`LM/W3SVC/1\` with the thumbprint of a certificate that
was replaced and deleted long ago. No service restarts. On 17 March an administrator opens the IIS 6
Manager (\`InetMgr6.exe\`, Security 4688): the ABO mapper initialises, the binding of \`0.0.0.0:443\`
is deleted (HttpEvent 15300, and HttpService 119 as Server 2016 also logs) and not re-created. HTTPS
fails (Schannel 36870 0x80092004) until the administrator re-adds the binding in IIS Manager (15301).
The next day a colleague enumerates the metabase with \`cscript adsutil.vbs ENUM W3SVC/1\` (4688):
the same deletion happens again.`,
  conclusion: `
One **abo-binding-deleted** finding on APP02.contoso.local for \`0.0.0.0:443\` with two occurrences,
first trigger the 4688 of \`InetMgr6.exe\` (17 March 13:47:26 UTC), the second the 4688 of
\`cscript.exe … adsutil.vbs\`; there is no 7036 trigger. Each deletion appears twice in the System log
(HttpEvent 15300 and HttpService 119 at the same instant): one deletion, not two. Remedy: remove
property 5506 from \`LM/W3SVC/1\` (KB 2025598). Configuration: **config-abo-hash-invalid**.`,
  perHostFolders: false,
  hosts: [
    {
      name: 'APP02.contoso.local',
      os: '2016',
      timeZone: 'America/Chicago',
      bootServices: BOOT_MODERN_IIS6,
      firstRecordId: { System: 20533, Security: 1862044 },
      security: true,
      admin: CONTOSO_ADMIN,
      noiseSeed: 'abo-inetmgr6-adsutil/APP02',
      noise: { System: 240, Security: 300 },
      timeline: [
        { at: '2026-03-17 08:41:09.300', kind: 'admin-logon' },
        {
          at: '2026-03-17 08:47:26.118',
          kind: 'process',
          image: 'C:\\Windows\\System32\\inetsrv\\InetMgr6.exe',
          commandLine: '"C:\\Windows\\system32\\inetsrv\\InetMgr6.exe" ',
          parent: 'C:\\Windows\\explorer.exe',
          tag: 'inetmgr6',
        },
        { at: '@inetmgr6+4.7', kind: 'binding-deleted', endpoint: '0.0.0.0:443', tag: 'deleted-1' },
        { at: '@deleted-1+95', kind: 'key-failures', code: 0x80092004, until: '2026-03-17 09:58:00', meanSeconds: 180 },
        { at: '2026-03-17 10:03:44.861', kind: 'binding-created', endpoint: '0.0.0.0:443' },
        { at: '2026-03-18 14:22:05.640', kind: 'admin-logon' },
        {
          at: '2026-03-18 14:25:31.007',
          kind: 'process',
          image: 'C:\\Windows\\System32\\cscript.exe',
          commandLine: 'cscript  C:\\inetpub\\AdminScripts\\adsutil.vbs ENUM W3SVC/1',
          parent: 'C:\\Windows\\System32\\cmd.exe',
          tag: 'adsutil',
        },
        { at: '@adsutil+1.9', kind: 'binding-deleted', endpoint: '0.0.0.0:443', tag: 'deleted-2' },
        { at: '@deleted-2+60', kind: 'key-failures', code: 0x80092004, until: '2026-03-18 16:30:00', meanSeconds: 200 },
      ],
      artefacts: {
        files: ['applicationHost.config', 'netsh-http-show-sslcert.txt', 'SslBindingInfo.reg', 'certutil-store-my.txt'],
        sites: [
          defaultSite(),
          { id: 2, name: 'Orders', path: 'D:\\Sites\\Orders', bindings: [{ protocol: 'http', info: '*:8080:' }] },
        ],
        customMetadata: [DEFAULT_METADATA, legacyHashKey('LM/W3SVC/1', STALE)],
        bindings: [{ endpoint: '0.0.0.0:8172', thumbprint: WMSVC }],
        certificates: [
          webCert(WWW, 'orders.contoso.com', '2025-11-03 08:00', '2026-11-03 08:00'),
          wmsvcCert(WMSVC, 'APP02', '2023-02-20 11:31', '2033-02-17 11:31'),
        ],
      },
    },
  ],
  expected: [
    {
      kind: 'abo-binding-deleted',
      host: 'APP02.contoso.local',
      endpoints: ['0.0.0.0:443'],
      errorCode: null,
      firstTrigger: 'inetmgr6',
    },
    {
      kind: 'config-abo-hash-invalid',
      host: 'APP02.contoso.local',
      endpoints: [],
      errorCode: null,
      firstTrigger: null,
    },
  ],
};
