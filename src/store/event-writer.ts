/**
 * Appends one file's event batches to `events` (flushed every ~8k rows so memory stays bounded),
 * inside the caller's transaction.
 */
import type { DuckDBAppender } from '@duckdb/node-api';
import { BatchAppender } from './chunk-append.js';
import type { Database } from './db.js';
import { COL, EVENT_COLUMNS, type RowBatch } from './row-batch.js';

const FLUSH_ROWS = 8_192;

export class EventWriter {
  private unflushed = 0;

  private constructor(
    readonly fileId: number,
    private readonly appender: DuckDBAppender,
    private readonly batches: BatchAppender,
  ) {}

  static async open(db: Database, fileId: number): Promise<EventWriter> {
    const appender = await db.conn.createAppender('events');
    return new EventWriter(
      fileId,
      appender,
      new BatchAppender(
        appender,
        EVENT_COLUMNS.map(([, k]) => k),
      ),
    );
  }

  /** Append `b` with its file_id column set to this file (the batch is modified). */
  add(b: RowBatch): void {
    (b.columns[COL.file_id] as Int32Array).fill(this.fileId, 0, b.rows);
    this.batches.append(b);
    this.unflushed += b.rows;
    if (this.unflushed >= FLUSH_ROWS) {
      this.appender.flushSync();
      this.unflushed = 0;
    }
  }

  /** Flush and close the appender. */
  close(): void {
    this.appender.flushSync();
    this.appender.closeSync();
  }
}
