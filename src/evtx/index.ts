/**
 * The EVTX reader's public entry: everything ingest, `dump`, tests and library users need.
 * Modules outside src/evtx import the reader from here only. The writer has its own entry
 * (./writer/index.ts), re-exported at the end.
 */

// Streaming: every item of a file or buffer in file order.
export { readEvtx, readEvtxChunks } from './parser.js';
export type {
  AttributeNode,
  CDataNode,
  ChildNode,
  ElementNode,
  EvtxErrorItem,
  EvtxItem,
  EvtxRecord,
  EvtxWarningItem,
  PINode,
  ReadOptions,
  RefNode,
  TextNode,
} from './items.js';
export type { EvtxEvent, JsonValue } from './event.js';
export { emptyEvent } from './render/event.js';

// Files in chunk batches (worker threads parse the chunks with `parseChunk`).
export { BATCH_CHUNKS, readChunkBatches } from './chunk-batches.js';
export type { BatchItem, BatchReadOptions, ChunkBatch } from './chunk-batches.js';
export { fileWarnings, layoutOf, readFileHeader } from './layout.js';
export type { EvtxLayout } from './layout.js';
export { chunkSlots, FileFlags, parseFileHeader } from './file-header.js';
export type { ChunkSlot, FileHeader } from './file-header.js';
export { parseChunk } from './chunk.js';
export type { ChunkOptions } from './chunk.js';
export { CarvedDedup } from './carved-dedup.js';

// Output helpers: rows (`EvtxRecord.flatInto`), JSON lines, UTF-8 output.
export { flatDataJson, flatEvent } from './render/row-plan.js';
export type { FlatEvent } from './render/row-plan.js';
export { filetimeIso, recordJson } from './render/jsonl.js';
export { ByteSink } from './render/sink.js';
export { parseBigInt, parseNumber, ticksFromIso } from './render/parse-number.js';

// Vocabulary and errors.
export { CHUNK_SIZE, FILE_HEADER_SIZE, FILETIME_UNIX_EPOCH, ValueType } from './types.js';
export type { ValueTypeCode } from './types.js';
export { BinXmlError, EvtxError, EvtxInputError, TruncatedError } from './errors.js';

// The writer.
export * from './writer/index.js';
