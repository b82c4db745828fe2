/** Severity levels of findings and saved queries, most severe first (a closed vocabulary). */
export const LEVELS = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Level = (typeof LEVELS)[number];
