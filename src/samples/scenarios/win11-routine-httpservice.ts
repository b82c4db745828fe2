import type { Scenario } from '../types.js';
import { BOOT_WIN11, CONTOSO_ADMIN } from './common.js';

const IISEXPRESS = 'C:\\Program Files\\IIS Express\\iisexpress.exe';
const WSD = 'http://+:5357/8d3a2f61-4c0e-4b7a-9e15-2a6c0f9b7d44/';

export const scenario: Scenario = {
  name: 'win11-routine-httpservice',
  title: 'Windows 11 workstation: routine HttpService URL-group events and 119 for localhost listeners — no incident',
  story: `
LT-JDOE-07 is a developer's Windows 11 laptop (not a server; no IIS, no SSL binding of its own
beyond IIS Express's localhost ports). Its System log, exported for an unrelated support case, holds
what every HTTP.sys client app logs on Windows 11 at **Information** level: when a process starts a
listener, Microsoft-Windows-HttpService logs 111 (URL group created), 112 (URL reserved) and 113
(URL added to the group) per URL, and — for apps that (re)apply their own certificate binding on a
localhost port — **119** for that endpoint. After the morning boot the Function Discovery Resource
Publication service (svchost, LOCAL SERVICE) starts its WS-Discovery listener on port 5357; during
the day Visual Studio's IIS Express (\`iisexpress.exe\`, the developer's account) starts three
times with \`http://localhost:51234/\` and \`https://localhost:44300/\` and logs 119 for
\`localhost:44300\` each time; a local sync agent (SYSTEM) listens on \`https://127.0.0.1:9443/\`
and logs 119 for \`127.0.0.1:9443\`. There is no HttpEvent 15300, no Schannel error, nothing
fails.`,
  conclusion: `
**No finding** (\`{"findings":[]}\`). The HttpService 119 events are routine: Information level,
on client Windows, each within milliseconds of 111/112/113 from the same process (Execution
ProcessID) for a localhost or loopback endpoint, with no HttpEvent 15300 beside them and no failure
after them. They must **not** be reported as deleted bindings (neither abo-binding-deleted nor
binding-deleted-by-tool nor binding-deleted-unexplained), and the workstation must not get IIS
remedies.`,
  perHostFolders: false,
  hosts: [
    {
      name: 'LT-JDOE-07.contoso.local',
      os: 'win11',
      timeZone: 'Europe/Amsterdam',
      bootServices: BOOT_WIN11,
      firstRecordId: { System: 20114 },
      security: false,
      admin: CONTOSO_ADMIN,
      noiseSeed: 'win11-routine-httpservice/LT-JDOE-07',
      noise: { System: 260, Security: 0 },
      timeline: [
        {
          at: '2026-05-12 08:41:02.000',
          kind: 'reboot',
          downSeconds: 48,
          reason: 'Operating System: Service pack (Planned)',
          tag: 'boot',
        },
        {
          at: '@boot:FDResPub+1.8',
          kind: 'http-listener',
          process: 'C:\\Windows\\System32\\svchost.exe',
          pid: 3412,
          user: 'local-service',
          urls: [WSD],
        },
        {
          at: '2026-05-12 08:44:40.215',
          kind: 'http-listener',
          process: 'C:\\Program Files\\Contoso\\SyncAgent\\SyncAgent.exe',
          pid: 5120,
          user: 'system',
          urls: ['https://127.0.0.1:9443/'],
          sslEndpoint: '127.0.0.1:9443',
        },
        {
          at: '2026-05-12 09:17:55.930',
          kind: 'http-listener',
          process: IISEXPRESS,
          pid: 11236,
          user: 'admin',
          urls: ['http://localhost:51234/', 'https://localhost:44300/'],
          sslEndpoint: 'localhost:44300',
          tag: 'iisexpress-1',
        },
        {
          at: '2026-05-12 13:02:18.406',
          kind: 'http-listener',
          process: IISEXPRESS,
          pid: 15872,
          user: 'admin',
          urls: ['http://localhost:51234/', 'https://localhost:44300/'],
          sslEndpoint: 'localhost:44300',
        },
        {
          at: '2026-05-12 16:45:09.771',
          kind: 'http-listener',
          process: IISEXPRESS,
          pid: 9084,
          user: 'admin',
          urls: ['http://localhost:51234/', 'https://localhost:44300/'],
          sslEndpoint: 'localhost:44300',
        },
      ],
    },
  ],
  expected: [],
};
