import type { Scenario } from '../types.js';
import { BOOT_MODERN, CONTOSO_ADMIN, acmeCert, wmsvcCert } from './common.js';

const NEW = 'FC64E243E9F795FC7D8DACAF7B91C24836F2A3C7';
const OLD = 'F665241637B38BD46FFA13D83A7EBF8312E4D709';
const WMSVC = 'D4F4E14BE719ECFAD58341CF9B5CB1BC3BAA8F9D';
const WACS = 'C:\\Program Files\\win-acme\\wacs.exe';

export const scenario: Scenario = {
  name: 'stale-ip-binding-sni',
  title: 'After a renewal the SNI bindings have the new certificate, an old IP-specific binding keeps the expired one',
  story: `
WEB20 (Windows Server 2019, IIS 10) hosts the Contoso shop. Years ago the site was bound to its own
address, \`https 10.0.0.5:443\` (HTTP.sys binding \`10.0.0.5:443\`, IP-based, no SNI). Last year
the host names were added as SNI bindings (\`*:443:www.contoso.com\` and \`*:443:shop.contoso.com\`,
sslFlags 1), but the IP binding was never removed. The win-acme renewal task had been failing for
weeks; after a fix it runs on 2 March at 02:00 as SYSTEM (\`wacs.exe --renew\`, Security 4688,
parent the Task Scheduler's svchost.exe) and installs the new Let's Encrypt certificate: it creates
the SNI bindings \`www.contoso.com:443\` and \`shop.contoso.com:443\` with the new certificate
(HttpEvent 15301 for each) and leaves \`10.0.0.5:443\` alone, still on the old certificate.

The old certificate expires on 3 March at 09:14. Browsers send SNI and get the new certificate;
clients that send **no SNI or connect by address** — the load balancer's health check on
\`https://10.0.0.5/\`, an old payment terminal, a partner's Java 6 integration — are answered from
the IP binding with the **expired** certificate and abort the handshake: Schannel 36887 "fatal alert
received", alert 45 (certificate_expired), from 09:20 on. \`netsh http show sslcert\`,
SslBindingInfo / SslSniBindingInfo and \`certutil\` exported in the afternoon show the three
bindings and both certificates.`,
  conclusion: `
A **config-stale-ip-binding** finding on WEB20.contoso.local for \`10.0.0.5:443\`: it binds
\`${OLD}\` (expired 3 March 2026 09:14 local time), while the SNI bindings on the same port
(\`www.contoso.com:443\`, \`shop.contoso.com:443\`) bind \`${NEW}\` (valid to 31 May). It must say
which clients get which certificate: clients sending SNI for those names get the new certificate;
clients sending no SNI, or a name with no SNI binding, connecting to 10.0.0.5 get the expired one
(HTTP.sys looks up hostname:port first, then IP:port). The 36887 alert-45 failures from 09:20 on
are the symptom. Remedy: \`netsh http delete sslcert ipport=10.0.0.5:443\` and remove the
\`10.0.0.5:443\` https binding in IIS (or re-bind it to the new certificate if non-SNI clients must
be served), then re-run the renewal's installation step.

Beside it, the existing certificate check reports the expired certificate that is still bound: a
**config-certificate-problem** for \`${OLD}\` (expired, bound to \`10.0.0.5:443\`). Both are
expected: the certificate problem says *what* is wrong, the stale-binding finding says *why* it is
still served and to whom. It must **not** report a deleted binding (nothing was deleted: the
renewal created two SNI bindings), must not name the ABO mapper, and must not report the new
certificate as a problem.`,
  perHostFolders: false,
  hosts: [
    {
      name: 'WEB20.contoso.local',
      os: '2019',
      timeZone: 'Europe/Berlin',
      bootServices: BOOT_MODERN,
      firstRecordId: { System: 88121, Security: 3120554 },
      security: true,
      admin: CONTOSO_ADMIN,
      noiseSeed: 'stale-ip-binding-sni/WEB20',
      noise: { System: 280, Security: 320 },
      timeline: [
        {
          at: '2026-03-02 02:00:03.118',
          kind: 'process',
          as: 'system',
          image: WACS,
          commandLine: `"${WACS}" --renew --baseuri "https://acme-v02.api.letsencrypt.org/"`,
          parent: 'C:\\Windows\\System32\\svchost.exe',
          tag: 'wacs',
        },
        { at: '@wacs+41.7', kind: 'binding-created', endpoint: 'www.contoso.com:443', tag: 'sni-www' },
        { at: '@sni-www+0.21', kind: 'binding-created', endpoint: 'shop.contoso.com:443' },
        {
          at: '2026-03-03 09:20:41.530',
          kind: 'tls-alerts',
          alert: 45,
          until: '2026-03-03 15:30:00',
          meanSeconds: 400,
          tag: 'expired-alerts',
        },
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
            name: 'Contoso Shop',
            path: 'D:\\Sites\\Shop',
            bindings: [
              { protocol: 'http', info: '*:80:' },
              { protocol: 'https', info: '10.0.0.5:443:', sslFlags: 0 },
              { protocol: 'https', info: '*:443:www.contoso.com', sslFlags: 1 },
              { protocol: 'https', info: '*:443:shop.contoso.com', sslFlags: 1 },
            ],
          },
        ],
        customMetadata: [],
        bindings: [
          { endpoint: '10.0.0.5:443', thumbprint: OLD },
          { endpoint: 'www.contoso.com:443', thumbprint: NEW },
          { endpoint: 'shop.contoso.com:443', thumbprint: NEW },
          { endpoint: '0.0.0.0:8172', thumbprint: WMSVC },
        ],
        certificates: [
          acmeCert(OLD, 'www.contoso.com', '2025-12-03 09:14', '2026-03-03 09:14'),
          acmeCert(NEW, 'www.contoso.com', '2026-03-02 01:00', '2026-05-31 01:00'),
          wmsvcCert(WMSVC, 'WEB20', '2022-08-15 11:30', '2032-08-12 11:30'),
        ],
      },
    },
  ],
  expected: [
    {
      kind: 'config-stale-ip-binding',
      host: 'WEB20.contoso.local',
      endpoints: ['10.0.0.5:443'],
      errorCode: null,
      firstTrigger: null,
    },
    {
      kind: 'config-certificate-problem',
      host: 'WEB20.contoso.local',
      endpoints: [],
      errorCode: null,
      firstTrigger: null,
    },
  ],
};
