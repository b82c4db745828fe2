/**
 * What the reader yields, in file order. The streaming API is
 * `readEvtx(source: string | Uint8Array, options?: ReadOptions): AsyncGenerator<EvtxItem>`
 * (src/evtx/parser.ts); `parseChunk` gives the same items for one 64 KiB chunk synchronously
 * (used by worker threads).
 */
import type { EvtxEvent } from './event.js';
import type { FlatEvent } from './render/row-plan.js';
import type { ByteSink } from './render/sink.js';

export interface ReadOptions {
  /** CRC32 mismatches become errors (default: warnings). */
  strict?: boolean;
  /** Also recover records from slack space and damaged chunks. */
  carve?: boolean;
  /** Name used in messages (defaults to the path, or `<buffer>`). */
  fileName?: string;
}

/** A binary XML element after template instantiation. */
export interface ElementNode {
  kind: 'element';
  name: string;
  attributes: AttributeNode[];
  children: ChildNode[];
}
export interface AttributeNode {
  name: string;
  /** Rendered text of the attribute value (already formatted as Windows renders it). */
  value: string;
}
/** Text content: rendered value (unescaped), with the BinXml value type it came from (0x01 for literal text). */
export interface TextNode {
  kind: 'text';
  text: string;
  valueType: number;
}
export interface CDataNode {
  kind: 'cdata';
  text: string;
}
export interface PINode {
  kind: 'pi';
  target: string;
  data: string;
}
/** `&name;` entity reference or `&#N;` character reference kept as written. */
export interface RefNode {
  kind: 'entity';
  name: string;
}
export type ChildNode = ElementNode | TextNode | CDataNode | PINode | RefNode;

export interface EvtxRecord {
  kind: 'record';
  /** Record-header number (bigint-safe). */
  recordId: bigint;
  /** Record-header FILETIME (written time; may be 0 or differ from TimeCreated). */
  writtenTicks: bigint;
  chunkIndex: number;
  /** Absolute file offset of the record's `2a2a0000` signature. */
  offset: number;
  /** Recovered by carving (slack space or damaged chunk). */
  carved: boolean;
  /** Non-fatal findings about this record (CRC mismatch while lenient, unknown value type…). */
  warnings: string[];
  /** The instantiated element tree (built on demand). */
  tree(): ElementNode;
  /** `<Event>` XML as Windows renders it (one line). */
  xml(): string;
  /** The normalised event (System fields typed, EventData flattened). */
  event(): EvtxEvent;
  /** Append the same XML as `xml()`, UTF-8 encoded, to `out` (bulk output without strings). */
  writeXml(out: ByteSink): void;
  /** Number of `warnings`, without allocating the list. */
  readonly warningCount: number;
  /**
   * Fill `out` through the template's row plan (ingest's fast path): the fields, data and
   * insertion strings `event()` gives, with its warnings added to `warnings`. False when the
   * record needs `event()` instead (no plan for its template, or values the plan does not cover);
   * nothing is recorded then.
   */
  flatInto(out: FlatEvent): boolean;
}

/** A record or chunk that could not be read; the reader went on. */
export interface EvtxErrorItem {
  kind: 'error';
  file: string;
  chunkIndex: number | null;
  offset: number;
  recordId: bigint | null;
  message: string;
}

/** A chunk-level or file-level non-fatal finding (bad magic skipped, CRC mismatch, stale header). */
export interface EvtxWarningItem {
  kind: 'warning';
  file: string;
  chunkIndex: number | null;
  offset: number;
  message: string;
}

export type EvtxItem = EvtxRecord | EvtxErrorItem | EvtxWarningItem;
