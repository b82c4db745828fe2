/**
 * What was lost from a file read only in part (a truncated log, a damaged chunk, an XML export
 * broken off) or not at all: measured at ingest, stored, and shown by `analyze` and the reports.
 */

/** Records missing between two records that were read (or before/after all of them). */
export interface RecordGap {
  /** First and last missing record number (record header), decimal text; null when not known. */
  first: string | null;
  last: string | null;
  /** ISO-8601 UTC time of the record read just before / just after the gap; null: none. */
  after: string | null;
  before: string | null;
}

/** The damage of one loaded file. */
export interface FileDamage {
  /** Bytes on disk. */
  size: number;
  /** Bytes the file header announces when the file is shorter (cut off); null otherwise. */
  expectedSize: number | null;
  /** Chunks not read at all: cut off, or a block without a chunk signature. */
  chunksUnread: number;
  /** Chunks read only in part (a damaged record ended the walk, or the chunk is cut). */
  chunksPartlyRead: number;
  /** Damaged records and structures (the file's error count). */
  recordsDamaged: number;
  /** Record numbers that may be missing, in record order (at most 20). */
  gaps: RecordGap[];
  /** What was lost, one line: `truncated at 102,400 of 135,168 bytes: 1 chunk partly read, …`. */
  summary: string;
}

/** A damaged or unreadable input file, as the report lists it. */
export interface DamageEntry extends FileDamage {
  file: string;
  /** `damaged`: loaded in part; `unreadable`: nothing could be loaded. */
  status: 'damaged' | 'unreadable';
  /** Hosts of the events read from it (empty when none). */
  hosts: string[];
  /** The time span the gaps fall into, when known (ISO-8601 UTC; null: open or unknown). */
  from: string | null;
  to: string | null;
}
