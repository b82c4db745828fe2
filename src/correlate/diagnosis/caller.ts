/**
 * Who asked Schannel for the private key of a 36870 (REAL-WORLD.md §3): Server 2022+ names the
 * SSPI caller (`CallerProcessImageName`, `CallerProcessId`; PID 4 / SYSTEM = HTTP.sys). Older
 * Windows names nobody; then coincidence with Remote Desktop connections (RemoteConnectionManager
 * 261) or HTTP.sys activity decides. `Type` = client means this host was the TLS client.
 */
import { baseName } from './command-line.js';
import { SERVICE_REMEDIES, type RemedySet } from './service-remedies.js';
import { isoMs } from './time.js';

export type { RemedySet } from './service-remedies.js';
export { RDP_MACHINE_KEY, SERVICE_REMEDIES } from './service-remedies.js';

export type ServiceId =
  | 'http-sys'
  | 'rdp'
  | 'ldaps'
  | 'adfs'
  | 'sql-server'
  | 'adf-shir'
  | 'service-fabric'
  | 'app-v'
  | 'exchange'
  | 'svchost-service'
  | 'tls-client'
  | 'other'
  | 'unknown';

export interface SchannelFailure {
  /** ISO-8601 UTC. */
  time: string;
  file?: string | null;
  recordId?: string | null;
  /** `server` / `client` as the event writes it. */
  type: string | null;
  callerProcessId?: number | string | null;
  callerProcessImageName?: string | null;
}

/** Events around the failures that tell the services apart. */
export interface CallerContext {
  /** TerminalServices-RemoteConnectionManager 261 (listener received a connection), 1057/1058 (RDP certificate problems). */
  rdpEvents?: { time: string; eventId: number }[];
  /** HTTP.sys / IIS activity on the host: any HttpEvent/HttpService event, W3SVC/WAS running, SSL bindings in the artefacts. */
  httpSysActive?: boolean | null;
  /** Seconds either side of a failure that count as "at the same time" (default 5). */
  coincidenceSeconds?: number;
}

export interface CallerDiagnosis {
  service: ServiceId;
  displayName: string;
  confidence: 'high' | 'medium' | 'low';
  /** One sentence. */
  reason: string;
  ruledOut: string[];
  remedySet: RemedySet;
  /** Remedies of that set; empty for `iis` (the caller keeps the private-key knowledge base). */
  remedies: string[];
  role: 'server' | 'client' | 'unknown';
  /** `Type = client: this host acted as a TLS client …`, or null. */
  roleNote: string | null;
  /** Failures that coincided with an RDP connection, when that was counted. */
  rdpCoincidences?: number;
}

interface ImageEntry {
  service: ServiceId;
  displayName: string;
  remedySet: RemedySet;
  confidence: 'high' | 'medium';
}

const IMAGES: Record<string, ImageEntry> = {
  'lsass.exe': {
    service: 'ldaps',
    displayName: 'LDAPS / Active Directory Domain Services (lsass.exe; or another SSPI server inside lsass)',
    remedySet: 'ldaps',
    confidence: 'medium',
  },
  'microsoft.identityserver.servicehost.exe': {
    service: 'adfs',
    displayName: 'AD FS (Microsoft.IdentityServer.ServiceHost.exe)',
    remedySet: 'adfs',
    confidence: 'high',
  },
  'sqlservr.exe': {
    service: 'sql-server',
    displayName: 'SQL Server (sqlservr.exe)',
    remedySet: 'sql-server',
    confidence: 'high',
  },
  'diahost.exe': {
    service: 'adf-shir',
    displayName: 'Azure Data Factory self-hosted integration runtime (DIAHostService)',
    remedySet: 'adf-shir',
    confidence: 'high',
  },
  'diawp.exe': {
    service: 'adf-shir',
    displayName: 'Azure Data Factory self-hosted integration runtime (diawp.exe)',
    remedySet: 'adf-shir',
    confidence: 'high',
  },
  'fabricgateway.exe': {
    service: 'service-fabric',
    displayName: 'Service Fabric (FabricGateway.exe)',
    remedySet: 'service-fabric',
    confidence: 'high',
  },
  'fabric.exe': {
    service: 'service-fabric',
    displayName: 'Service Fabric (Fabric.exe)',
    remedySet: 'service-fabric',
    confidence: 'high',
  },
  'fabrichost.exe': {
    service: 'service-fabric',
    displayName: 'Service Fabric (FabricHost.exe)',
    remedySet: 'service-fabric',
    confidence: 'high',
  },
  'appvclient.exe': {
    service: 'app-v',
    displayName: 'App-V client (AppVClient.exe)',
    remedySet: 'app-v',
    confidence: 'medium',
  },
  'edgetransport.exe': {
    service: 'exchange',
    displayName: 'Exchange Transport (EdgeTransport.exe, SMTP STARTTLS)',
    remedySet: 'exchange',
    confidence: 'high',
  },
  'msexchangefrontendtransport.exe': {
    service: 'exchange',
    displayName: 'Exchange Frontend Transport (SMTP STARTTLS)',
    remedySet: 'exchange',
    confidence: 'high',
  },
};

