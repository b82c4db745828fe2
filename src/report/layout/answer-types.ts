/**
 * Input and output types of the answer-first block (answer.ts): structural views of findings,
 * evidence, configuration rows (src/store/schema.ts: ssl_bindings, certificates,
 * config_metadata) and ingested files; out come incidents with their cause, outage windows and
 * the commands to run, every value taken from the case or named as missing.
 */
import type { BindingFacts, CertificateChoice, CertificateFacts } from './certificate-choice.js';

export type { BindingFacts, CertificateFacts } from './certificate-choice.js';

export interface AnswerEvidence {
  file: string;
  recordId: string | null;
  time: string | null;
  host: string | null;
  role: string;
  summary: string;
  provider?: string | null;
  eventId?: number | null;
}

export interface AnswerFinding {
  id: string;
  kind: string;
  level: string;
  host: string | null;
  title: string;
  cause: string;
  start: string | null;
  end: string | null;
  endpoints: readonly string[];
  trigger: string | null;
  errorCode?: string | null;
  /** The finding's remedies, already filled from the case (used where no command plan applies). */
  remedies?: readonly string[];
  evidence: readonly AnswerEvidence[];
}

/** A `<customMetadata>` property (the `config_metadata` table, camelCase). */
export interface MetadataFacts {
  host: string | null;
  keyPath: string;
  propertyId: number;
  value: string | null;
  dataType?: string | null;
  userType?: string | null;
  attributes?: string | null;
  /** 5506: thumbprint decoded from base64 (uppercase hex). */
  decoded?: string | null;
  file?: string | null;
}

export interface AnswerInput {
  findings: readonly AnswerFinding[];
  bindings: readonly BindingFacts[];
  certificates: readonly CertificateFacts[];
  metadata: readonly MetadataFacts[];
  /** Last event time of each host's logs (the report's HostSummary fits). */
  hosts: ReadonlyArray<{ host: string; lastTime: string | null }>;
  /** Further rows to read binding deletions/re-creations from (the timeline). */
  events?: readonly AnswerEvidence[];
  /**
   * Ingested files (the report's FileSummary fits): which artefacts the case holds per host
   * (`hosts` empty = any host). Without it, an artefact counts as present when it gave rows.
   */
  files?: ReadonlyArray<{ kind: string; hosts: readonly string[] }>;
}

export type IncidentFamily = 'abo-mapper' | 'private-key' | 'binding' | 'other';

export interface Outage {
  host: string | null;
  endpoint: string;
  /** ISO-8601 UTC of the deletion. */
  downAt: string;
  /** Re-creation time, null when the logs show none. */
  upAt: string | null;
  stillDown: boolean;
  /** Last event time of the host's logs (the end of what is known) when still down. */
  logEnd: string | null;
  down: { file: string; recordId: string | null };
  up: { file: string; recordId: string | null } | null;
}

export interface FailureWindow {
  host: string | null;
  first: string;
  last: string;
  count: number;
}

export type ActionKind =
  | 'backup-config'
  | 'remove-custom-metadata'
  | 'repair-key'
  | 'delete-sslcert'
  | 'add-sslcert'
  | 'verify-binding'
  | 'verify-certificate'
  | 'test-request'
  | 'confirm-trigger'
  | 'finding-remedy';

/** Where a value in a command came from. */
export interface ValueSource {
  value: string;
  source: string;
}

export interface Action {
  kind: ActionKind;
  host: string | null;
  /** One line saying what and why. */
  title: string;
  /** Commands to run on the host, in order (no placeholder). */
  commands: string[];
  endpoint?: string;
  /** applicationHost.config element to remove, as written in the file. */
  element?: string;
  keyPath?: string;
  /** Ingested file the value was read from. */
  file?: string | null;
  certificate?: CertificateChoice;
  certHash?: ValueSource;
  appId?: ValueSource;
}

export interface Missing {
  host: string | null;
  /** The value the answer lacks (`certificate thumbprint for 0.0.0.0:443`). */
  what: string;
  /** The artefact to collect, as an instruction (`collect \`certutil -v -store my\` from WEB01`). */
  collect: string;
}

export interface Incident {
  /** The lead finding's id. */
  id: string;
  level: string;
  host: string | null;
  family: IncidentFamily;
  findingIds: string[];
  /** The cause in one sentence. */
  cause: string;
  outages: Outage[];
  failures: FailureWindow | null;
  /** What to do now, in order. */
  actions: Action[];
  /** What to run afterwards to check. */
  checks: Action[];
  missing: Missing[];
}

export interface AnswerBlock {
  incidents: Incident[];
}
