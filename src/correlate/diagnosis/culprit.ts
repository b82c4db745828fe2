/**
 * Who deleted an SSL binding when no ABO-mapper trigger explains it (REAL-WORLD.md §2): Security
 * 4688 process starts, 4624 logons and 7045 service installs classified into candidate binding
 * deleters, each with a kind and a weight. Pure: rows in, candidates out; ranking against one
 * deletion is in culprit-rank.ts (re-exported here).
 */
import {
  baseName,
  bindingInformationEndpoints,
  COMMAND_LINE_CAP,
  decodeEncodedCommand,
  firstToken,
  parseNetshSsl,
  sslBindingPaths,
  webBindingParamEndpoints,
} from './command-line.js';
import { isoMs } from './time.js';

export { auditAdvice, rankCandidates } from './culprit-rank.js';
export type { AuditFacts, Deletion, Ranked, RankedCandidate } from './culprit-rank.js';

export const CULPRIT_KINDS = [
  'netsh-delete',
  'ssrs-config-tool',
  'powershell-binding',
  'renewal-tool',
  'exchange-cmdlet',
  'appcmd',
  'iis-administration',
  'installer',
  'netsh-change',
  'iis-manager',
  'iisreset',
  'service-install',
  'remote-logon',
  'interactive-logon',
  'unlock-logon',
  'abo-starter',
] as const;
export type CulpritKind = (typeof CULPRIT_KINDS)[number];

/** How strongly a kind points at a binding deletion, before closeness in time (0–100). */
export const KIND_WEIGHT: Readonly<Record<CulpritKind, number>> = {
  'netsh-delete': 95,
  'ssrs-config-tool': 90,
  'powershell-binding': 85,
  'renewal-tool': 80,
  'exchange-cmdlet': 75,
  appcmd: 70,
  'iis-administration': 70,
  installer: 50,
  'netsh-change': 45,
  'iis-manager': 40,
  iisreset: 30,
  'service-install': 30,
  'remote-logon': 20,
  'interactive-logon': 15,
  'unlock-logon': 8,
  'abo-starter': 60,
};

/** Where an event came from, for the evidence of a finding. */
export interface EventRef {
  /** ISO-8601 UTC. */
  time: string;
  file: string | null;
  recordId: string | null;
  host?: string | null;
}

/** Security 4688 fields (CommandLine is empty unless "Include command line in process creation events" is on). */
export interface ProcessStartInput extends EventRef {
  newProcessName: string | null;
  commandLine: string | null;
  parentProcessName: string | null;
  subjectUserName: string | null;
  subjectDomainName?: string | null;
}

/** Security 4624 fields. */
export interface LogonInput extends EventRef {
  logonType: number | string | null;
  targetUserName: string | null;
  targetDomainName?: string | null;
  ipAddress?: string | null;
  workstationName?: string | null;
}

/** System 7045 (or Security 4697) fields. */
export interface ServiceInstallInput extends EventRef {
  serviceName: string | null;
  imagePath: string | null;
  accountName?: string | null;
}

export interface Candidate {
  kind: CulpritKind;
  weight: number;
  /** An ABO-mapper starter (inetmgr6.exe, adsutil.vbs, net start IISADMIN…): the caller keeps it on the ABO path. */
  abo: boolean;
  /** `netsh.exe`, `RSConfigTool.exe (SSRS Configuration Manager)`, `RDP logon of CONTOSO\admin`. */
  tool: string;
  /** One sentence: what this program does to SSL bindings. */
  detail: string;
  /** Endpoints the command names (normalised as 15300 writes them); null when it names none or is unknown. */
  endpoints: string[] | null;
  action: 'delete' | 'change' | 'create' | 'session' | 'unknown';
  source: 'process' | 'logon' | 'service-install';
  ref: EventRef;
  timeMs: number;
  user: string | null;
  /** Command line for display, at most 400 characters. */
  commandLine: string | null;
  notes: string[];
}

