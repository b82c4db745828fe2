/** Roles of an event in a chain, in display order (timeline lanes, legends). */
export const ROLES = ['trigger', 'symptom', 'recovery', 'context'] as const;
export type Role = (typeof ROLES)[number];

/** Role of an evidence row: an event's role, or `configuration` for configuration artefacts. */
export type EvidenceRole = Role | 'configuration';
