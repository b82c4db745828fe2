import type { Scenario } from '../types.js';
import { BOOT_2022, CONTOSO_ADMIN, acmeCert, wmsvcCert } from './common.js';

const NEW = '1BD90C458667278D5E786922B78ADECFD5CF6359';
const OLD = 'B7AD0FC16896FDF40E838BEC55423C52DB39DA7E';
const WMSVC = 'A820289FDF8E9C11011E3B75B24C096EFBA5F7ED';
const WACS = 'C:\\Program Files\\win-acme\\wacs.exe';

export const scenario: Scenario = {
  name: 'healthy-renewal-15302',
  title: 'Healthy monthly renewal on Server 2022: win-acme updates the SNI binding in place (15302)',
  story: `
WEB21 (Windows Server 2022, IIS 10) serves \`www.contoso.com\` through an SNI binding
(\`*:443:www.contoso.com\`, sslFlags 1). Its win-acme task runs every night; on 1 April at 02:00 the
certificate is due (60 days into its 90) and \`wacs.exe --renew\` (Security 4688, as SYSTEM from the
Task Scheduler) obtains a new Let's Encrypt certificate and **updates the existing binding in
place**: Server 2022 logs HttpEvent **15302** "SSL Certificate Settings updated by an admin process
for endpoint : www.contoso.com:443" — no 15300, no 15301, no gap in service. The previous
certificate stays in the store (valid until the end of April). A patch reboot the night before and
an \`iisreset\` in the afternoon are routine. No TLS error follows.`,
  conclusion: `
Nothing above **info**. At most one **binding-renewed** (info) finding on WEB21.contoso.local for
\`www.contoso.com:443\`: an in-place update by win-acme (\`wacs.exe\` 4688 38 s before the 15302),
a renewal, not a loss. The artefacts agree: netsh and SslSniBindingInfo bind the new certificate
\`${NEW}\`, which certutil shows with its private key and valid to 30 June; the old certificate
\`${OLD}\` is unbound and still valid.

It must **not** report a deleted binding (15302 is not 15300), a tool deletion, a configuration
problem for the unbound previous certificate, or anything about the reboot and \`iisreset\`.`,
  perHostFolders: false,
  hosts: [
    {
      name: 'WEB21.contoso.local',
      os: '2022',
      timeZone: 'America/New_York',
      bootServices: BOOT_2022,
      firstRecordId: { System: 52309, Security: 1877410 },
      security: true,
      admin: CONTOSO_ADMIN,
      noiseSeed: 'healthy-renewal-15302/WEB21',
      noise: { System: 260, Security: 300 },
      timeline: [
        {
          at: '2026-03-31 01:30:22.000',
          kind: 'reboot',
          downSeconds: 171,
          reason: 'Operating System: Service pack (Planned)',
        },
        {
          at: '2026-04-01 02:00:04.377',
          kind: 'process',
          as: 'system',
          image: WACS,
          commandLine: `"${WACS}" --renew --baseuri "https://acme-v02.api.letsencrypt.org/"`,
          parent: 'C:\\Windows\\System32\\svchost.exe',
          tag: 'wacs',
        },
        { at: '@wacs+38.2', kind: 'binding-updated', endpoint: 'www.contoso.com:443', tag: 'updated' },
        { at: '2026-04-01 15:12:40.880', kind: 'admin-logon' },
        {
          at: '2026-04-01 15:13:02.104',
          kind: 'process',
          image: 'C:\\Windows\\System32\\iisreset.exe',
          commandLine: 'iisreset',
          parent: 'C:\\Windows\\System32\\cmd.exe',
        },
        { at: '2026-04-01 15:13:03.020', kind: 'service-restart', service: 'W3SVC', downSeconds: 3.8 },
      ],
      artefacts: {
        files: [
          'applicationHost.config',
          'netsh-http-show-sslcert.txt',
          'SslBindingInfo.reg',
          'SslSniBindingInfo.reg',
          'certutil-store-my.txt',
        ],
        sites: [
          {
            id: 1,
            name: 'Default Web Site',
            path: '%SystemDrive%\\inetpub\\wwwroot',
            bindings: [
              { protocol: 'http', info: '*:80:' },
              { protocol: 'https', info: '*:443:www.contoso.com', sslFlags: 1 },
            ],
          },
        ],
        customMetadata: [],
        bindings: [
          { endpoint: 'www.contoso.com:443', thumbprint: NEW },
          { endpoint: '0.0.0.0:8172', thumbprint: WMSVC },
        ],
        certificates: [
          acmeCert(OLD, 'www.contoso.com', '2026-01-30 01:00', '2026-04-30 01:00'),
          acmeCert(NEW, 'www.contoso.com', '2026-04-01 01:00', '2026-06-30 01:00'),
          wmsvcCert(WMSVC, 'WEB21', '2025-04-07 10:10', '2035-04-05 10:10'),
        ],
      },
    },
  ],
  expected: [
    {
      kind: 'binding-renewed',
      host: 'WEB21.contoso.local',
      endpoints: ['www.contoso.com:443'],
      errorCode: null,
      firstTrigger: 'wacs',
    },
  ],
};
