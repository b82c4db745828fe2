/** The EVTX writer: events described as data → EVTX 3.1 files. */
export { EvtxWriter, FileSink, MemorySink, writeEvtx, type EvtxSink, type WriterOptions } from './evtx-writer.js';
export {
  compileEvent,
  type DataItem,
  type EventDataSpec,
  type EventSpec,
  type ProviderSpec,
  type UserDataSpec,
} from './event-spec.js';
export { v, type TypedValue } from './values.js';
export { crc32 } from '../crc32.js';
