/**
 * Rows produced by the configuration-artefact parsers (pure data); the row shapes are the
 * store's (src/store/config-rows.ts), which appends them to the tables of the same names.
 */
import type { CertificateRow, ConfigMetadataRow, ConfigTableRows, SslBindingRow } from '../../store/config-rows.js';

export type { CertificateRow, ConfigMetadataRow, SslBindingRow };

export const CONFIG_KINDS = [
  'applicationHost.config',
  'netsh-sslcert',
  'reg-sslbindinginfo',
  'certutil-store',
] as const;
export type ConfigKind = (typeof CONFIG_KINDS)[number];

export interface ConfigRows extends ConfigTableRows {
  kind: ConfigKind;
  /** Host named inside the artefact, if any (ingest otherwise decides). */
  host: string | null;
  metadata: ConfigMetadataRow[];
  bindings: SslBindingRow[];
  certificates: CertificateRow[];
  /** Non-fatal parser findings (line numbers included). */
  warnings: string[];
}
