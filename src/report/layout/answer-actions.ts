/**
 * The "what to do now" commands of an incident, filled from the case: the `<customMetadata>`
 * element to remove (KB 2025598), `netsh http add sslcert` with the endpoint, the certificate to
 * bind (certificate-choice.ts) and the application id with its source, and the checks to run
 * afterwards. A value the case lacks becomes a Missing entry naming the artefact to collect.
 */
import { chooseCertificate, commonName, sameHost } from './certificate-choice.js';
import type { Action, AnswerInput, Missing, ValueSource } from './answer-types.js';

/** applicationHost.config on the server. */
export const APPHOST_PATH = '%windir%\\System32\\inetsrv\\config\\applicationHost.config';
/** The application id IIS registers its HTTP.sys SSL bindings with. */
export const IIS_APPID = '{4dc3e181-e14b-4a21-b022-59fc669b0914}';
/** Legacy metabase properties the ABO mapper maps into SSL bindings: hash, store name, SCCM 2161. */
export const LEGACY_PROPERTIES: readonly number[] = [5506, 5511, 2161];

const CERTUTIL = 'certutil -v -store my';
const SSLCERT = 'netsh http show sslcert';

const hostName = (h: string | null): string => h ?? 'the server';

/** Whether the case holds an artefact of `kind` for `host` (rows count when `files` is absent). */
export function hasArtefact(input: AnswerInput, kind: string, host: string | null, rowsFound: boolean): boolean {
  if (!input.files) return rowsFound;
  return input.files.some((f) => f.kind === kind && (f.hosts.length === 0 || f.hosts.some((h) => sameHost(h, host))));
}

/** `ipport=0.0.0.0:443`, `hostnameport=www.contoso.com:443` (SNI), `ccs=443`. */
export function netshEndpoint(endpoint: string): string {
  if (/^ccs:\d+$/i.test(endpoint)) return `ccs=${endpoint.slice(4)}`;
  const ip = /^(\[[0-9A-Fa-f:.%]+\]|\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.test(endpoint);
  return `${ip ? 'ipport' : 'hostnameport'}=${endpoint}`;
}

function port(endpoint: string): string {
  return endpoint.slice(endpoint.lastIndexOf(':') + 1);
}

/** Host names a site answers to on `endpoint`: its SNI name, or the host headers of config bindings on its port. */
export function siteNames(input: AnswerInput, host: string | null, endpoint: string): string[] {
  if (!/^ccs:/i.test(endpoint) && netshEndpoint(endpoint).startsWith('hostnameport='))
    return [endpoint.slice(0, endpoint.lastIndexOf(':'))];
  const out = new Set<string>();
  for (const b of input.bindings) {
    if (b.source !== 'config' || !sameHost(b.host, host) || !b.bindingInformation) continue;
    const m = /^(\[[^\]]*\]|[^:]*):(\d{1,5}):(.*)$/.exec(b.bindingInformation.trim());
    if (m && m[2] === port(endpoint) && m[3]!.trim() !== '') out.add(m[3]!.trim().toLowerCase());
  }
  return [...out];
}

/** The appid for `endpoint`: a binding of it in netsh/registry, else IIS's when an IIS site owns it. */
export function appIdFor(input: AnswerInput, host: string | null, endpoint: string): ValueSource | null {
  const own = input.bindings.find(
    (b) => b.source !== 'config' && sameHost(b.host, host) && b.endpoint === endpoint && b.appId,
  );
  if (own)
    return {
      value: own.appId!,
      source: `the ${own.source === 'registry' ? 'SslBindingInfo registry export' : 'netsh http show sslcert listing'} of ${endpoint}${own.file ? ` (${own.file})` : ''}`,
    };
  const site = input.bindings.find((b) => b.source === 'config' && sameHost(b.host, host) && b.endpoint === endpoint);
  if (site) {
    return {
      value: IIS_APPID,
      source: `IIS owns the binding: site "${site.site ?? '?'}" binds https ${site.bindingInformation ?? endpoint} in applicationHost.config${site.file ? ` (${site.file})` : ''}; IIS registers its bindings with this appid`,
    };
  }
  return null;
}

