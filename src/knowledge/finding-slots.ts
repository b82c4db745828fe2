/**
 * The texts each finding kind takes from data/findings/<kind>.json and the case values the code
 * fills into each: the contract between the data and src/correlate/. A data file holds exactly
 * these slots (plus `kind`, `references` and an optional `description`); a template in it may name
 * only the values its slot lists, and the code must give every one of them (checked by tsc).
 */

/** One template. */
export interface TextSlot {
  form: 'text';
  values: readonly string[];
}
/** A list of templates (remedies); an entry that comes out empty (all in `[[ ]]`) is left out. */
export interface ListSlot {
  form: 'list';
  values: readonly string[];
}
/** A closed vocabulary: for each id, one template per field. */
export interface TableSlot {
  form: 'table';
  ids: readonly string[];
  fields: readonly string[];
  values: readonly string[];
}
export type Slot = TextSlot | ListSlot | TableSlot;

const text = <const V extends readonly string[]>(...values: V) => ({ form: 'text', values }) as const;
const list = <const V extends readonly string[]>(...values: V) => ({ form: 'list', values }) as const;
const table = <const I extends readonly string[], const F extends readonly string[], const V extends readonly string[]>(
  ids: I,
  fields: F,
  values: V,
) => ({ form: 'table', ids, fields, values }) as const;

const ABO_CHAIN = {
  title: text('endpoints'),
  cause: text('triggers', 'endpoints'),
  remedies: list('endpoints'),
  errorCodeReference: text('code', 'name', 'text'),
} as const;

const ABO_CONFIG_REMEDIES = list('value', 'keyPath', 'otherProperties', 'noKeyThumbprint', 'endpoints');

/** Binding lookup, IP listen list and SCHANNEL protocol findings (src/correlate/config-lookup-findings.ts). */
const CONFIG_LOOKUP_SLOTS = {
  'config-stale-ip-binding': {
    title: text('endpoint', 'thumbprint', 'defects', 'sniEndpoints'),
    cause: text('endpoint', 'thumbprint', 'defects', 'sniEndpoints', 'sniThumbprints', 'port'),
    outcome: text('clients', 'servedBy', 'thumbprint', 'defects'),
    outcomeNone: text('clients'),
    afterDeleteBinding: text('servedBy', 'thumbprint', 'defects'),
    afterDeleteNone: text(),
    remedies: list(
      'endpoint',
      'site',
      'bindingInformation',
      'sniThumbprint',
      'appId',
      'afterDelete',
      'sniHost',
      'address',
      'port',
    ),
    defects: table(
      ['not-in-store', 'expired', 'not-yet-valid', 'no-private-key', 'wrong-eku', 'untrusted-root', 'empty-hash'],
      ['label'],
      [],
    ),
  },
  'config-iplisten-restricted': {
    title: text('addresses'),
    cause: text('addresses', 'unreachable'),
    remedies: list('deleteCommands', 'addCommands', 'unreachable'),
  },
  'config-tls-protocols-disabled': {
    title: text('how', 'remaining'),
    causeNoModernTls: text('how', 'remaining'),
    causeTls13Only: text('how'),
    remedies: list('clientSide'),
  },
} as const;

