import type { Scenario } from '../types.js';
import {
  BOOT_MODERN_IIS6,
  DEFAULT_METADATA,
  LITWARE_ADMIN,
  defaultSite,
  legacyHashKey,
  webCert,
  wmsvcCert,
} from './common.js';

const WWW = '0F3CC61475F8B743A3567A40AE504714D111037A';
const WMSVC = '54DF70FD89C1A56693E0A131C2601E72E21541B6';
/** A certificate replaced in 2024 and deleted from the store; 5506 still names it. */
const STALE = '9E2D4C1B7A30F58E6D1C2B3A4F5E6D7C8B9A0F1E';
const litware = (thumbprint: string, cn: string) =>
  webCert(thumbprint, cn, '2025-11-17 10:00', '2026-11-17 10:00', {
    subject: `CN=${cn}, O=Litware GmbH, L=Stuttgart, C=DE`,
    issuer: 'CN=Litware Issuing CA, DC=litware, DC=local',
  });

export const scenario: Scenario = {
  name: 'localized-de',
  title:
    'German Windows Server, logs saved as Event Viewer XML: IIS Admin Service start deletes the SSL binding (invalid customMetadata 5506)',
  story: `
The same incident as \`abo-5506-iisadmin\`, on a German server. WEB03 (Windows Server 2016, German
UI, IIS 10 with IIS 6 Management Compatibility) keeps customMetadata property **5506** under
\`LM/W3SVC/1\` with the thumbprint \`${STALE}\` of a certificate that is no longer in the store. On
16 March the administrator restarts the IIS Admin Service ("IIS-Verwaltungsdienst"); as it reaches
the running state ("Ausgeführt") the ABO mapper deletes the binding of \`0.0.0.0:443\` (HttpEvent
15300 and HttpService 119 — one deletion) and cannot re-create it. HTTPS fails with Schannel 36870
0x80092004 until he re-adds the binding (15301); the patch reboot on 18 March deletes it again.

The responder did not get .evtx files: the admin saved the System log in Event Viewer as **XML**
("Alle Ereignisse speichern unter… → XML"). Each \`<Event>\` carries its \`RenderingInfo
Culture='de-DE'\` with the German message, level ("Informationen", "Warnung", "Fehler"), opcode and
keyword names, and the 7036 insertion strings are German too (\`param1\` "IIS-Verwaltungsdienst",
\`param2\` "Ausgeführt"/"Beendet"); only the 7036 \`<Binary>\` (\`IISADMIN/4\` in UTF-16) is
language-independent. \`netsh http show sslcert\` was run on the server: German labels
(\`SSL-Zertifikatbindungen:\`, \`IP:Port\`, \`Zertifikathash\`, \`Anwendungs-ID\`,
\`Zertifikatspeichername\`, the rest unverified German) in code page 850. \`certutil\` was run from
the responder's English workstation against the server's store.`,
  conclusion: `
The same findings as the English \`abo-5506-iisadmin\`: one **abo-binding-deleted** on
WEB03.litware.local for \`0.0.0.0:443\`, first trigger the 7036 whose Binary is \`IISADMIN/4\`
(10:21:47 UTC on 16 March), two occurrences (manual restart, boot), the 36870 0x80092004 as
symptoms, remedy KB 2025598; and **config-abo-hash-invalid** (5506 = \`${STALE}\`, not in the
store). The trigger must be recognised from the Binary (or the service key), not from the English
display name, which this export does not contain; the 15300 and 119 at the same instant are one
deletion; the German netsh listing must yield the bindings it holds (\`0.0.0.0:8172\`, no
\`0.0.0.0:443\`), keyed off the values' shapes where a label is unknown.`,
  perHostFolders: false,
  hosts: [
    {
      name: 'WEB03.litware.local',
      os: '2016',
      timeZone: 'Europe/Berlin',
      locale: 'de-DE',
      xmlExport: ['System'],
      bootServices: BOOT_MODERN_IIS6,
      firstRecordId: { System: 39022 },
      security: false,
      admin: LITWARE_ADMIN,
      noiseSeed: 'localized-de/WEB03',
      noise: { System: 250, Security: 0 },
      timeline: [
        {
          at: '2026-03-16 11:21:35.610',
          kind: 'service-restart',
          service: 'IISADMIN',
          downSeconds: 11.4,
          tag: 'iisadmin-1',
        },
        { at: '@iisadmin-1+2.2', kind: 'binding-deleted', endpoint: '0.0.0.0:443', tag: 'deleted-1' },
        {
          at: '@deleted-1+140',
          kind: 'key-failures',
          code: 0x80092004,
          until: '2026-03-16 12:50:00',
          meanSeconds: 260,
        },
        { at: '2026-03-16 12:55:10.204', kind: 'binding-created', endpoint: '0.0.0.0:443' },
        {
          at: '2026-03-18 03:10:00.000',
          kind: 'reboot',
          downSeconds: 150,
          reason: 'Operating System: Service pack (Planned)',
          tag: 'boot-2',
        },
        { at: '@boot-2:IISADMIN+2.9', kind: 'binding-deleted', endpoint: '0.0.0.0:443', tag: 'deleted-2' },
        {
          at: '@deleted-2+480',
          kind: 'key-failures',
          code: 0x80092004,
          until: '2026-03-18 08:40:00',
          meanSeconds: 400,
        },
      ],
      artefacts: {
        files: ['applicationHost.config', 'netsh-http-show-sslcert.txt', 'SslBindingInfo.reg', 'certutil-store-my.txt'],
        netshLanguage: 'de-DE',
        certutilRemote: true,
        sites: [defaultSite()],
        customMetadata: [DEFAULT_METADATA, legacyHashKey('LM/W3SVC/1', STALE)],
        bindings: [{ endpoint: '0.0.0.0:8172', thumbprint: WMSVC }],
        certificates: [
          litware(WWW, 'www.litware.de'),
          wmsvcCert(WMSVC, 'WEB03', '2024-04-22 13:05', '2034-04-20 13:05'),
        ],
      },
    },
  ],
  expected: [
    {
      kind: 'abo-binding-deleted',
      host: 'WEB03.litware.local',
      endpoints: ['0.0.0.0:443'],
      errorCode: null,
      firstTrigger: 'iisadmin-1',
    },
    {
      kind: 'config-abo-hash-invalid',
      host: 'WEB03.litware.local',
      endpoints: [],
      errorCode: null,
      firstTrigger: null,
    },
  ],
};
