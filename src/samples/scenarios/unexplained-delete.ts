import type { Scenario } from '../types.js';
import { BOOT_MODERN, CONTOSO_ADMIN, defaultSite, webCert, wmsvcCert } from './common.js';

const WWW = 'ECD620A14B6EDB3F234CB4554BC560B7793FA775';
const WMSVC = '81F78C3466F59FE670D2DB63C7348DFCB25853A2';

export const scenario: Scenario = {
  name: 'unexplained-delete',
  title: 'An SSL binding deleted at night with nothing in the logs to explain it (4688 auditing off)',
  story: `
WEB08 (Windows Server 2019, IIS 10, no IIS 6 compatibility) audits logons but **not process
creation**: its Security log holds service and network logons, no 4688 at all. At 02:17 local time
on 28 April the SSL binding of \`0.0.0.0:443\` is deleted (HttpEvent 15300 and HttpService 119, the
same deletion) and never re-created. No service starts or stops around it, there is no reboot, no
interactive or RDP logon (only the monitoring account's network logons, type 3, as every few
minutes), no installer. HTTPS is down until the morning shift notices. Whatever deleted the binding
— a scheduled script, an agent, a remote \`netsh\` over WinRM — left no trace in these logs.`,
  conclusion: `
One **binding-deleted-unexplained** finding on WEB08.contoso.local for \`0.0.0.0:443\` (one
deletion: 15300 + 119), first symptom the 15300 at 00:17:44 UTC on 28 April, not re-created. It
must say what was ruled out — no ABO-mapper trigger within the window, no service change, no
interactive/RDP logon (4624 type 2/10) before it, no installer — and that the log cannot show
processes because process-creation auditing was off (the Security log holds 4624 but no 4688).
Remedy: re-create the binding; to catch it next time enable "Audit Process Creation" with
"Include command line in process creation events", and enlarge the Security log.

It must **not** name a tool or the ABO mapper, must not report binding-deleted-by-tool or
abo-binding-deleted, and must not treat the monitoring account's network logons as a culprit.`,
  perHostFolders: false,
  hosts: [
    {
      name: 'WEB08.contoso.local',
      os: '2019',
      timeZone: 'Europe/Berlin',
      bootServices: BOOT_MODERN,
      firstRecordId: { System: 61207, Security: 2750881 },
      security: true,
      processAuditing: false,
      admin: CONTOSO_ADMIN,
      noiseSeed: 'unexplained-delete/WEB08',
      noise: { System: 250, Security: 320 },
      timeline: [{ at: '2026-04-28 02:17:44.083', kind: 'binding-deleted', endpoint: '0.0.0.0:443', tag: 'deleted' }],
      artefacts: {
        files: ['applicationHost.config', 'netsh-http-show-sslcert.txt', 'SslBindingInfo.reg', 'certutil-store-my.txt'],
        sites: [defaultSite()],
        customMetadata: [],
        bindings: [{ endpoint: '0.0.0.0:8172', thumbprint: WMSVC }],
        certificates: [
          webCert(WWW, 'shop.contoso.com', '2026-01-12 08:00', '2027-01-12 08:00'),
          wmsvcCert(WMSVC, 'WEB08', '2024-03-11 09:45', '2034-03-09 09:45'),
        ],
      },
    },
  ],
  expected: [
    {
      kind: 'binding-deleted-unexplained',
      host: 'WEB08.contoso.local',
      endpoints: ['0.0.0.0:443'],
      errorCode: null,
      firstTrigger: 'deleted',
    },
  ],
};