/** Remove the legacy properties of each `<customMetadata>` key of the host holding any. */
export function metadataActions(
  input: AnswerInput,
  host: string | null,
): { actions: Action[]; missing: Missing[]; hashes: string[] } {
  const rows = input.metadata.filter((m) => sameHost(m.host, host));
  if (
    !hasArtefact(
      input,
      'applicationHost.config',
      host,
      rows.length > 0 || input.bindings.some((b) => b.source === 'config' && sameHost(b.host, host)),
    )
  ) {
    return {
      actions: [],
      hashes: [],
      missing: [
        {
          host,
          what: 'the <customMetadata> key holding property 5506',
          collect: `collect ${APPHOST_PATH} from ${hostName(host)}`,
        },
      ],
    };
  }
  const keys = [...new Set(rows.filter((m) => LEGACY_PROPERTIES.includes(m.propertyId)).map((m) => m.keyPath))];
  const actions: Action[] = [];
  const hashes: string[] = [];
  if (keys.length > 0) {
    actions.push({
      kind: 'backup-config',
      host,
      title: `Back up applicationHost.config on ${hostName(host)}`,
      commands: [`copy "${APPHOST_PATH}" "${APPHOST_PATH}.bak"`],
    });
  }
  for (const keyPath of keys) {
    const all = rows.filter((m) => m.keyPath === keyPath);
    const legacy = all.filter((m) => LEGACY_PROPERTIES.includes(m.propertyId));
    for (const m of legacy) if (m.propertyId === 5506 && m.decoded) hashes.push(m.decoded);
    const props = legacy.map(propertyElement);
    const whole = legacy.length === all.length;
    actions.push({
      kind: 'remove-custom-metadata',
      host,
      keyPath,
      file: legacy[0]!.file ?? null,
      element: whole
        ? [`<key path="${keyPath}">`, ...props.map((p) => `    ${p}`), '</key>'].join('\n')
        : props.join('\n'),
      title: whole
        ? `Remove the element <key path="${keyPath}"> (it holds only legacy properties ${legacy.map((m) => m.propertyId).join(', ')}) from <customMetadata> in ${APPHOST_PATH} on ${hostName(host)} (KB 2025598)`
        : `Remove property ${legacy.map((m) => m.propertyId).join(', ')} from <customMetadata><key path="${keyPath}"> in ${APPHOST_PATH} on ${hostName(host)} (KB 2025598)`,
      commands: [],
    });
  }
  return { actions, missing: [], hashes };
}

function attr(name: string, v: string | null | undefined): string {
  return v === null || v === undefined
    ? ''
    : ` ${name}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"`;
}

function propertyElement(m: AnswerInput['metadata'][number]): string {
  return `<property id="${m.propertyId}"${attr('dataType', m.dataType)}${attr('userType', m.userType)}${attr('attributes', m.attributes)}${attr('value', m.value ?? '')} />`;
}

export interface SslcertRequest {
  host: string | null;
  endpoint: string;
  atMs: number | null;
  /** Thumbprints not to bind (the incident's bad hash, the failing certificate). */
  exclude: readonly string[];
  /** The binding exists (wrong certificate): delete it first. */
  replace: boolean;
  /** Thumbprints bound while the failures happened: ranked last (certificate-choice.ts). */
  suspect?: readonly string[];
}

