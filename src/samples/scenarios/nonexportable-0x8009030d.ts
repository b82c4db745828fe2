import type { Scenario } from '../types.js';
import { BOOT_MODERN, CONTOSO_ADMIN, defaultSite, webCert } from './common.js';

const CERT = '4064C9A8DE73800808E441AA771763538B801B7D';

export const scenario: Scenario = {
  name: 'nonexportable-0x8009030d',
  title: 'Binding added in IIS Manager with a broken keyset: KeySpec 2, not exportable (0x8009030D)',
  story: `
On 24 March an administrator imports the intranet certificate on INTRA02 (Windows Server 2016) through
IIS Manager's "Import" dialog with **"Allow this certificate to be exported" unchecked**; the CSR had
been generated from a custom template without KeySpec, so the key is AT_SIGNATURE (KeySpec = 2). He
adds the https binding (HttpEvent 15301). IIS Manager shows "A specified logon session does not exist"
(HRESULT 0x80070520) and the System log records the real cause: Schannel 36870 with **0x8009030D**
(SEC_E_UNKNOWN_CREDENTIALS), internal error state 10001 — at binding time and then on every handshake.
There is no reboot.`,
  conclusion: `
One **private-key-failure** finding on INTRA02.contoso.local, error **0x8009030D**, first symptom the
36870 a fraction of a second after the 15301 that created the binding. Context: failures start at
binding time without a reboot → broken keyset (non-exportable import, MachineKeys permissions or
KeySpec 2). Remedy: delete the certificate, re-issue the CSR with KeySpec = 1, import it exportable or
through the Certificates MMC; check the MachineKeys ACLs. Configuration:
**config-certificate-problem** — \`certutil\` shows \`KeySpec = 2 -- AT_SIGNATURE\` and
"Private key is NOT exportable" for the bound certificate.`,
  perHostFolders: false,
  hosts: [
    {
      name: 'INTRA02.contoso.local',
      os: '2016',
      timeZone: 'Europe/Paris',
      bootServices: BOOT_MODERN,
      firstRecordId: { System: 114502, Security: 3310987 },
      security: true,
      admin: CONTOSO_ADMIN,
      noiseSeed: 'nonexportable/INTRA02',
      noise: { System: 240, Security: 260 },
      timeline: [
        { at: '2026-03-24 11:20:15.604', kind: 'admin-logon' },
        {
          at: '2026-03-24 11:23:02.377',
          kind: 'process',
          image: 'C:\\Windows\\System32\\inetsrv\\InetMgr.exe',
          commandLine: '"C:\\Windows\\system32\\inetsrv\\InetMgr.exe" ',
          parent: 'C:\\Windows\\explorer.exe',
        },
        { at: '2026-03-24 11:27:48.913', kind: 'binding-created', endpoint: '0.0.0.0:443', tag: 'bind' },
        {
          at: '@bind+0.21',
          kind: 'key-failures',
          code: 0x8009030d,
          until: '2026-03-24 17:40:00',
          meanSeconds: 300,
          tag: 'fail-1',
        },
      ],
      artefacts: {
        files: ['applicationHost.config', 'netsh-http-show-sslcert.txt', 'SslBindingInfo.reg', 'certutil-store-my.txt'],
        sites: [defaultSite()],
        customMetadata: [],
        bindings: [{ endpoint: '0.0.0.0:443', thumbprint: CERT }],
        certificates: [
          webCert(CERT, 'intranet.contoso.com', '2026-03-20 09:00', '2028-03-19 09:00', {
            keySpec: 2,
            exportable: false,
            provider: 'Microsoft Strong Cryptographic Provider',
            container: '{00F81886-5F70-430A-939C-BB7DD58ECE2A}',
          }),
        ],
      },
    },
  ],
  expected: [
    {
      kind: 'private-key-failure',
      host: 'INTRA02.contoso.local',
      endpoints: [],
      errorCode: '0x8009030D',
      firstTrigger: 'fail-1',
    },
    {
      kind: 'config-certificate-problem',
      host: 'INTRA02.contoso.local',
      endpoints: [],
      errorCode: null,
      firstTrigger: null,
    },
  ],
};