const CLIENT_NOTE =
  'Type = client: this host acted as a TLS client (an outbound connection presenting a client certificate), not as the server of a binding.';

/** Classify the caller of one 36870, or of a burst (the failures of one host and code). */
export function classifyCaller(
  failures: SchannelFailure | SchannelFailure[],
  ctx: CallerContext = {},
): CallerDiagnosis {
  const list = Array.isArray(failures) ? failures : [failures];
  const role = roleOf(list);
  const roleNote = role === 'client' ? CLIENT_NOTE : null;
  const named = list.map(callerOf).find((c) => c !== null) ?? null;
  const base = named ? byName(named, list, ctx) : byCoincidence(list, ctx);
  if (role === 'client' && base.service === 'unknown') {
    return {
      ...base,
      service: 'tls-client',
      displayName: 'an outbound TLS client on this host',
      remedySet: 'tls-client',
      remedies: [...SERVICE_REMEDIES['tls-client']],
      role,
      roleNote,
    };
  }
  if (role === 'client' && base.service === 'http-sys') {
    return {
      ...base,
      confidence: 'low',
      reason: `${base.reason} But Type = client: HTTP.sys does not act as a TLS client, so the event is about an outbound connection.`,
      remedySet: 'tls-client',
      remedies: [...SERVICE_REMEDIES['tls-client']],
      role,
      roleNote,
    };
  }
  return { ...base, role, roleNote };
}

function roleOf(list: SchannelFailure[]): CallerDiagnosis['role'] {
  const types = new Set(list.map((f) => (f.type ?? '').trim().toLowerCase()).filter((t) => t !== ''));
  if (types.size !== 1) return 'unknown';
  const t = [...types][0]!;
  return t === 'client' ? 'client' : t === 'server' ? 'server' : 'unknown';
}

function callerOf(f: SchannelFailure): { image: string; pid: number | null } | null {
  const pid =
    f.callerProcessId === null || f.callerProcessId === undefined || String(f.callerProcessId).trim() === ''
      ? null
      : Number(String(f.callerProcessId).trim());
  const image = (f.callerProcessImageName ?? '').trim();
  if (image === '' && (pid === null || !Number.isFinite(pid))) return null;
  return { image, pid: pid !== null && Number.isFinite(pid) ? pid : null };
}

type Base = Omit<CallerDiagnosis, 'role' | 'roleNote'>;

function byName(c: { image: string; pid: number | null }, list: SchannelFailure[], ctx: CallerContext): Base {
  // Server 2022 writes the image bare (`svchost`, samples/rdp-36870-server2022) or as a full path
  const bare = baseName(c.image);
  const name = bare === '' || bare === 'system' || bare.includes('.') ? bare : `${bare}.exe`;
  const who = `${c.image || '(no image name)'}${c.pid !== null ? ` (PID ${c.pid})` : ''}`;
  if (c.pid === 4 || name === 'system' || name === 'ntoskrnl.exe') {
    return {
      service: 'http-sys',
      displayName: 'HTTP.sys (IIS or another HTTP.sys server)',
      confidence: 'high',
      reason: `The 36870 names the SSPI caller ${who}: the kernel, i.e. HTTP.sys serving an SSL binding.`,
      ruledOut: ['not Remote Desktop, LDAPS or another user-mode TLS server: those are named by their own process'],
      remedySet: 'iis',
      remedies: [],
    };
  }
  const notHttp = `not HTTP.sys / IIS: the caller is ${who}, not SYSTEM (PID 4); no IIS remedy applies`;
  if (name === 'svchost.exe') {
    const rdp = rdpCoincidences(list, ctx);
    if (rdp.near > 0 || rdp.certEvents > 0) {
      return {
        service: 'rdp',
        displayName: 'Remote Desktop listener (TermService in svchost.exe)',
        confidence: rdp.near >= 2 || rdp.certEvents > 0 ? 'high' : 'medium',
        reason: `The caller is ${who}, and ${rdp.near > 0 ? `${rdp.near} of ${list.length} failure(s) coincide with Remote Desktop connections (RemoteConnectionManager 261)` : 'RemoteConnectionManager logged RDP certificate problems (1057/1058)'}: the Remote Desktop listener cannot use its certificate key.`,
        ruledOut: [notHttp],
        remedySet: 'rdp',
        remedies: [...SERVICE_REMEDIES.rdp],
        rdpCoincidences: rdp.near,
      };
    }
    return {
      service: 'svchost-service',
      displayName: 'a service hosted in svchost.exe',
      confidence: 'low',
      reason: `The caller is ${who}; no Remote Desktop connection (261) coincides, so it is a service hosted in svchost.exe that cannot be named from the logs.`,
      ruledOut: [
        notHttp,
        ctx.rdpEvents === undefined
          ? 'Remote Desktop not checked: no TerminalServices-RemoteConnectionManager log among the inputs'
          : 'not shown to be Remote Desktop: no 261 within the coincidence window',
      ],
      remedySet: 'generic',
      remedies: [...SERVICE_REMEDIES.generic, `If it is Remote Desktop after all: ${SERVICE_REMEDIES.rdp[0]}`],
    };
  }
  const known = IMAGES[name];
  if (known) {
    return {
      service: known.service,
      displayName: known.displayName,
      confidence: known.confidence,
      reason: `The 36870 names the SSPI caller ${who}: ${known.displayName} cannot use its certificate's private key.`,
      ruledOut: [notHttp],
      remedySet: known.remedySet,
      remedies: [...SERVICE_REMEDIES[known.remedySet as Exclude<RemedySet, 'iis'>]],
    };
  }
  return {
    service: 'other',
    displayName: c.image || `process ${c.pid}`,
    confidence: 'medium',
    reason: `The 36870 names the SSPI caller ${who}, a program bindtrail does not know: that program cannot use its certificate's private key.`,
    ruledOut: [notHttp],
    remedySet: 'generic',
    remedies: [...SERVICE_REMEDIES.generic],
  };
}