const RENEWAL_IMAGES: Record<string, string> = {
  'wacs.exe': 'win-acme',
  'letsencrypt.exe': 'letsencrypt-win-simple',
  'certify.exe': 'Certify The Web',
  'certify.service.exe': 'Certify The Web',
  'certify.ui.exe': 'Certify The Web',
  'certifysslmanager.service.exe': 'Certify The Web',
};
const INSTALLER_IMAGES = new Set(['msiexec.exe', 'trustedinstaller.exe', 'tiworker.exe', 'setup.exe']);
const POWERSHELL_IMAGES = new Set(['powershell.exe', 'pwsh.exe', 'powershell_ise.exe']);
const ABO_SERVICES = /\b(?:net1?|sc)(?:\.exe)?"?\s+start\s+"?(iisadmin|smtpsvc|msftpsvc)\b/i;

const ref = (e: EventRef): EventRef => ({
  time: e.time,
  file: e.file,
  recordId: e.recordId,
  ...(e.host !== undefined ? { host: e.host } : {}),
});
const display = (cmd: string): string => (cmd.length > 400 ? `${cmd.slice(0, 397)}...` : cmd);
const uniq = (xs: string[]): string[] => [...new Set(xs)];

/** A 4688 process start as a candidate binding deleter, or null when the program has nothing to do with SSL bindings. */
export function classifyProcessStart(p: ProcessStartInput): Candidate | null {
  const cmd = (p.commandLine ?? '').slice(0, COMMAND_LINE_CAP);
  const image = baseName(p.newProcessName) || baseName(firstToken(cmd));
  const parent = baseName(p.parentProcessName);
  const notes: string[] = [];
  let texts = [cmd];
  if (POWERSHELL_IMAGES.has(image)) {
    const script = decodeEncodedCommand(cmd);
    if (typeof script === 'string') {
      texts = [cmd, script];
      notes.push('-EncodedCommand decoded (UTF-16LE base64)');
    } else if (script === undefined) notes.push('-EncodedCommand present but not decodable: its script is unknown');
  }
  const all = texts.join('\n');
  const hit = classifyText(image, all);
  if (!hit) return null;
  if (parent && RENEWAL_IMAGES[parent] && hit.kind !== 'renewal-tool')
    notes.push(`started by ${parent} (${RENEWAL_IMAGES[parent]}): part of a certificate renewal`);
  if (!cmd && p.commandLine !== undefined) notes.push('no command line logged: arguments unknown');
  const user = p.subjectUserName
    ? `${p.subjectDomainName ? `${p.subjectDomainName}\\` : ''}${p.subjectUserName}`
    : null;
  return {
    ...hit,
    weight: KIND_WEIGHT[hit.kind],
    source: 'process',
    ref: ref(p),
    timeMs: isoMs(p.time),
    user,
    commandLine: cmd ? display(cmd) : null,
    notes: [...notes, ...hit.notes],
  };
}

type Hit = Pick<Candidate, 'kind' | 'abo' | 'tool' | 'detail' | 'endpoints' | 'action' | 'notes'>;

