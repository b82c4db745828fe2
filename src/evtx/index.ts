/**
 * The EVTX reader's public entry: everything ingest, `dump`, tests and library users need.
 * Modules outside src/evtx import the reader only from here (the writer has its own entry,
 * ./writer/index.ts, re-exported below).
 */
export { BinXmlError, EvtxError, EvtxInputError, TruncatedError } from './errors.js';
export { fileWarnings, layoutOf, readEvtx, readEvtxChunks, readFileHeader } from './parser.js';
export type { EvtxLayout } from './parser.js';
