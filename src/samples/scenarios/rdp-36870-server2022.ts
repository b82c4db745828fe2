import type { Scenario } from '../types.js';
import { BOOT_2022, CONTOSO_ADMIN, defaultSite, webCert, wmsvcCert } from './common.js';

const WWW = 'ED715BF983639626E19473ACA8E761C017A32FE0';
const WMSVC = '2C0E3A1CFD7B3325E07C93AD3E91FCFB8E7F358F';
/** Machine GUID of WEB11 (HKLM\SOFTWARE\Microsoft\Cryptography\MachineGuid): the key file's suffix. */
const MACHINE_GUID = '5d1f9e0a-3c47-4b8e-9a21-7f6e0c2b4d93';

export const scenario: Scenario = {
  name: 'rdp-36870-server2022',
  title: 'Remote Desktop listener certificate key broken on an IIS server (Schannel 36870 from svchost, Server 2022)',
  story: `
WEB11 (Windows Server 2022, IIS 10) serves https on \`0.0.0.0:443\` without a problem all day:
HTTP.sys logs no 15300, no 15021, the binding and its certificate are intact. During the patch
night a hardening script reset the ACL of \`C:\\ProgramData\\Microsoft\\Crypto\\RSA\\MachineKeys\`,
and the private key of the **Remote Desktop listener's self-signed certificate**
(\`MachineKeys\\f686aace6942fb7f7ceb231212eef4a4_${MACHINE_GUID}\`) is no longer readable by the
service. From then on every RDP connection fails in the TLS handshake: TerminalServices-
RemoteConnectionManager logs 261 "Listener RDP-Tcp received a connection" and, tens of
milliseconds later, Schannel logs **36870 0x8009030D** (internal state 10001) whose new Server 2022
fields name the caller: \`CallerProcessImageName\` = \`svchost\`, \`CallerProcessId\` = the PID of
the svchost.exe that hosts TermService (the PID in the 261 events' Execution element) — not PID 4
/ SYSTEM, which would be HTTP.sys. The load balancer's TCP probe on port 3389 adds a 261 every few
minutes without a handshake and without a 36870. Administrators cannot connect by RDP; the web
site is not affected.`,
  conclusion: `
One **service-key-failure** finding on WEB11.contoso.local naming the **Remote Desktop listener**
(Remote Desktop Services / TermService), error **0x8009030D**, first symptom the first 36870 at
07:55 UTC on 9 June, every 36870 within a second after a RemoteConnectionManager 261 and with the
caller \`svchost\` (TermService's PID), none with PID 4. Remedy for RDP: take ownership of
\`MachineKeys\\f686aace6942fb7f7ceb231212eef4a4_${MACHINE_GUID}\` (or restore the MachineKeys
ACL: SYSTEM and Administrators full control), delete that key file, restart Remote Desktop
Services (\`Restart-Service TermService -Force\`) so the self-signed listener certificate is
regenerated — or bind a CA certificate to the listener.

It must **not** report a private-key-failure for IIS, must not give IIS remedies (re-import the
site certificate, KeySpec, \`certutil -repairstore\`, re-select the binding in IIS Manager), and
must not blame the web certificate, which is healthy in \`certutil\` and bound in netsh.`,
  perHostFolders: false,
  hosts: [
    {
      name: 'WEB11.contoso.local',
      os: '2022',
      timeZone: 'Europe/Paris',
      bootServices: BOOT_2022,
      firstRecordId: { System: 145870, Security: 4410987, RemoteConnectionManager: 3310 },
      security: true,
      admin: CONTOSO_ADMIN,
      noiseSeed: 'rdp-36870-server2022/WEB11',
      noise: { System: 260, Security: 300 },
      timeline: [
        {
          at: '2026-06-09 02:40:12.000',
          kind: 'reboot',
          downSeconds: 164,
          reason: 'Operating System: Service pack (Planned)',
        },
        { at: '2026-06-09 02:50:05.000', kind: 'rdp-connections', until: '2026-06-09 20:00:00', meanSeconds: 240 },
        {
          at: '2026-06-09 09:55:31.420',
          kind: 'rdp-connections',
          until: '2026-06-09 10:20:00',
          meanSeconds: 150,
          keyFailure: 0x8009030d,
          tag: 'rdp-1',
        },
        {
          at: '2026-06-09 14:02:11.905',
          kind: 'rdp-connections',
          until: '2026-06-09 14:30:00',
          meanSeconds: 200,
          keyFailure: 0x8009030d,
        },
      ],
      artefacts: {
        files: ['applicationHost.config', 'netsh-http-show-sslcert.txt', 'SslBindingInfo.reg', 'certutil-store-my.txt'],
        sites: [defaultSite()],
        customMetadata: [],
        bindings: [
          { endpoint: '0.0.0.0:443', thumbprint: WWW },
          { endpoint: '0.0.0.0:8172', thumbprint: WMSVC },
        ],
        certificates: [
          webCert(WWW, 'www.contoso.fr', '2026-02-02 09:00', '2027-02-02 09:00'),
          wmsvcCert(WMSVC, 'WEB11', '2025-01-20 14:12', '2035-01-18 14:12'),
        ],
      },
    },
  ],
  expected: [
    {
      kind: 'service-key-failure',
      host: 'WEB11.contoso.local',
      endpoints: [],
      errorCode: '0x8009030D',
      firstTrigger: 'rdp-1',
    },
  ],
};