/** `netsh http add sslcert` for one endpoint, with the checks that follow it. */
export function sslcertActions(
  input: AnswerInput,
  req: SslcertRequest,
): { actions: Action[]; checks: Action[]; missing: Missing[] } {
  const { host, endpoint } = req;
  const actions: Action[] = [];
  const checks: Action[] = [];
  const missing: Missing[] = [];
  const key = netshEndpoint(endpoint);
  const certRows = input.certificates.filter((c) => sameHost(c.host, host));
  const names = siteNames(input, host, endpoint);
  let choice = null;
  if (!hasArtefact(input, 'certutil-store', host, certRows.length > 0)) {
    missing.push({
      host,
      what: `the thumbprint of the certificate to bind to ${endpoint}`,
      collect: `collect \`${CERTUTIL}\` from ${hostName(host)}`,
    });
  } else {
    choice = chooseCertificate(input.certificates, {
      host,
      endpoint,
      atMs: req.atMs,
      siteNames: names,
      exclude: req.exclude,
      suspect: req.suspect ?? [],
      bindings: input.bindings,
    });
    if (choice.chosen === null) {
      missing.push({
        host,
        what: `a usable certificate for ${endpoint}: none of the ${choice.considered} certificate(s) in the store qualifies${
          choice.rejected.length > 0
            ? ` (${choice.rejected.map((r) => `${r.thumbprint}: ${r.reasons.join(', ')}`).join('; ')})`
            : ''
        }`,
        collect: `import the site's certificate with its private key (PFX) into LocalMachine\\My on ${hostName(host)}, then collect \`${CERTUTIL}\` again`,
      });
    }
  }
  const appId = appIdFor(input, host, endpoint);
  if (appId === null) {
    missing.push({
      host,
      what: `the application id of ${endpoint}`,
      collect: `collect \`${SSLCERT}\` and ${APPHOST_PATH} from ${hostName(host)}`,
    });
  }
  if (choice?.chosen && appId) {
    const thumb = choice.chosen.thumbprint;
    if (req.replace) {
      actions.push({
        kind: 'delete-sslcert',
        host,
        endpoint,
        title: `Delete the binding of ${endpoint} that uses the wrong certificate`,
        commands: [`netsh http delete sslcert ${key}`],
      });
    }
    actions.push({
      kind: 'add-sslcert',
      host,
      endpoint,
      title: `Re-create the SSL binding of ${endpoint} on ${hostName(host)} with certificate ${thumb}${commonName(choice.chosen.subject) ? ` (CN=${commonName(choice.chosen.subject)})` : ''}`,
      commands: [`netsh http add sslcert ${key} certhash=${thumb} appid=${appId.value} certstorename=MY`],
      certificate: choice,
      certHash: {
        value: thumb,
        source: `the certificate store listing${choice.chosen.file ? ` (${choice.chosen.file})` : ''}, chosen for the reasons in certificate.why`,
      },
      appId,
    });
    checks.push({
      kind: 'verify-certificate',
      host,
      title: `Check certificate ${thumb} and its private key`,
      commands: [`certutil -verifystore my ${thumb}`],
    });
    const name = names[0] ?? commonName(choice.chosen.subject);
    if (name && !name.includes('*')) {
      const p = port(endpoint);
      checks.push({
        kind: 'test-request',
        host,
        endpoint,
        title: `Test an HTTPS request to ${name}`,
        commands: [`curl.exe -v https://${name}${p === '443' ? '' : `:${p}`}/`],
      });
    }
  }
  checks.unshift({
    kind: 'verify-binding',
    host,
    endpoint,
    title: `Check that HTTP.sys lists the binding of ${endpoint}`,
    commands: [`netsh http show sslcert ${key}`],
  });
  return { actions, checks, missing };
}

/** The checks with one "HTTP.sys lists the binding" check per host, naming all its endpoints. */
export function joinBindingChecks(checks: readonly Action[]): Action[] {
  const out: Action[] = [];
  const byHost = new Map<string | null, { check: Action; endpoints: string[] }>();
  for (const c of checks) {
    const joined = c.kind === 'verify-binding' ? byHost.get(c.host) : undefined;
    if (joined === undefined) {
      const check = { ...c, commands: [...c.commands] };
      if (c.kind === 'verify-binding') byHost.set(c.host, { check, endpoints: c.endpoint ? [c.endpoint] : [] });
      out.push(check);
      continue;
    }
    joined.check.commands.push(...c.commands);
    if (c.endpoint) joined.endpoints.push(c.endpoint);
    joined.check.title = `Check that HTTP.sys lists the bindings of ${joined.endpoints.join(', ')}`;
    delete joined.check.endpoint;
  }
  return out;
}

/** Restart the ABO-mapper trigger and check the binding survives (no 15300 should follow). */
export function confirmTriggerCheck(
  host: string | null,
  trigger: string | null,
  endpoint: string | null,
): Action | null {
  const m = trigger ? /^([A-Za-z0-9_$-]+) service entered running/.exec(trigger) : null;
  if (!m) return null;
  const svc = m[1]!;
  const commands = [`net stop ${svc}`, `net start ${svc}`];
  if (endpoint) commands.push(`netsh http show sslcert ${netshEndpoint(endpoint)}`);
  return {
    kind: 'confirm-trigger',
    host,
    title: `Restart ${svc} (the trigger) and check that the binding survives: no HttpEvent 15300 should follow`,
    commands,
  };
}
