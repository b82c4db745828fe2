import type { Scenario } from '../types.js';
import { BOOT_SSRS, CONTOSO_ADMIN, defaultSite, webCert, wmsvcCert } from './common.js';

const WWW = '2C14E32D9A20DA0B723D03E4A442BB17602B67C8';
const WMSVC = '3023E72691F567FE7AE895DAD1CEEDF194FD5826';
const RSCONFIG = 'C:\\Program Files\\Microsoft SQL Server Reporting Services\\Shared Tools\\RSConfigTool.exe';

export const scenario: Scenario = {
  name: 'ssrs-rsconfigtool-delete',
  title:
    "SQL Server Reporting Services Configuration Manager removes its https URL and with it IIS's binding of 0.0.0.0:443",
  story: `
RPT01 (Windows Server 2019) runs IIS 10 (the intranet portal, https on \`*:443\`) and SQL Server
Reporting Services on the same machine; both share HTTP.sys's SSL binding of \`0.0.0.0:443\`. On
7 April an administrator logs on by RDP and opens **Report Server Configuration Manager**
(\`RSConfigTool.exe\`, Security 4688 with its command line) to move the report portal to plain
http. On the Web Service URL page he removes the https URL and presses Apply: SSRS removes its URL
reservation and **deletes the SSL certificate binding of \`0.0.0.0:443\`** (HttpEvent 15300, and
HttpService 119 as Server 2019 also logs — one deletion, logged twice). Nothing re-creates it (no
15301). The IIS site still has its https binding in applicationHost.config, but HTTP.sys has no
certificate for the port any more: HTTPS to IIS fails from then on (clients see a reset; HTTP.sys
and Schannel log nothing because no credential is even looked up) while http works. The export the
next morning shows the binding missing in \`netsh http show sslcert\` and in the registry.
IIS 6 Management Compatibility is not installed (no IIS Admin Service); a patch reboot the night
before started every service with no deletion.`,
  conclusion: `
One **binding-deleted-by-tool** finding on RPT01.contoso.local for \`0.0.0.0:443\`: deleted at
12:09:02 UTC on 7 April, not re-created; the candidate that explains it is the 4688 of
\`RSConfigTool.exe\` (Report Server Configuration Manager) started by CONTOSO\\jdoe 3 min 22 s
earlier in the RDP session that began at 12:02 (4624 type 10). The 15300 and the HttpService 119
beside it are **one** deletion. Remedy: re-create IIS's binding (IIS Manager → Bindings → https →
select the certificate, or \`netsh http add sslcert ipport=0.0.0.0:443 certhash=${WWW.toLowerCase()}
appid={4dc3e181-e14b-4a21-b022-59fc669b0914}\`) and give SSRS its own port or an SNI host name so
Configuration Manager no longer owns the shared binding (SSRS documentation: removing an https URL
removes the certificate binding). The configuration shows the same: applicationHost.config has an
https binding on \`*:443\` that neither netsh nor SslBindingInfo lists.

It must **not** conclude an ABO-mapper deletion (no IIS Admin Service, no 5506, no trigger within
the window), must not name the ABO mapper or give its remedy (KB 2025598), and must not report a
private-key failure (there is no 36870).`,
  perHostFolders: false,
  hosts: [
    {
      name: 'RPT01.contoso.local',
      os: '2019',
      timeZone: 'Europe/Berlin',
      bootServices: BOOT_SSRS,
      firstRecordId: { System: 77410, Security: 1450332 },
      security: true,
      admin: CONTOSO_ADMIN,
      noiseSeed: 'ssrs-rsconfigtool-delete/RPT01',
      noise: { System: 250, Security: 300 },
      timeline: [
        {
          at: '2026-04-07 03:04:10.000',
          kind: 'reboot',
          downSeconds: 138,
          reason: 'Operating System: Service pack (Planned)',
        },
        { at: '2026-04-07 14:02:11.406', kind: 'admin-logon', tag: 'logon' },
        {
          at: '2026-04-07 14:05:40.212',
          kind: 'process',
          image: RSCONFIG,
          commandLine: `"${RSCONFIG}" `,
          parent: 'C:\\Windows\\explorer.exe',
          tag: 'rsconfig',
        },
        { at: '2026-04-07 14:09:02.518', kind: 'binding-deleted', endpoint: '0.0.0.0:443', tag: 'deleted' },
      ],
      artefacts: {
        files: ['applicationHost.config', 'netsh-http-show-sslcert.txt', 'SslBindingInfo.reg', 'certutil-store-my.txt'],
        sites: [defaultSite()],
        customMetadata: [],
        bindings: [{ endpoint: '0.0.0.0:8172', thumbprint: WMSVC }],
        certificates: [
          webCert(WWW, 'rpt01.contoso.com', '2025-10-14 10:00', '2027-10-14 10:00'),
          wmsvcCert(WMSVC, 'RPT01', '2024-09-02 15:21', '2034-08-31 15:21'),
        ],
      },
    },
  ],
  expected: [
    {
      kind: 'binding-deleted-by-tool',
      host: 'RPT01.contoso.local',
      endpoints: ['0.0.0.0:443'],
      errorCode: null,
      firstTrigger: 'rsconfig',
    },
  ],
};
