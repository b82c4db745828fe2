import type { Scenario } from '../types.js';
import { BOOT_MODERN_IIS6, DEFAULT_METADATA, FABRIKAM_ADMIN, defaultSite, legacyHashKey, webCert } from './common.js';

const CERT1 = '0B8EAC218DD7A8F1743F32C63B31D39AD410D2C4';
const CERT2 = '5D2586132DCDD2796E129A287A1BD197A0B47BE5';
const STALE = '7866DE55FB22614E7901A22152F5D8265CABABE6';
const fabrikam = (thumbprint: string, cn: string) =>
  webCert(thumbprint, cn, '2025-10-01 09:00', '2026-10-01 09:00', {
    subject: `CN=${cn}, O=Fabrikam BV, L=Amsterdam, C=NL`,
    issuer: 'CN=Fabrikam Issuing CA, DC=fabrikam, DC=local',
  });

export const scenario: Scenario = {
  name: 'two-hosts',
  title: 'Two web servers, skewed clocks, only one affected (ABO mapper on WEB02)',
  story: `
WEB01 and WEB02 serve the same site behind a load balancer (Windows Server 2016, IIS 10 with IIS 6
Management Compatibility, Amsterdam). On 10 March the administrator restarts the IIS Admin Service on
both, WEB01 first. Only WEB02 still has customMetadata **5506** under \`LM/W3SVC/1\` (the thumbprint
of a certificate replaced last year): its binding of \`0.0.0.0:443\` is deleted three seconds after
IISADMIN is running (15300 + HttpService 119, no 15301) and half of the HTTPS requests fail
(36870 0x80092004 on WEB02) until the binding is re-added. Both servers reboot on patch night; on
WEB02 IISADMIN starts at boot and deletes the binding again. WEB01 is unaffected throughout.
**WEB02's clock is 4 min 12 s behind** (its time source was unreachable): in its log the restart
appears *before* WEB01's although it happened after it.`,
  conclusion: `
One **abo-binding-deleted** finding on **WEB02.fabrikam.local** only, for \`0.0.0.0:443\`, first
trigger WEB02's IISADMIN 7036 "running" at the time WEB02 logged it (10 March 15:27:16.77 UTC by its
clock; 15:31:28.77 true time), two occurrences (manual restart, boot). Nothing for WEB01: the same
IISADMIN restart and reboot produce no 15300 there. Configuration: **config-abo-hash-invalid** for
WEB02 (its applicationHost.config); WEB01's artefacts are clean. Times stay per host: do not
correlate WEB01's events with WEB02's failures by wall clock.`,
  perHostFolders: true,
  hosts: [
    {
      name: 'WEB01.fabrikam.local',
      os: '2016',
      timeZone: 'Europe/Amsterdam',
      bootServices: BOOT_MODERN_IIS6,
      firstRecordId: { System: 55102 },
      security: false,
      admin: FABRIKAM_ADMIN,
      noiseSeed: 'two-hosts/WEB01',
      noise: { System: 240, Security: 0 },
      timeline: [
        { at: '2026-03-10 16:30:05.212', kind: 'service-restart', service: 'IISADMIN', downSeconds: 8.1 },
        {
          at: '2026-03-11 03:00:02.000',
          kind: 'reboot',
          downSeconds: 127,
          reason: 'Operating System: Service pack (Planned)',
        },
      ],
      artefacts: {
        files: ['applicationHost.config', 'netsh-http-show-sslcert.txt', 'certutil-store-my.txt'],
        sites: [defaultSite()],
        customMetadata: [DEFAULT_METADATA],
        bindings: [{ endpoint: '0.0.0.0:443', thumbprint: CERT1 }],
        certificates: [fabrikam(CERT1, 'www.fabrikam.com')],
      },
    },
    {
      name: 'WEB02.fabrikam.local',
      os: '2016',
      timeZone: 'Europe/Amsterdam',
      skewSeconds: -252,
      bootServices: BOOT_MODERN_IIS6,
      firstRecordId: { System: 54877 },
      security: false,
      admin: FABRIKAM_ADMIN,
      noiseSeed: 'two-hosts/WEB02',
      noise: { System: 240, Security: 0 },
      timeline: [
        {
          at: '2026-03-10 16:31:20.000',
          kind: 'service-restart',
          service: 'IISADMIN',
          downSeconds: 8.77,
          tag: 'iisadmin-1',
        },
        { at: '@iisadmin-1+2.9', kind: 'binding-deleted', endpoint: '0.0.0.0:443' },
        {
          at: '@iisadmin-1+120',
          kind: 'key-failures',
          code: 0x80092004,
          until: '2026-03-10 18:05:00',
          meanSeconds: 260,
        },
        { at: '2026-03-10 18:09:41.300', kind: 'binding-created', endpoint: '0.0.0.0:443' },
        {
          at: '2026-03-11 03:20:05.000',
          kind: 'reboot',
          downSeconds: 133,
          reason: 'Operating System: Service pack (Planned)',
          tag: 'boot',
        },
        { at: '@boot:IISADMIN+2.6', kind: 'binding-deleted', endpoint: '0.0.0.0:443' },
        {
          at: '@boot:IISADMIN+900',
          kind: 'key-failures',
          code: 0x80092004,
          until: '2026-03-11 09:30:00',
          meanSeconds: 300,
        },
      ],
      artefacts: {
        files: ['applicationHost.config', 'netsh-http-show-sslcert.txt', 'certutil-store-my.txt'],
        sites: [defaultSite()],
        customMetadata: [DEFAULT_METADATA, legacyHashKey('LM/W3SVC/1', STALE)],
        bindings: [],
        certificates: [fabrikam(CERT2, 'www.fabrikam.com')],
      },
    },
  ],
  expected: [
    {
      kind: 'abo-binding-deleted',
      host: 'WEB02.fabrikam.local',
      endpoints: ['0.0.0.0:443'],
      errorCode: null,
      firstTrigger: 'iisadmin-1',
    },
    {
      kind: 'config-abo-hash-invalid',
      host: 'WEB02.fabrikam.local',
      endpoints: [],
      errorCode: null,
      firstTrigger: null,
    },
  ],
};
