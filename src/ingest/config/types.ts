/**
 * Rows produced by the configuration-artefact parsers (pure data) and appended by ingest to the
 * tables of the same names (src/store/schema.ts): camelCase here, snake_case there.
 */

export const CONFIG_KINDS = ['applicationHost.config', 'netsh-sslcert', 'reg-sslbindinginfo', 'certutil-store'] as const;
export type ConfigKind = (typeof CONFIG_KINDS)[number];

export interface ConfigMetadataRow {
  keyPath: string;
  propertyId: number;
  dataType: string | null;
  userType: string | null;
  attributes: string | null;
  value: string | null;
  /** 5506: 40-hex-digit thumbprint (uppercase) decoded from base64; 5511: store name; else null. */
  decoded: string | null;
}

export interface SslBindingRow {
  source: 'config' | 'netsh' | 'registry';
  endpoint: string | null;
  site: string | null;
  bindingInformation: string | null;
  sslFlags: number | null;
  certHash: string | null;
  certStore: string | null;
  appId: string | null;
  /** Parser-flagged problems: `empty-hash`, `null-appid`, `zero-hash`, … */
  problems: string[];
}

export interface CertificateRow {
  store: string | null;
  thumbprint: string;
  subject: string | null;
  issuer: string | null;
  serial: string | null;
  /** ISO-8601 UTC */
  notBefore: string | null;
  notAfter: string | null;
  hasPrivateKey: boolean | null;
  provider: string | null;
  keyContainer: string | null;
  keySpec: number | null;
  exportable: boolean | null;
}

export interface ConfigRows {
  kind: ConfigKind;
  /** Host named inside the artefact, if any (ingest otherwise decides). */
  host: string | null;
  metadata: ConfigMetadataRow[];
  bindings: SslBindingRow[];
  certificates: CertificateRow[];
  /** Non-fatal parser findings (line numbers included). */
  warnings: string[];
}
