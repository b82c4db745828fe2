import type { EvidenceRole } from './role.js';

/** A row of evidence pointing at its source. */
export interface Evidence {
  /** Source file path (as ingested). */
  file: string;
  /** EventRecordID for events; null for configuration artefacts. */
  recordId: string | null;
  /** ISO-8601 UTC with 7 fractional digits, or null for configuration artefacts. */
  time: string | null;
  host: string | null;
  /** Role in the chain. */
  role: EvidenceRole;
  /** Short label: `15300 binding deleted 0.0.0.0:443`, `IISADMIN running`, `5506 = A178…`. */
  summary: string;
  provider?: string | null;
  eventId?: number | null;
}
