/** README.md of a scenario folder: what happened, the timeline (host-local and UTC), what to conclude. */
import { OS_NAME, displayName, logsHttpService } from './catalogue.js';
import type { ExpectedFinding } from './generate.js';
import type { EntrySummary } from './timeline.js';
import { ticksToIso, ticksToLocal } from './time.js';
import type { HostDef, Scenario, TimelineEntry } from './types.js';

const hex = (n: number): string => `0x${(n >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
const svc = (key: string): string => `${displayName(key)} (\`${key}\`)`;

function describe(e: TimelineEntry, count: number, modern: boolean): string {
  switch (e.kind) {
    case 'service':
      return `${svc(e.service)} entered the ${e.state} state — SCM 7036`;
    case 'service-restart':
      return `${svc(e.service)} restarted: stopped, then running — SCM 7036 ×2`;
    case 'start-type':
      return `${svc(e.service)} start type ${e.from} → ${e.to} — SCM 7040`;
    case 'reboot':
      return `restart (“${e.reason}”), down ${e.downSeconds} s — User32 1074, EventLog 6006, Kernel-General 13; boot: Kernel-General 12, EventLog 6009/6005, services running (7036)`;
    case 'binding-deleted':
      return `SSL binding **deleted** for \`${e.endpoint}\` — HttpEvent 15300${modern ? ' and HttpService 119' : ''}`;
    case 'binding-created':
      return `SSL binding created for \`${e.endpoint}\` — HttpEvent 15301`;
    case 'binding-updated':
      return `SSL binding **updated** in place for \`${e.endpoint}\` — HttpEvent 15302`;
    case 'ssl-config-error':
      return `error using the SSL configuration of \`${e.endpoint}\` (status ${hex(e.status)}) — HttpEvent 15021`;
    case 'key-failures':
      return `Schannel 36870 private-key failures, error ${hex(e.code)}, ×${e.with5061 ? count / 2 : count}${e.with5061 ? ` (each with Security 5061 ReturnCode ${hex(e.code)} on \`${e.with5061.keyName}\`)` : ''}`;
    case 'tls-alerts':
      return `Schannel 36887 fatal alert ${e.alert} received from clients, ×${count}`;
    case 'process':
      return `process started${e.as === 'system' ? ' as SYSTEM' : ''}: \`${e.commandLine}\` — Security 4688`;
    case 'admin-logon':
      return e.logonType === 2
        ? 'administrator logs on at the console — Security 4624 type 2, 4672'
        : 'administrator logs on (RDP) — Security 4624 type 10, 4672';
    case 'rdp-connections':
      return e.keyFailure === undefined
        ? `Remote Desktop connections — RemoteConnectionManager 261 ×${count}`
        : `Remote Desktop connections, each failing on the listener certificate's key: RemoteConnectionManager 261 and Schannel 36870 ${hex(e.keyFailure)} (caller \`svchost\`, the TermService process) ×${count / 2}`;
    case 'http-listener':
      return `\`${e.process}\` starts an HTTP.sys listener on ${e.urls.map((u) => `\`${u}\``).join(', ')} — HttpService 111, 112/113 per URL${e.sslEndpoint ? `, 119 for \`${e.sslEndpoint}\`` : ''} (Information)`;
  }
}

function hostSection(h: HostDef, entries: EntrySummary[], multi: boolean): string[] {
  const L: string[] = [];
  const skew = h.skewSeconds
    ? `; clock ${h.skewSeconds > 0 ? 'ahead' : 'behind'} by ${Math.abs(h.skewSeconds)} s (event times are as this host recorded them)`
    : '';
  L.push(`### ${multi ? `${h.name}` : `Timeline — ${h.name}`}`, '');
  const lang = h.locale ? `, UI language ${h.locale}` : '';
  const audit = h.security && h.processAuditing === false ? ', process-creation auditing (4688) off' : '';
  L.push(`${OS_NAME[h.os]}${lang}${audit}, time zone \`${h.timeZone}\`${skew}.`, '');
  L.push(`| local time (${h.timeZone}) | UTC (as logged) | what |`, '| --- | --- | --- |');
  for (const s of entries) {
    if (s.first === null) continue;
    const span = s.last !== null && s.last !== s.first ? ` … ${ticksToLocal(s.last, h.timeZone, 'HH:mm:ss')}` : '';
    L.push(
      `| ${ticksToLocal(s.first, h.timeZone, 'yyyy-MM-dd HH:mm:ss.SSS')}${span} | ${ticksToIso(s.first)} | ${describe(s.entry, s.count, logsHttpService(h.os))} |`,
    );
  }
  L.push('');
  return L;
}

