/**
 * Where one file's rows go while its transaction is open: events to the store's event writer,
 * findings to ingest_errors, and the file's running statistics.
 */
import type { Database } from '../store/db.js';
import { EventWriter } from '../store/event-writer.js';
import { appendIngestErrors } from '../store/ingest-errors.js';
import type { RowBatch } from '../store/row-batch.js';
import type { ParseDiagnostic, UnitResult } from './evtx-units.js';

/** Findings kept per file in ingest_errors (a hostile file can hold millions). */
export const MAX_FINDINGS_PER_FILE = 10_000;

export class EventSink {
  records = 0;
  warnings = 0;
  errors = 0;
  minTicks: bigint | null = null;
  maxTicks: bigint | null = null;
  readonly hosts = new Set<string>();
  /** Chunks not read at all / read only in part (see UnitResult). */
  readonly skippedChunks = new Set<number>();
  readonly damagedChunks = new Set<number>();
  /** The first error met (an XML export's syntax error, a read failure). */
  firstError: ParseDiagnostic | null = null;
  private readonly findings: ParseDiagnostic[] = [];
  private dropped = 0;

  private constructor(
    private readonly db: Database,
    readonly fileId: number,
    readonly path: string,
    private readonly writer: EventWriter,
  ) {}

  static async open(db: Database, fileId: number, path: string): Promise<EventSink> {
    return new EventSink(db, fileId, path, await EventWriter.open(db, fileId));
  }

  addBatch(b: RowBatch): void {
    this.writer.add(b);
  }

  /** A worker's unit: rows, findings and statistics. */
  addUnit(u: UnitResult): void {
    for (const b of u.batches) this.addBatch(b);
    this.records += u.records;
    this.warnings += u.warnings;
    this.errors += u.errors;
    for (const f of u.findings) this.keep(f);
    for (const h of u.hosts) this.hosts.add(h);
    for (const c of u.skippedChunks) this.skippedChunks.add(c);
    for (const c of u.damagedChunks) this.damagedChunks.add(c);
    if (u.minTicks !== null) this.seeTicks(BigInt(u.minTicks));
    if (u.maxTicks !== null) this.seeTicks(BigInt(u.maxTicks));
  }

  seeTicks(t: bigint): void {
    if (this.minTicks === null || t < this.minTicks) this.minTicks = t;
    if (this.maxTicks === null || t > this.maxTicks) this.maxTicks = t;
  }

  /** A finding counted in the file's warnings/errors and stored (up to the cap). */
  finding(f: ParseDiagnostic): void {
    if (f.severity === 'error') {
      this.errors++;
      this.firstError ??= f;
      if (f.chunk !== null) this.damagedChunks.add(f.chunk);
    } else this.warnings++;
    this.keep(f);
  }

  private keep(f: ParseDiagnostic): void {
    if (this.findings.length < MAX_FINDINGS_PER_FILE) this.findings.push(f);
    else this.dropped++;
  }

  /** Flush the events and write the findings. */
  async close(): Promise<void> {
    this.writer.close();
    if (this.dropped > 0) {
      this.findings.push({
        severity: 'warning',
        chunk: null,
        offset: null,
        recordId: null,
        message: `${this.dropped} more findings not stored (limit ${MAX_FINDINGS_PER_FILE} per file)`,
      });
    }
    await appendIngestErrors(this.db, this.fileId, this.path, this.findings);
  }
}
