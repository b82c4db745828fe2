/**
 * Where one file's rows go while its transaction is open: events through the batch appender
 * (flushed every ~8k rows so memory stays bounded), findings to ingest_errors, and the file's
 * running statistics.
 */
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { BatchAppender } from '../store/chunk-append.js';
import { COL, EVENT_COLUMNS, type RowBatch } from '../store/row-batch.js';
import type { ParseDiagnostic, UnitResult } from './evtx-units.js';

/** Findings kept per file in ingest_errors (a hostile file can hold millions). */
export const MAX_FINDINGS_PER_FILE = 10_000;
const FLUSH_ROWS = 8_192;

export class EventSink {
  records = 0;
  warnings = 0;
  errors = 0;
  minTicks: bigint | null = null;
  maxTicks: bigint | null = null;
  readonly hosts = new Set<string>();
  private readonly findings: ParseDiagnostic[] = [];
  private dropped = 0;
  private unflushed = 0;

  private constructor(
    private readonly conn: DuckDBConnection,
    readonly fileId: number,
    readonly path: string,
    private readonly appender: DuckDBAppender,
    private readonly batches: BatchAppender,
  ) {}

  static async open(conn: DuckDBConnection, fileId: number, path: string): Promise<EventSink> {
    const appender = await conn.createAppender('events');
    return new EventSink(conn, fileId, path, appender, new BatchAppender(appender, EVENT_COLUMNS.map(([, k]) => k)));
  }

  addBatch(b: RowBatch): void {
    (b.columns[COL.file_id] as Int32Array).fill(this.fileId, 0, b.rows);
    this.batches.append(b);
    this.unflushed += b.rows;
    if (this.unflushed >= FLUSH_ROWS) {
      this.appender.flushSync();
      this.unflushed = 0;
    }
  }

  /** A worker's unit: rows, findings and statistics. */
  addUnit(u: UnitResult): void {
    for (const b of u.batches) this.addBatch(b);
    this.records += u.records;
    this.warnings += u.warnings;
    this.errors += u.errors;
    for (const f of u.findings) this.keep(f);
    for (const h of u.hosts) this.hosts.add(h);
    if (u.minTicks !== null) this.seeTicks(BigInt(u.minTicks));
    if (u.maxTicks !== null) this.seeTicks(BigInt(u.maxTicks));
  }

  seeTicks(t: bigint): void {
    if (this.minTicks === null || t < this.minTicks) this.minTicks = t;
    if (this.maxTicks === null || t > this.maxTicks) this.maxTicks = t;
  }

  /** A finding counted in the file's warnings/errors and stored (up to the cap). */
  finding(f: ParseDiagnostic): void {
    if (f.severity === 'error') this.errors++;
    else this.warnings++;
    this.keep(f);
  }

  private keep(f: ParseDiagnostic): void {
    if (this.findings.length < MAX_FINDINGS_PER_FILE) this.findings.push(f);
    else this.dropped++;
  }

  /** Flush the appender and write the findings. */
  async close(): Promise<void> {
    this.appender.flushSync();
    this.appender.closeSync();
    if (this.dropped > 0) {
      this.findings.push({ severity: 'warning', chunk: null, offset: null, recordId: null, message: `${this.dropped} more findings not stored (limit ${MAX_FINDINGS_PER_FILE} per file)` });
    }
    if (this.findings.length === 0) return;
    const app = await this.conn.createAppender('ingest_errors');
    for (const f of this.findings) {
      app.appendInteger(this.fileId);
      app.appendVarchar(this.path);
      app.appendVarchar(f.severity);
      if (f.chunk === null) app.appendNull();
      else app.appendInteger(f.chunk);
      if (f.offset === null) app.appendNull();
      else app.appendBigInt(BigInt(f.offset));
      if (f.recordId === null) app.appendNull();
      else app.appendUBigInt(BigInt(f.recordId));
      app.appendVarchar(f.message);
      app.endRow();
    }
    app.flushSync();
    app.closeSync();
  }
}