function classifyText(image: string, text: string): Hit | null {
  const low = text.toLowerCase();
  const mk = (
    kind: CulpritKind,
    tool: string,
    detail: string,
    action: Candidate['action'],
    endpoints: string[] | null = null,
    notes: string[] = [],
  ): Hit => ({
    kind,
    abo: kind === 'abo-starter',
    tool,
    detail,
    action,
    endpoints: endpoints?.length ? uniq(endpoints) : null,
    notes,
  });
  if (image === 'inetmgr6.exe')
    return mk(
      'abo-starter',
      'inetmgr6.exe (IIS 6 Manager)',
      'starts the ABO mapper, which deletes and re-creates SSL bindings from the legacy metabase hash',
      'unknown',
    );
  if (/\badsutil\.vbs\b/.test(low))
    return mk(
      'abo-starter',
      'adsutil.vbs',
      'starts the ABO mapper, which deletes and re-creates SSL bindings from the legacy metabase hash',
      'unknown',
    );
  const svc = ABO_SERVICES.exec(text);
  if (svc)
    return mk(
      'abo-starter',
      `${image || 'net.exe'} start ${svc[1]!.toUpperCase()}`,
      'starts an IIS 6 compatibility service, which starts the ABO mapper',
      'unknown',
    );
  const netsh = parseNetshSsl(text);
  if (netsh?.verb === 'delete')
    return mk(
      'netsh-delete',
      image === 'netsh.exe' ? 'netsh.exe' : `netsh (in ${image || 'a command line'})`,
      `deletes the HTTP.sys SSL binding ${netsh.endpoints.join(', ') || '(endpoint not readable)'}`,
      'delete',
      netsh.endpoints,
    );
  if (image === 'rsconfigtool.exe')
    return mk(
      'ssrs-config-tool',
      'RSConfigTool.exe (SSRS Configuration Manager)',
      'removing or changing an https URL of Reporting Services removes the SslBindingInfo entry of its IP:port, which IIS may share',
      'delete',
    );
  if (POWERSHELL_IMAGES.has(image) || /\b(remove|set|new)-webbinding\b|iis:\\+sslbindings/.test(low)) {
    const ps = powershellHit(image, low, text);
    if (ps) return mk(ps.kind, ps.tool, ps.detail, ps.action, ps.endpoints);
  }
  if (RENEWAL_IMAGES[image])
    return mk(
      'renewal-tool',
      `${image} (${RENEWAL_IMAGES[image]})`,
      'a certificate renewal re-binds the new certificate: it deletes and re-creates SSL bindings, and can leave one deleted or an old IP binding behind',
      'change',
    );
  if (/iis\.?administration/.test(low) || image.includes('iisadministration'))
    return mk(
      'iis-administration',
      `${image} (IIS Administration API)`,
      'the IIS Administration installer re-binds the certificate of its own port (55539)',
      'change',
    );
  if (INSTALLER_IMAGES.has(image))
    return mk(
      'installer',
      image,
      'an installer or servicing run that may re-bind or remove the SSL binding of the product it installs',
      'unknown',
    );
  if (netsh)
    return mk(
      'netsh-change',
      'netsh.exe',
      `${netsh.verb === 'show' ? 'reads' : netsh.verb === 'add' ? 'adds' : 'updates'} the HTTP.sys SSL binding ${netsh.endpoints.join(', ') || ''}`.trim(),
      netsh.verb === 'show' ? 'unknown' : netsh.verb === 'add' ? 'create' : 'change',
      netsh.endpoints,
    );
  if (image === 'appcmd.exe' && /bindings|\bdelete\s+site\b|sslflags|sslcert/.test(low)) {
    const del = /\/-bindings|\bdelete\s+site\b/.test(low);
    return mk(
      'appcmd',
      'appcmd.exe',
      del ? 'removes site bindings (IIS then removes the HTTP.sys SSL binding)' : 'changes site bindings',
      del ? 'delete' : 'change',
      bindingInformationEndpoints(text),
    );
  }
  if (image === 'inetmgr.exe')
    return mk(
      'iis-manager',
      'inetmgr.exe (IIS Manager)',
      'IIS Manager edits https bindings interactively: removing or changing one deletes its HTTP.sys SSL binding',
      'unknown',
    );
  if (image === 'iisreset.exe')
    return mk(
      'iisreset',
      'iisreset.exe',
      'restarts the IIS services; it does not delete bindings itself, but restarts IISADMIN (an ABO-mapper trigger) where IIS 6 compatibility is installed',
      'unknown',
    );
  return null;
}

function powershellHit(image: string, low: string, text: string): (Hit & { kind: CulpritKind }) | null {
  const tool = image ? image : 'PowerShell';
  const paths = sslBindingPaths(text);
  if (
    /\bremove-item\b[^\n]{0,400}iis:\\+sslbindings|iis:\\+sslbindings[^\n]{0,400}\|\s*remove-item\b/.test(low) ||
    /\bremove-webbinding\b/.test(low)
  ) {
    return {
      kind: 'powershell-binding',
      abo: false,
      tool: `${tool} (Remove-WebBinding / IIS:\\SslBindings)`,
      detail: 'removes an IIS binding or its HTTP.sys SSL binding',
      action: 'delete',
      endpoints: nonEmpty(uniq([...paths, ...webBindingParamEndpoints(text)])),
      notes: [],
    };
  }
  if (/\b(enable|remove|import|new)-exchangecertificate\b/.test(low)) {
    return {
      kind: 'exchange-cmdlet',
      abo: false,
      tool: `${tool} (Exchange certificate cmdlets)`,
      detail:
        'Enable-/Import-/Remove-ExchangeCertificate re-bind the IIS certificate of Exchange (0.0.0.0:443 and the back end 0.0.0.0:444)',
      action: 'change',
      endpoints: null,
      notes: [],
    };
  }
  if (/posh-acme|\b(new-pacertificate|submit-renewal)\b/.test(low)) {
    return {
      kind: 'renewal-tool',
      abo: false,
      tool: `${tool} (Posh-ACME)`,
      detail: 'a Posh-ACME renewal re-binds the new certificate (delete and re-create of SSL bindings)',
      action: 'change',
      endpoints: nonEmpty(paths),
      notes: [],
    };
  }
  if (/\b(set|new)-webbinding\b|iis:\\+sslbindings/.test(low)) {
    return {
      kind: 'powershell-binding',
      abo: false,
      tool: `${tool} (Set-/New-WebBinding / IIS:\\SslBindings)`,
      detail: 'changes IIS bindings or their HTTP.sys SSL bindings',
      action: 'change',
      endpoints: nonEmpty(uniq([...paths, ...webBindingParamEndpoints(text)])),
      notes: [],
    };
  }
  return null;
}