export function scenarioReadme(
  s: Scenario,
  hosts: { host: HostDef; entries: EntrySummary[]; logs: Record<string, { file: string } | undefined> }[],
  expected: ExpectedFinding[],
  pending = false,
): string {
  const L: string[] = [`# ${s.name}: ${s.title}`, '', '## What happened', '', s.story.trim(), ''];
  L.push('## What the analysis must conclude', '', s.conclusion.trim(), '');
  L.push(
    'Machine-readable: `expected.json` — one object per finding with `kind`, `host`, `endpoints`, `errorCode` and `firstTrigger` (UTC time of the first trigger event as the host logged it, or of the first symptom when there is no trigger; `null` for configuration-only findings).',
    '',
  );
  L.push('```json', JSON.stringify({ findings: expected }, null, 2), '```', '');
  L.push(
    '## Timeline',
    '',
    'Background activity (other services, logons, time sync, updates) is mixed into the logs and not listed.',
    '',
  );
  for (const h of hosts) L.push(...hostSection(h.host, h.entries, hosts.length > 1));
  L.push('## Files', '');
  for (const h of hosts) {
    const prefix = s.perHostFolders ? `${h.host.name.split('.')[0]!.toUpperCase()}/` : '';
    for (const [log, out] of Object.entries(h.logs)) {
      const xml = out!.file.endsWith('.xml')
        ? ` saved from Event Viewer as XML (${h.host.locale ?? 'en-US'} RenderingInfo)`
        : '';
      L.push(`- \`${prefix}${out!.file}\` — ${log} log of ${h.host.name}${xml}`);
    }
    for (const f of h.host.artefacts?.files ?? []) L.push(`- \`${prefix}${f}\` — ${artefactText(f, h.host)}`);
  }
  L.push(
    '',
    pending
      ? 'Regenerate with `node dist/src/samples/cli.js samples --pending` after `make build` (writes `samples-pending/`; deterministic: the same definitions give the same bytes; definition in `src/samples/scenarios/`, listed in `PENDING_SCENARIOS` until the analysis yields `expected.json`, then moved to `SCENARIOS` and `samples/`).'
      : 'Regenerate with `make samples` (deterministic: the same definitions give the same bytes; definitions in `src/samples/scenarios/`).',
    '',
  );
  return L.join('\n');
}

function artefactText(f: string, h: HostDef): string {
  const a = h.artefacts!;
  if (f === 'netsh-http-show-sslcert.txt' && a.netshLanguage === 'de-DE')
    return 'output of `netsh http show sslcert` on the German host (German labels, cmd redirect in code page 850)';
  if (f === 'certutil-store-my.txt' && a.certutilRemote)
    return `output of \`certutil -v -store \\\\${h.name.split('.')[0]!.toUpperCase()}\\my\` run from an English admin workstation`;
  return ARTEFACT_TEXT[f]!;
}

const ARTEFACT_TEXT: Record<string, string> = {
  'applicationHost.config':
    '`%windir%\\System32\\inetsrv\\config\\applicationHost.config` (customMetadata, sites, bindings)',
  'netsh-http-show-sslcert.txt': 'output of `netsh http show sslcert`',
  'SslBindingInfo.reg': '`reg export HKLM\\SYSTEM\\CurrentControlSet\\Services\\HTTP\\Parameters\\SslBindingInfo`',
  'SslSniBindingInfo.reg':
    '`reg export HKLM\\SYSTEM\\CurrentControlSet\\Services\\HTTP\\Parameters\\SslSniBindingInfo` (SNI bindings)',
  'certutil-store-my.txt': 'output of `certutil -v -store my`',
};
