/**
 * An XML event export into an open EventSink, streamed (exports of big logs run to GBs): every
 * `<Event>` at the root or under an `<Events>` root becomes a row, exactly as the same record
 * read from .evtx would. A syntax error ends the file: the events before it stay, the error is
 * recorded with its line and column.
 */
import { createReadStream } from 'node:fs';
import { RowBatchBuilder } from '../store/row-batch.js';
import { XmlError, localName, xmlElementsFromChunks } from '../xml/index.js';
import type { EventSink } from './event-sink.js';
import { addEventRow } from './event-row.js';
import { eventFromXml } from './xml-event.js';

export interface XmlLoadOptions {
  onProgress?: (bytes: number, records: number) => void;
}

/** Tee the byte count of a stream to a progress callback. */
async function* counted(path: string, onBytes: (n: number) => void): AsyncGenerator<Uint8Array> {
  let n = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    n += (chunk as Buffer).length;
    onBytes(n);
    yield chunk as Buffer;
  }
}

export async function loadXmlExport(path: string, sink: EventSink, opts: XmlLoadOptions = {}): Promise<void> {
  const b = new RowBatchBuilder();
  let bytes = 0;
  const isEvent = (name: string, depth: number): boolean => depth <= 1 && localName(name) === 'Event';
  try {
    for await (const el of xmlElementsFromChunks(
      counted(path, (n) => (bytes = n)),
      isEvent,
    )) {
      const { event, message } = eventFromXml(el);
      addEventRow(b, event, {
        headerRecordId: null,
        writtenTicks: null,
        recovered: false,
        chunk: null,
        offset: null,
        message,
      });
      sink.records++;
      if (event.computer !== null) sink.hosts.add(event.computer);
      if (event.timeCreated !== null) sink.seeTicks(event.timeCreated);
      if (b.full) {
        sink.addBatch(b.finish());
        opts.onProgress?.(bytes, sink.records);
      }
    }
  } catch (e) {
    if (!(e instanceof XmlError)) throw e;
    sink.finding({
      severity: 'error',
      chunk: null,
      offset: e.offset,
      recordId: null,
      message: `XML line ${e.line} column ${e.column}: ${e.reason}`,
    });
  }
  if (b.rows > 0) sink.addBatch(b.finish());
  opts.onProgress?.(bytes, sink.records);
}