const nonEmpty = (xs: string[]): string[] | null => (xs.length ? xs : null);

const SYSTEM_ACCOUNTS =
  /^(system|local service|network service|anonymous logon|dwm-\d+|umfd-\d+|font driver host.*|window manager.*|.*\$)$/i;

/**
 * A 4624 logon as a candidate: 10 RemoteInteractive (RDP), 2 Interactive and 11 CachedInteractive
 * (console), 7 Unlock (an admin back at a locked session: weak). Network (3), batch (4), service (5)
 * and machine/service accounts are routine and never candidates.
 */
export function classifyLogon(l: LogonInput): Candidate | null {
  const type = Number(l.logonType);
  const kind: CulpritKind | null =
    type === 10 ? 'remote-logon' : type === 2 || type === 11 ? 'interactive-logon' : type === 7 ? 'unlock-logon' : null;
  if (!kind || !l.targetUserName || SYSTEM_ACCOUNTS.test(l.targetUserName.trim())) return null;
  const user = `${l.targetDomainName ? `${l.targetDomainName}\\` : ''}${l.targetUserName}`;
  const from =
    l.ipAddress && l.ipAddress !== '-'
      ? ` from ${l.ipAddress}`
      : l.workstationName && l.workstationName !== '-'
        ? ` from ${l.workstationName}`
        : '';
  const label =
    kind === 'remote-logon' ? 'RDP logon' : kind === 'interactive-logon' ? 'console logon' : 'session unlock';
  return {
    kind,
    weight: KIND_WEIGHT[kind],
    abo: false,
    tool: `${label} of ${user}${from}`,
    detail:
      'an administrator at the desktop can change bindings with tools that log nothing of their own (IIS Manager, scripts)',
    endpoints: null,
    action: 'session',
    source: 'logon',
    ref: ref(l),
    timeMs: isoMs(l.time),
    user,
    commandLine: null,
    notes: [`LogonType ${type}`],
  };
}

/** A 7045 service install as a candidate (an ABO-mapper service installed is flagged `abo`). */
export function classifyServiceInstall(s: ServiceInstallInput): Candidate | null {
  if (!s.serviceName && !s.imagePath) return null;
  const name = (s.serviceName ?? '').trim();
  const abo = /^(iisadmin|smtpsvc|msftpsvc)$/i.test(name) || /\binetinfo\.exe\b/i.test(s.imagePath ?? '');
  const image = baseName(firstToken(s.imagePath ?? ''));
  const renewal = RENEWAL_IMAGES[image];
  const kind: CulpritKind = abo ? 'abo-starter' : 'service-install';
  return {
    kind,
    weight: KIND_WEIGHT[kind] + (renewal ? 20 : 0),
    abo,
    tool: `service "${name || image}" installed`,
    detail: abo
      ? 'an IIS 6 compatibility service was installed: its start runs the ABO mapper'
      : renewal
        ? `the ${renewal} renewal service was installed`
        : 'a new service may bind or remove an SSL binding for its own port',
    endpoints: null,
    action: 'unknown',
    source: 'service-install',
    ref: ref(s),
    timeMs: isoMs(s.time),
    user: s.accountName ?? null,
    commandLine: s.imagePath ? display(s.imagePath.slice(0, COMMAND_LINE_CAP)) : null,
    notes: [],
  };
}
