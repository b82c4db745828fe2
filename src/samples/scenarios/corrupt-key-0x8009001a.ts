import type { Scenario } from '../types.js';
import { BOOT_MODERN, CONTOSO_ADMIN, defaultSite, webCert } from './common.js';

const SELF = '877CB9BDF636ACE7AFEF1F70C85EFC8C472405B6';

export const scenario: Scenario = {
  name: 'corrupt-key-0x8009001a',
  title: 'Corrupted key: 0x8009001A until a self-signed certificate replaces it',
  story: `
On the morning of 26 March PORTAL01 (Windows Server 2019, Sydney) starts failing every TLS handshake:
HttpEvent 15021 (error using the SSL configuration of \`0.0.0.0:443\`) and then Schannel 36870 with
**0x8009001A** (NTE_KEYSET_ENTRY_BAD, "Keyset as registered is invalid") every couple of minutes. The
certificate's key is corrupted. Following the troubleshooting guide the administrator binds a
self-signed certificate as a test (15300+15301 in the same second at 13:11): the errors stop at once,
confirming the certificate/key, not the server, is at fault. W3SVC is restarted afterwards. The
corrupted certificate was deleted before the artefacts were exported.`,
  conclusion: `
One **private-key-failure** finding on PORTAL01.contoso.local, error **0x8009001A**, first symptom
the first 36870 (26 March 07:58 local = 25 March 20:58 UTC), recovery at the 15300/15301 pair after
which no 36870 follows. No ABO finding: nothing triggers the mapper before that pair (the W3SVC restart
comes after it and is not an ABO trigger). Remedy: replace the certificate (request a new one; the
self-signed one is a stop-gap). The configuration shows no problem.`,
  perHostFolders: false,
  hosts: [
    {
      name: 'PORTAL01.contoso.local',
      os: '2019',
      timeZone: 'Australia/Sydney',
      bootServices: BOOT_MODERN,
      firstRecordId: { System: 66120 },
      security: false,
      admin: CONTOSO_ADMIN,
      noiseSeed: 'corrupt-key/PORTAL01',
      noise: { System: 260, Security: 0 },
      timeline: [
        { at: '2026-03-26 07:58:12.431', kind: 'ssl-config-error', endpoint: '0.0.0.0:443', status: 0x8009001a },
        {
          at: '2026-03-26 07:58:12.447',
          kind: 'key-failures',
          code: 0x8009001a,
          until: '2026-03-26 13:05:00',
          meanSeconds: 120,
          tag: 'fail-1',
        },
        { at: '2026-03-26 13:11:06.204', kind: 'binding-deleted', endpoint: '0.0.0.0:443' },
        { at: '2026-03-26 13:11:06.270', kind: 'binding-created', endpoint: '0.0.0.0:443' },
        { at: '2026-03-26 13:12:30.118', kind: 'service-restart', service: 'W3SVC', downSeconds: 2.6 },
      ],
      artefacts: {
        files: ['applicationHost.config', 'netsh-http-show-sslcert.txt', 'SslBindingInfo.reg', 'certutil-store-my.txt'],
        sites: [defaultSite()],
        customMetadata: [],
        bindings: [{ endpoint: '0.0.0.0:443', thumbprint: SELF }],
        certificates: [
          webCert(SELF, 'PORTAL01.contoso.local', '2026-03-26 13:08', '2027-03-26 13:08', {
            issuer: 'CN=PORTAL01.contoso.local',
            subject: 'CN=PORTAL01.contoso.local',
            selfSigned: true,
            friendlyName: 'portal test self-signed',
          }),
        ],
      },
    },
  ],
  expected: [
    {
      kind: 'private-key-failure',
      host: 'PORTAL01.contoso.local',
      endpoints: [],
      errorCode: '0x8009001A',
      firstTrigger: 'fail-1',
    },
  ],
};
