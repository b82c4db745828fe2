/**
 * A finding: one root-cause conclusion with its evidence. Produced by the event correlation
 * (src/correlate/) and the configuration checks (src/ingest/config/ → src/correlate/config-findings.ts);
 * rendered by src/report/. Pure data: no formatting here.
 */
import type { Evidence } from './evidence.js';
import type { Level } from './level.js';

export type Confidence = 'high' | 'medium' | 'low';

export type FindingKind =
  | 'abo-binding-deleted' // ABO mapper deleted an SSL binding (15300 without 15301 after a trigger)
  | 'abo-binding-rebound' // ABO mapper re-created the binding, failures follow (wrong certificate)
  | 'private-key-failure' // Schannel 36870, cause from the knowledge base
  | 'config-abo-hash-invalid' // customMetadata 5506 hash of no usable certificate: binding will be deleted
  | 'config-legacy-metadata' // 5511/2161/1018 leftovers
  | 'config-binding-problem' // binding hash not in store, null AppId, empty hash, expired certificate
  | 'config-certificate-problem' // KeySpec 2, no private key, expired, no Server Authentication EKU, untrusted root
  | 'config-stale-ip-binding' // IP:port / 0.0.0.0:port binding serving another or a worse certificate than the SNI bindings
  | 'config-iplisten-restricted' // non-empty netsh http show iplisten list
  | 'config-tls-protocols-disabled' // SCHANNEL\Protocols turns TLS 1.2 off for the server
  | 'binding-deleted-by-tool' // 15300/119 not re-created, a non-ABO program (4688) explains it
  | 'binding-deleted-unexplained' // 15300/119 not re-created, nothing in the logs explains it
  | 'binding-renewed' // 15302 in-place update or a renewal tool's delete + re-create (info)
  | 'service-key-failure'; // Schannel 36870 of a caller other than HTTP.sys (RDP, LDAPS, SQL Server …)

export interface Finding {
  /** Stable id within a report: `<kind>:<host>:<key>`. */
  id: string;
  kind: FindingKind;
  level: Level;
  host: string | null;
  confidence: Confidence;
  title: string;
  /** First and last evidence times (ISO-8601 UTC), null for configuration-only findings. */
  start: string | null;
  end: string | null;
  /** Endpoints (IP:port / hostname:port) concerned. */
  endpoints: string[];
  /** Error code (`0x8009030D`) for private-key findings. */
  errorCode?: string | null;
  trigger: string | null;
  symptoms: string[];
  cause: string;
  remedies: string[];
  references: string[];
  evidence: Evidence[];
  /** Number of independent occurrences (e.g. trigger → deletion chains). */
  occurrences: number;
}