/** Culprit kinds of src/correlate/diagnosis/culprit.ts (CULPRIT_KINDS): one tool remedy each. */
const CULPRIT_IDS = [
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

const SERVICE_REMEDIES = list('caller', 'rdpKey');

export const FINDING_SLOTS = {
  'abo-binding-deleted': ABO_CHAIN,
  'abo-binding-rebound': ABO_CHAIN,
  'private-key-failure': {
    title: text('code', 'name'),
    unknownCodeCause: text('code', 'name'),
    alsoCause: text('summary'),
    alternativeRemedy: text('summary', 'remedies'),
    genericRemedies: list(),
    unknownCodeRemedies: list('code'),
  },
  'config-abo-hash-invalid': {
    title: text('keyPath'),
    cause: text('keyPath', 'endpoints'),
    remedies: ABO_CONFIG_REMEDIES,
  },
  'config-legacy-metadata': {
    title: text('keyPath', 'propertyIds'),
    cause: text(),
    remedies: ABO_CONFIG_REMEDIES,
  },
  'config-binding-problem': {
    title: text('endpoint', 'problems'),
    cause: text('endpoint', 'problems'),
    causeNotInStore: text('endpoint', 'hashes'),
    remedies: list('netshKey'),
    problems: table(
      [
        'empty-hash',
        'missing-hash',
        'zero-hash',
        'bad-hash',
        'bad-hash-length',
        'null-appid',
        'missing-appid',
        'bad-endpoint',
        'bad-binding-information',
        'not-in-store',
      ],
      ['label'],
      [],
    ),
  },
  'config-certificate-problem': {
    title: text('thumbprint', 'subject', 'issues'),
    issues: table(
      ['no-private-key', 'keyspec-signature', 'expired', 'wrong-eku', 'untrusted-root'],
      ['label', 'cause', 'remedy'],
      ['thumbprint', 'notAfter', 'ekus'],
    ),
    remedies: list('thumbprint'),
  },
  ...CONFIG_LOOKUP_SLOTS,
  'binding-deleted-by-tool': {
    title: text('endpoints', 'tool'),
    cause: text('tool', 'user', 'before', 'endpoints', 'detail'),
    remedies: list('endpoints', 'netshAdd'),
    toolRemedies: table(CULPRIT_IDS, ['remedy'], ['tool', 'user', 'commandLine', 'endpoints']),
  },
  'binding-deleted-unexplained': {
    title: text('endpoints'),
    cause: text('endpoints'),
    remedies: list('endpoints', 'netshAdd'),
  },
  'binding-renewed': {
    title: text('endpoints', 'tool'),
    cause: text('endpoints', 'tool'),
    remedies: list('endpoints'),
  },
  'service-key-failure': {
    title: text('service', 'code', 'name'),
    cause: text('reason'),
    clientNote: text(),
    rdpRemedies: SERVICE_REMEDIES,
    ldapsRemedies: SERVICE_REMEDIES,
    adfsRemedies: SERVICE_REMEDIES,
    sqlServerRemedies: SERVICE_REMEDIES,
    adfShirRemedies: SERVICE_REMEDIES,
    serviceFabricRemedies: SERVICE_REMEDIES,
    appVRemedies: SERVICE_REMEDIES,
    exchangeRemedies: SERVICE_REMEDIES,
    tlsClientRemedies: SERVICE_REMEDIES,
    genericRemedies: SERVICE_REMEDIES,
  },
} as const satisfies Record<string, Record<string, Slot>>;

export type FindingSlots = typeof FINDING_SLOTS;
/** The finding kinds with texts in data/findings/. */
export type TextKind = keyof FindingSlots;
export const TEXT_KINDS = Object.keys(FINDING_SLOTS) as TextKind[];

type SlotsOf<K extends TextKind, F extends Slot['form']> = {
  [S in keyof FindingSlots[K]]: FindingSlots[K][S] extends { form: F } ? S : never;
}[keyof FindingSlots[K]] &
  string;
export type TextSlotOf<K extends TextKind> = SlotsOf<K, 'text'>;
export type ListSlotOf<K extends TextKind> = SlotsOf<K, 'list'>;
export type TableSlotOf<K extends TextKind> = SlotsOf<K, 'table'>;

type Field<T> = T extends { fields: readonly (infer N)[] } ? N : never;
export type TableFieldOf<K extends TextKind, S extends keyof FindingSlots[K]> = Field<FindingSlots[K][S]> & string;
export type TableIdOf<K extends TextKind, S extends keyof FindingSlots[K]> = FindingSlots[K][S] extends {
  ids: readonly (infer I)[];
}
  ? I & string
  : never;
