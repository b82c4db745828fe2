/** README.md of a scenario folder: what happened, the timeline (host-local and UTC), what to conclude. */
import { SERVICES } from './catalogue.js';
import type { ExpectedFinding } from './generate.js';
import type { EntrySummary } from './timeline.js';
import { ticksToIso, ticksToLocal } from './time.js';
import type { HostDef, Scenario, TimelineEntry } from './types.js';

const hex = (n: number): string => `0x${(n >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
const svc = (key: string): string => `${SERVICES[key] ?? key} (\`${key}\`)`;

function describe(e: TimelineEntry, count: number, modern: boolean): string {
  switch (e.kind) {
    case 'service': return `${svc(e.service)} entered the ${e.state} state — SCM 7036`;
    case 'service-restart': return `${svc(e.service)} restarted: stopped, then running — SCM 7036 ×2`;
    case 'start-type': return `${svc(e.service)} start type ${e.from} → ${e.to} — SCM 7040`;
    case 'reboot': return `restart (“${e.reason}”), down ${e.downSeconds} s — User32 1074, EventLog 6006, Kernel-General 13; boot: Kernel-General 12, EventLog 6009/6005, services running (7036)`;
    case 'binding-deleted': return `SSL binding **deleted** for \`${e.endpoint}\` — HttpEvent 15300${modern ? ' and HttpService 119' : ''}`;
    case 'binding-created': return `SSL binding created for \`${e.endpoint}\` — HttpEvent 15301`;
    case 'ssl-config-error': return `error using the SSL configuration of \`${e.endpoint}\` (status ${hex(e.status)}) — HttpEvent 15021`;
    case 'key-failures': return `Schannel 36870 private-key failures, error ${hex(e.code)}, ×${e.with5061 ? count / 2 : count}${e.with5061 ? ` (each with Security 5061 ReturnCode ${hex(e.code)} on \`${e.with5061.keyName}\`)` : ''}`;
    case 'tls-alerts': return `Schannel 36887 fatal alert ${e.alert} received from clients, ×${count}`;
    case 'process': return `process started: \`${e.commandLine}\` — Security 4688`;
    case 'admin-logon': return 'administrator logs on (RDP) — Security 4624 type 10, 4672';
  }
}

function hostSection(h: HostDef, entries: EntrySummary[], multi: boolean): string[] {
  const L: string[] = [];
  const skew = h.skewSeconds ? `; clock ${h.skewSeconds > 0 ? 'ahead' : 'behind'} by ${Math.abs(h.skewSeconds)} s (event times are as this host recorded them)` : '';
  L.push(`### ${multi ? `${h.name}` : `Timeline — ${h.name}`}`, '');
  L.push(`Windows Server ${h.os.replace('R2', ' R2')}, time zone \`${h.timeZone}\`${skew}.`, '');
  L.push(`| local time (${h.timeZone}) | UTC (as logged) | what |`, '| --- | --- | --- |');
  for (const s of entries) {
    if (s.first === null) continue;
    const span = s.last !== null && s.last !== s.first ? ` … ${ticksToLocal(s.last, h.timeZone, 'HH:mm:ss')}` : '';
    L.push(`| ${ticksToLocal(s.first, h.timeZone, 'yyyy-MM-dd HH:mm:ss.SSS')}${span} | ${ticksToIso(s.first)} | ${describe(s.entry, s.count, h.os === '2016' || h.os === '2019')} |`);
  }
  L.push('');
  return L;
}

export function scenarioReadme(s: Scenario, hosts: { host: HostDef; entries: EntrySummary[]; logs: Record<string, unknown> }[], expected: ExpectedFinding[]): string {
  const L: string[] = [`# ${s.name}: ${s.title}`, '', '## What happened', '', s.story.trim(), ''];
  L.push('## What the analysis must conclude', '', s.conclusion.trim(), '');
  L.push('Machine-readable: `expected.json` — one object per finding with `kind`, `host`, `endpoints`, `errorCode` and `firstTrigger` (UTC time of the first trigger event as the host logged it, or of the first symptom when there is no trigger; `null` for configuration-only findings).', '');
  L.push('```json', JSON.stringify({ findings: expected }, null, 2), '```', '');
  L.push('## Timeline', '', 'Background activity (other services, logons, time sync, updates) is mixed into the logs and not listed.', '');
  for (const h of hosts) L.push(...hostSection(h.host, h.entries, hosts.length > 1));
  L.push('## Files', '');
  for (const h of hosts) {
    const prefix = s.perHostFolders ? `${h.host.name.split('.')[0]!.toUpperCase()}/` : '';
    for (const log of Object.keys(h.logs)) L.push(`- \`${prefix}${log}.evtx\` — ${log} log of ${h.host.name}`);
    for (const f of h.host.artefacts?.files ?? []) L.push(`- \`${prefix}${f}\` — ${ARTEFACT_TEXT[f]}`);
  }
  L.push('', 'Regenerate with `make samples` (deterministic: the same definitions give the same bytes; definitions in `src/samples/scenarios/`).', '');
  return L.join('\n');
}

const ARTEFACT_TEXT: Record<string, string> = {
  'applicationHost.config': '`%windir%\\System32\\inetsrv\\config\\applicationHost.config` (customMetadata, sites, bindings)',
  'netsh-http-show-sslcert.txt': 'output of `netsh http show sslcert`',
  'SslBindingInfo.reg': '`reg export HKLM\\SYSTEM\\CurrentControlSet\\Services\\HTTP\\Parameters\\SslBindingInfo`',
  'certutil-store-my.txt': 'output of `certutil -v -store my`',
};
