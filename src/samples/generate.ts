/**
 * Scenario data → samples/<name>/: System.evtx (+ Security.evtx), config artefacts, README.md,
 * expected.json. Deterministic: the same definitions give the same bytes.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeEvtx, type EventSpec } from '../evtx/writer/index.js';
import { applicationHostConfig } from './artefacts/application-host.js';
import { certutilStoreMy } from './artefacts/certutil.js';
import { netshShowSslcert } from './artefacts/netsh.js';
import { sslBindingInfoReg } from './artefacts/reg-export.js';
import { RCM_LOG } from './events-rdp.js';
import type { LogName } from './types.js';
import { noise } from './noise.js';
import { eventViewerXml } from './xml-export.js';
import { scenarioReadme } from './readme.js';
import { expandTimeline, hostContext, type EntrySummary, type LogEvent } from './timeline.js';
import { SECOND, ticksToIso } from './time.js';
import type { HostDef, Scenario } from './types.js';

/** One finding of expected.json (the contract the analysis tests compare against). */
export interface ExpectedFinding {
  kind: string;
  host: string;
  endpoints: string[];
  errorCode: string | null;
  firstTrigger: string | null;
}

export interface HostOutput {
  host: HostDef;
  dir: string;
  logs: Partial<Record<LogName, { events: EventSpec[]; bytes: Uint8Array; file: string }>>;
  tags: Map<string, bigint>;
  entries: EntrySummary[];
}

/** Build one host's logs in memory. */
export function buildHost(host: HostDef): Omit<HostOutput, 'dir'> {
  const c = hostContext(host);
  const { events, tags, entries } = expandTimeline(c);
  const times = events.map((e) => e.time);
  const from = times.reduce((a, b) => (b < a ? b : a)) - 18n * 3600n * SECOND;
  const until = times.reduce((a, b) => (b > a ? b : a)) + 6n * 3600n * SECOND;
  const all = [...events, ...noise(c, from, until, host.noise)];
  const logs: HostOutput['logs'] = {};
  for (const log of ['System', 'Security', RCM_LOG] as const) {
    if (log === 'Security' && !host.security) continue;
    const mine = all.filter((e) => e.log === log);
    if (log === RCM_LOG && mine.length === 0) continue;
    const first =
      (log === RCM_LOG
        ? host.firstRecordId.RemoteConnectionManager
        : host.firstRecordId[log as 'System' | 'Security']) ?? 1;
    const specs = toSpecs(mine, log, host.name, first);
    const xml = host.xmlExport?.includes(log) === true;
    const bytes = xml
      ? new Uint8Array(Buffer.from(eventViewerXml(specs, host.locale ?? 'en-US'), 'utf8'))
      : writeEvtx(specs);
    logs[log] = { events: specs, bytes, file: logFileName(log, xml) };
  }
  return { host, logs, tags, entries };
}

/** The file name Windows gives a log (`%4` for `/`), or the name of its XML export. */
export function logFileName(log: LogName, xml: boolean): string {
  return `${log.replace('/', '%4')}.${xml ? 'xml' : 'evtx'}`;
}

function toSpecs(events: LogEvent[], channel: LogName, computer: string, firstId: number): EventSpec[] {
  const sorted = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.time < b.e.time ? -1 : a.e.time > b.e.time ? 1 : a.i - b.i));
  return sorted.map(({ e }, n) => ({
    ...e.draft,
    channel,
    computer,
    timeCreated: e.time,
    recordId: BigInt(firstId + n),
  }));
}

/** The expected findings with firstTrigger tags resolved to the tagged event's time. */
export function expectedFindings(s: Scenario, hosts: Omit<HostOutput, 'dir'>[]): ExpectedFinding[] {
  return s.expected.map((f) => {
    let firstTrigger: string | null = null;
    if (f.firstTrigger) {
      const h = hosts.find((x) => x.host.name === f.host);
      const t = h?.tags.get(f.firstTrigger);
      if (t === undefined)
        throw new Error(`${s.name}: expected finding refers to unknown tag ${f.firstTrigger} on ${f.host}`);
      firstTrigger = ticksToIso(t);
    }
    return { kind: f.kind, host: f.host, endpoints: f.endpoints, errorCode: f.errorCode, firstTrigger };
  });
}

/** Write one scenario folder (replacing what was there). */
export function generateScenario(s: Scenario, root: string, opts: { pending?: boolean } = {}): { files: string[] } {
  const dir = join(root, s.name);
  rmSync(dir, { recursive: true, force: true });
  const files: string[] = [];
  const write = (path: string, data: string | Uint8Array): void => {
    writeFileSync(path, data);
    files.push(path);
  };
  const built = s.hosts.map((h) => buildHost(h));
  for (const b of built) {
    const hdir = s.perHostFolders ? join(dir, b.host.name.split('.')[0]!.toUpperCase()) : dir;
    mkdirSync(hdir, { recursive: true });
    for (const out of Object.values(b.logs)) write(join(hdir, out!.file), out!.bytes);
    const a = b.host.artefacts;
    if (!a) continue;
    if (a.files.includes('applicationHost.config'))
      write(join(hdir, 'applicationHost.config'), applicationHostConfig(a));
    if (a.files.includes('netsh-http-show-sslcert.txt'))
      write(join(hdir, 'netsh-http-show-sslcert.txt'), netshShowSslcert(a.bindings, b.host.os, a.netshLanguage));
    if (a.files.includes('SslBindingInfo.reg')) write(join(hdir, 'SslBindingInfo.reg'), sslBindingInfoReg(a.bindings));
    if (a.files.includes('SslSniBindingInfo.reg'))
      write(join(hdir, 'SslSniBindingInfo.reg'), sslBindingInfoReg(a.bindings, 'sni'));
    if (a.files.includes('certutil-store-my.txt'))
      write(join(hdir, 'certutil-store-my.txt'), certutilStoreMy(a.certificates, b.host.os, b.host.timeZone));
  }
  const expected = expectedFindings(s, built);
  write(join(dir, 'expected.json'), `${JSON.stringify({ findings: expected }, null, 2)}\n`);
  write(join(dir, 'README.md'), scenarioReadme(s, built, expected, opts.pending === true));
  return { files };
}
