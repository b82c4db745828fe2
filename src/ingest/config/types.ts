/**
 * Rows produced by the configuration-artefact parsers (pure data); the row shapes are the
 * store's (src/store/config-rows.ts), which appends them to the tables of the same names.
 */
import type {
  CertificateRow,
  ConfigMetadataRow,
  ConfigTableRows,
  SchannelProtocolTableRow,
  SslBindingRow,
} from '../../store/config-rows.js';

export type { CertificateRow, ConfigMetadataRow, SchannelProtocolTableRow, SslBindingRow };

export const CONFIG_KINDS = [
  'applicationHost.config',
  'netsh-sslcert',
  'reg-sslbindinginfo',
  'certutil-store',
  'netsh-iplisten',
  'reg-schannel-protocols',
] as const;
export type ConfigKind = (typeof CONFIG_KINDS)[number];

export interface ConfigRows extends ConfigTableRows {
  kind: ConfigKind;
  /** Host named inside the artefact, if any (ingest otherwise decides). */
  host: string | null;
  metadata: ConfigMetadataRow[];
  bindings: SslBindingRow[];
  certificates: CertificateRow[];
  /** `netsh http show iplisten` addresses (empty: the default, every address). */
  ipListen: string[];
  /** SCHANNEL\Protocols keys of a .reg export. */
  protocols: SchannelProtocolTableRow[];
  /** Non-fatal parser findings (line numbers included). */
  warnings: string[];
}
