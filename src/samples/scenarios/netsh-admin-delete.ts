import type { Scenario } from '../types.js';
import { BOOT_MODERN, CONTOSO_ADMIN, defaultSite, webCert, wmsvcCert } from './common.js';

const WWW = '937577616F0C5444B5767B72B243B795C49BA8E0';
const WMSVC = '7D0D3FD34D8D48A7E7E5AF1FD729AEA3B9FEAED7';

export const scenario: Scenario = {
  name: 'netsh-admin-delete',
  title: 'An administrator deletes the SSL binding with netsh http delete sslcert (no ABO trigger)',
  story: `
WEB07 (Windows Server 2016, IIS 10, no IIS 6 compatibility) has process-creation auditing with
command lines on. On 21 April an administrator connects by RDP (4624 type 10), opens a command
prompt, lists the bindings (\`netsh http show sslcert\`) and — meaning to clean up an old test
binding on port 4443 — runs **\`netsh http delete sslcert ipport=0.0.0.0:443\`** (4688 with that
command line). HTTP.sys deletes the production binding: HttpEvent 15300 one second later and
HttpService 119 at the same instant (Server 2016 logs the one deletion both ways). Nothing
re-creates it. HTTPS fails from then on; no Schannel error is logged because HTTP.sys no longer has
a credential to load. The responder exports the logs and the configuration an hour later: the
binding of \`0.0.0.0:443\` is gone from netsh and the registry, while applicationHost.config still
has the site's https binding and the certificate is in the store with its key.`,
  conclusion: `
One **binding-deleted-by-tool** finding on WEB07.contoso.local for \`0.0.0.0:443\`, one deletion
(the 15300 and the 119 beside it count once), not re-created within the window; the candidate is
the 4688 of \`netsh.exe\` with the command line \`netsh  http delete sslcert ipport=0.0.0.0:443\`
by CONTOSO\\jdoe 1.3 s before, in the RDP session of 4624 type 10 at 08:31 UTC. The earlier
\`netsh http show sslcert\` is not the culprit (it changes nothing). Confidence high: the command
line names the deleted endpoint. Remedy: re-create the binding (IIS Manager → Bindings → https, or
\`netsh http add sslcert ipport=0.0.0.0:443 certhash=${WWW.toLowerCase()} appid={4dc3e181-e14b-4a21-b022-59fc669b0914}\`).

It must **not** name the ABO mapper or give KB 2025598 remedies (no IIS Admin Service, no
customMetadata, no trigger), must not report a private-key failure, and must not report two
deletions.`,
  perHostFolders: false,
  hosts: [
    {
      name: 'WEB07.contoso.local',
      os: '2016',
      timeZone: 'Europe/London',
      bootServices: BOOT_MODERN,
      firstRecordId: { System: 30877, Security: 990213 },
      security: true,
      admin: CONTOSO_ADMIN,
      noiseSeed: 'netsh-admin-delete/WEB07',
      noise: { System: 240, Security: 300 },
      timeline: [
        { at: '2026-04-21 09:31:02.114', kind: 'admin-logon', tag: 'logon' },
        {
          at: '2026-04-21 09:33:47.530',
          kind: 'process',
          image: 'C:\\Windows\\System32\\cmd.exe',
          commandLine: '"C:\\Windows\\system32\\cmd.exe" ',
          parent: 'C:\\Windows\\explorer.exe',
        },
        {
          at: '2026-04-21 09:34:15.902',
          kind: 'process',
          image: 'C:\\Windows\\System32\\netsh.exe',
          commandLine: 'netsh  http show sslcert',
          parent: 'C:\\Windows\\System32\\cmd.exe',
        },
        {
          at: '2026-04-21 09:36:08.611',
          kind: 'process',
          image: 'C:\\Windows\\System32\\netsh.exe',
          commandLine: 'netsh  http delete sslcert ipport=0.0.0.0:443',
          parent: 'C:\\Windows\\System32\\cmd.exe',
          tag: 'netsh',
        },
        { at: '@netsh+1.3', kind: 'binding-deleted', endpoint: '0.0.0.0:443', tag: 'deleted' },
      ],
      artefacts: {
        files: ['applicationHost.config', 'netsh-http-show-sslcert.txt', 'SslBindingInfo.reg', 'certutil-store-my.txt'],
        sites: [defaultSite()],
        customMetadata: [],
        bindings: [{ endpoint: '0.0.0.0:8172', thumbprint: WMSVC }],
        certificates: [
          webCert(WWW, 'www.contoso.co.uk', '2025-12-01 09:00', '2026-12-01 09:00'),
          wmsvcCert(WMSVC, 'WEB07', '2023-06-19 10:02', '2033-06-16 10:02'),
        ],
      },
    },
  ],
  expected: [
    {
      kind: 'binding-deleted-by-tool',
      host: 'WEB07.contoso.local',
      endpoints: ['0.0.0.0:443'],
      errorCode: null,
      firstTrigger: 'netsh',
    },
  ],
};