function rdpCoincidences(list: SchannelFailure[], ctx: CallerContext): { near: number; certEvents: number } {
  const events = ctx.rdpEvents ?? [];
  const win = (ctx.coincidenceSeconds ?? 5) * 1000;
  const connects = events
    .filter((e) => e.eventId === 261)
    .map((e) => isoMs(e.time))
    .filter(Number.isFinite);
  const near = list.filter((f) => {
    const t = isoMs(f.time);
    return connects.some((c) => Math.abs(c - t) <= win);
  }).length;
  return { near, certEvents: events.filter((e) => e.eventId === 1057 || e.eventId === 1058).length };
}

function byCoincidence(list: SchannelFailure[], ctx: CallerContext): Base {
  const rdp = rdpCoincidences(list, ctx);
  const share = list.length ? rdp.near / list.length : 0;
  const noCaller = 'the event names no caller (Windows before Server 2022)';
  if (rdp.near >= 2 && share >= 0.5) {
    return {
      service: 'rdp',
      displayName: 'Remote Desktop listener (TermService)',
      confidence: share >= 0.8 && ctx.httpSysActive !== true ? 'high' : 'medium',
      reason: `${noCaller}, but ${rdp.near} of ${list.length} failures came within ${ctx.coincidenceSeconds ?? 5} s of a Remote Desktop connection (261): the Remote Desktop listener cannot use its certificate key.`,
      ruledOut: [
        `not HTTP.sys / IIS as far as timing shows: the failures follow RDP connections${ctx.httpSysActive ? ' (HTTP.sys is active on the host too)' : ''}; no IIS remedy applies`,
      ],
      remedySet: 'rdp',
      remedies: [...SERVICE_REMEDIES.rdp],
      rdpCoincidences: rdp.near,
    };
  }
  const rdpNote =
    ctx.rdpEvents === undefined
      ? 'Remote Desktop not checked: no RemoteConnectionManager log among the inputs'
      : `not Remote Desktop as far as timing shows: ${rdp.near} of ${list.length} failures near an RDP connection (261)`;
  if (ctx.httpSysActive) {
    return {
      service: 'http-sys',
      displayName: 'HTTP.sys (IIS) — inferred',
      confidence: ctx.rdpEvents === undefined ? 'low' : 'medium',
      reason: `${noCaller}; HTTP.sys is active on this host and the failures do not follow RDP connections, so HTTP.sys / IIS is the likely caller.`,
      ruledOut: [rdpNote],
      remedySet: 'iis',
      remedies: [],
    };
  }
  return {
    service: 'unknown',
    displayName: 'an unnamed TLS service',
    confidence: 'low',
    reason: `${noCaller}; ${ctx.httpSysActive === false ? 'HTTP.sys shows no activity on this host' : 'no HTTP.sys activity is known'} and the failures do not follow RDP connections, so the service cannot be named.`,
    ruledOut: [
      rdpNote,
      ...(ctx.httpSysActive === false
        ? ['not HTTP.sys / IIS: no HTTP.sys event, running W3SVC or SSL binding on the host']
        : []),
    ],
    remedySet: 'generic',
    remedies: [...SERVICE_REMEDIES.generic],
  };
}
