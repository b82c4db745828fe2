/**
 * The neutral data model: findings and their evidence (produced by src/correlate/) and the report
 * model (consumed by src/report/). Pure data; imports nothing outside src/model/.
 */
export type { DamageEntry, FileDamage, RecordGap } from './damage.js';
export type { Evidence } from './evidence.js';
export type { Confidence, Finding, FindingKind } from './finding.js';
export { LEVELS, type Level } from './level.js';
export {
  REPORT_SCHEMA_VERSION,
  type CaseBinding,
  type CaseCertificate,
  type CaseFacts,
  type CaseMetadata,
  type NotableCount,
  type FileSummary,
  type HostSummary,
  type ReportModel,
  type TimelineCount,
  type TimelineEntry,
} from './report.js';
export { ROLES, type EvidenceRole, type Role } from './role.js';
