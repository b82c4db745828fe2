import type { Scenario } from '../types.js';
import { BOOT_MODERN, CONTOSO_ADMIN, defaultSite, webCert } from './common.js';

const NEW = '9498118A17A6360585663E8BA908EC4526E059F9';
const OLD = '0F0C7DB5769377864EAF47ED129652D2983FCE2C';
const CONTAINER = 'te-WebServer-5b2c1e0f-8a7d-4c3e-9f10-2a6b7c8d9e01';

export const scenario: Scenario = {
  name: 'keyset-dragdrop-0x80090016',
  title: 'Certificate dragged from the user store: private key left behind, failures after the reboot (0x80090016)',
  story: `
SHOP01 (Windows Server 2019) gets its renewed certificate on 19 March. The administrator imports the
PFX into **his user store** (Certificates snap-in, \`certmgr.msc\`), then drags it to Local Computer \\
Personal in \`certlm.msc\` and selects it on the https binding in IIS Manager (15300+15301 in the same
second). HTTPS keeps working for now. During the maintenance restart at 02:30 on 20 March the
machine comes up without access to the key — it stayed in the user profile — and from the first
handshake on, every TLS connection fails: Schannel 36870 with **0x80090016** (NTE_BAD_KEYSET, "Keyset
does not exist"), each beside a Security 5061 audit failure with ReturnCode 0x80090016 naming the
key container \`${CONTAINER}\`.`,
  conclusion: `
One **private-key-failure** finding on SHOP01.contoso.local, error **0x80090016**, first symptom the
first 36870 after the reboot (there is none before it; \`firstTrigger\` in expected.json). Context for the cause: the
failures start right after a reboot (6006/6005/6009) following a certificate change, and 5061 names
the same key container → key left behind in the user store (drag and drop). Remedy: re-import the PFX
into the Local Machine store (or \`certutil -repairstore my ${NEW}\`), or re-open the binding and press
OK. Configuration: **config-certificate-problem** — \`certutil\` shows "Missing stored keyset" for
the bound certificate.`,
  perHostFolders: false,
  hosts: [
    {
      name: 'SHOP01.contoso.local',
      os: '2019',
      timeZone: 'America/New_York',
      bootServices: BOOT_MODERN,
      firstRecordId: { System: 7741, Security: 655210 },
      security: true,
      admin: CONTOSO_ADMIN,
      noiseSeed: 'keyset-dragdrop/SHOP01',
      noise: { System: 240, Security: 260 },
      timeline: [
        { at: '2026-03-19 15:02:40.115', kind: 'admin-logon' },
        {
          at: '2026-03-19 15:06:12.730',
          kind: 'process',
          image: 'C:\\Windows\\System32\\mmc.exe',
          commandLine: '"C:\\Windows\\system32\\mmc.exe" "C:\\Windows\\system32\\certmgr.msc" ',
          parent: 'C:\\Windows\\explorer.exe',
        },
        {
          at: '2026-03-19 15:09:55.402',
          kind: 'process',
          image: 'C:\\Windows\\System32\\mmc.exe',
          commandLine: '"C:\\Windows\\system32\\mmc.exe" "C:\\Windows\\system32\\certlm.msc" ',
          parent: 'C:\\Windows\\explorer.exe',
        },
        {
          at: '2026-03-19 15:13:21.950',
          kind: 'process',
          image: 'C:\\Windows\\System32\\inetsrv\\InetMgr.exe',
          commandLine: '"C:\\Windows\\system32\\inetsrv\\InetMgr.exe" ',
          parent: 'C:\\Windows\\explorer.exe',
        },
        { at: '2026-03-19 15:14:47.208', kind: 'binding-deleted', endpoint: '0.0.0.0:443' },
        { at: '2026-03-19 15:14:47.261', kind: 'binding-created', endpoint: '0.0.0.0:443' },
        {
          at: '2026-03-20 02:30:04.000',
          kind: 'reboot',
          downSeconds: 168,
          reason: 'Operating System: Service pack (Planned)',
          tag: 'boot',
        },
        {
          at: '@boot:W3SVC+41.6',
          kind: 'key-failures',
          code: 0x80090016,
          until: '2026-03-20 10:45:00',
          meanSeconds: 240,
          with5061: { keyName: CONTAINER, provider: 'Microsoft Software Key Storage Provider' },
          tag: 'fail-1',
        },
      ],
      artefacts: {
        files: ['applicationHost.config', 'netsh-http-show-sslcert.txt', 'SslBindingInfo.reg', 'certutil-store-my.txt'],
        sites: [defaultSite()],
        customMetadata: [],
        bindings: [{ endpoint: '0.0.0.0:443', thumbprint: NEW }],
        certificates: [
          webCert(OLD, 'shop.contoso.com', '2025-03-28 12:00', '2026-03-28 12:00'),
          webCert(NEW, 'shop.contoso.com', '2026-03-18 12:00', '2027-03-18 12:00', {
            key: 'missing',
            container: CONTAINER,
            provider: 'Microsoft Software Key Storage Provider',
          }),
        ],
      },
    },
  ],
  expected: [
    {
      kind: 'private-key-failure',
      host: 'SHOP01.contoso.local',
      endpoints: [],
      errorCode: '0x80090016',
      firstTrigger: 'fail-1',
    },
    {
      kind: 'config-certificate-problem',
      host: 'SHOP01.contoso.local',
      endpoints: [],
      errorCode: null,
      firstTrigger: null,
    },
  ],
};
