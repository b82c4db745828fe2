import type { Scenario } from '../types.js';
import { BOOT_MODERN_IIS6, CONTOSO_ADMIN, DEFAULT_METADATA, defaultSite, webCert, wmsvcCert } from './common.js';

const NEW = '01493FE28E0847CC6E5AB0A78886B6D71C556A8B';
const OLD = '57BCD9C9BCBE2BD1E60EDD32E744D1D161B30FA1';
const WMSVC = 'B65E9773D58FDE862488680CAA20C08F6B6A1386';

export const scenario: Scenario = {
  name: 'healthy-baseline',
  title: 'Healthy server: reboots, IIS restarts and a certificate renewal — no incident',
  story: `
WEB05 (Windows Server 2019, IIS 10 with IIS 6 Management Compatibility) has an ordinary week: a
patch-night reboot on 10 March (IISADMIN starts at boot), an \`iisreset\` in the morning (IISADMIN
and W3SVC restart), a certificate renewal on 11 March — the administrator selects the new certificate
on the https binding in IIS Manager, which deletes and re-creates the binding in the same second
(15300 + 15301, with HttpService 119 beside the 15300) — another reboot on 12 March and a manual
IISADMIN restart in the afternoon. customMetadata holds only what IIS 6 compatibility installs
(\`LM/W3SVC/INFO\`: 4012, 2120). No certificate property, no TLS failure.`,
  conclusion: `
**No finding** (\`{"findings":[]}\`). The triggers (IISADMIN reaching running at boot, after
\`iisreset\` and by hand; reboots) are followed by no 15300; the one 15300 is re-created in the same
second by the administrator's 15301 with no trigger before it and no failure after it; there is no
36870. The configuration is clean: the bound certificate is in the store with its private key
(KeySpec 1), the AppId is IIS's, and customMetadata holds no legacy certificate property.`,
  perHostFolders: false,
  hosts: [
    {
      name: 'WEB05.contoso.local',
      os: '2019',
      timeZone: 'America/Los_Angeles',
      bootServices: BOOT_MODERN_IIS6,
      firstRecordId: { System: 90211, Security: 2210455 },
      security: true,
      admin: CONTOSO_ADMIN,
      noiseSeed: 'healthy-baseline/WEB05',
      noise: { System: 280, Security: 300 },
      timeline: [
        {
          at: '2026-03-10 01:15:33.000',
          kind: 'reboot',
          downSeconds: 152,
          reason: 'Operating System: Service pack (Planned)',
        },
        { at: '2026-03-10 09:02:04.812', kind: 'admin-logon' },
        {
          at: '2026-03-10 09:02:10.115',
          kind: 'process',
          image: 'C:\\Windows\\System32\\iisreset.exe',
          commandLine: 'iisreset',
          parent: 'C:\\Windows\\System32\\cmd.exe',
        },
        { at: '2026-03-10 09:02:11.020', kind: 'service-restart', service: 'W3SVC', downSeconds: 4.1 },
        { at: '2026-03-10 09:02:11.480', kind: 'service-restart', service: 'IISADMIN', downSeconds: 5.3 },
        { at: '2026-03-11 10:40:02.118', kind: 'admin-logon' },
        {
          at: '2026-03-11 10:44:10.260',
          kind: 'process',
          image: 'C:\\Windows\\System32\\mmc.exe',
          commandLine: '"C:\\Windows\\system32\\mmc.exe" "C:\\Windows\\system32\\certlm.msc" ',
          parent: 'C:\\Windows\\explorer.exe',
        },
        {
          at: '2026-03-11 10:47:55.903',
          kind: 'process',
          image: 'C:\\Windows\\System32\\inetsrv\\InetMgr.exe',
          commandLine: '"C:\\Windows\\system32\\inetsrv\\InetMgr.exe" ',
          parent: 'C:\\Windows\\explorer.exe',
        },
        { at: '2026-03-11 10:49:31.305', kind: 'binding-deleted', endpoint: '0.0.0.0:443' },
        { at: '2026-03-11 10:49:31.377', kind: 'binding-created', endpoint: '0.0.0.0:443' },
        {
          at: '2026-03-12 01:15:40.000',
          kind: 'reboot',
          downSeconds: 149,
          reason: 'Operating System: Service pack (Planned)',
        },
        { at: '2026-03-12 14:05:07.220', kind: 'service-restart', service: 'IISADMIN', downSeconds: 9.4 },
      ],
      artefacts: {
        files: ['applicationHost.config', 'netsh-http-show-sslcert.txt', 'SslBindingInfo.reg', 'certutil-store-my.txt'],
        sites: [
          defaultSite(),
          { id: 2, name: 'Reports', path: 'D:\\Sites\\Reports', bindings: [{ protocol: 'http', info: '*:8081:' }] },
        ],
        customMetadata: [DEFAULT_METADATA],
        bindings: [
          { endpoint: '0.0.0.0:443', thumbprint: NEW },
          { endpoint: '0.0.0.0:8172', thumbprint: WMSVC },
        ],
        certificates: [
          webCert(OLD, 'www.contoso.com', '2025-03-20 08:00', '2026-04-20 08:00'),
          webCert(NEW, 'www.contoso.com', '2026-03-09 08:00', '2027-04-09 08:00'),
          wmsvcCert(WMSVC, 'WEB05', '2024-01-08 12:02', '2034-01-05 12:02'),
        ],
      },
    },
  ],
  expected: [],
};
