/**
 * Parsing one unit of an .evtx file (a run of whole chunks) into row batches. Pure function of the
 * bytes, run inside worker threads (./evtx-worker.ts) and usable inline.
 */
import { flatEvent, parseChunk, type EvtxItem } from '../evtx/index.js';
import { BufferPool, RowBatchBuilder, type RowBatch } from '../store/row-batch.js';
import { addEventRow, addFlatRow } from './event-row.js';

export interface UnitJob {
  seq: number;
  fileName: string;
  /** The unit's bytes, starting at `slots[0].offset` in the file. */
  bytes: Uint8Array;
  slots: { index: number; offset: number; size: number }[];
  strict: boolean;
  carve: boolean;
  /** Spent batch buffers handed back for reuse. */
  recycle?: ArrayBuffer[];
}

/** A damaged record/chunk (error) or a non-fatal finding (warning), as stored in ingest_errors. */
export interface ParseDiagnostic {
  severity: 'error' | 'warning';
  chunk: number | null;
  offset: number | null;
  /** Record-header number as decimal text. */
  recordId: string | null;
  message: string;
}

export interface UnitResult {
  seq: number;
  batches: RowBatch[];
  findings: ParseDiagnostic[];
  records: number;
  warnings: number;
  errors: number;
  /** FILETIME ticks of the earliest/latest TimeCreated, as decimal text (bigint-safe over postMessage). */
  minTicks: string | null;
  maxTicks: string | null;
  hosts: string[];
  bytes: number;
  /** Chunks of the unit not read at all: a block with data but no `ElfChnk` signature. */
  skippedChunks: number[];
  /** Chunks read only in part: at least one damaged record or structure. */
  damagedChunks: number[];
}

/** Parse every chunk of the unit and build its rows. */
export function parseUnit(job: UnitJob, pool: BufferPool = new BufferPool()): UnitResult {
  const out: UnitResult = {
    seq: job.seq,
    batches: [],
    findings: [],
    records: 0,
    warnings: 0,
    errors: 0,
    minTicks: null,
    maxTicks: null,
    hosts: [],
    bytes: job.bytes.length,
    skippedChunks: [],
    damagedChunks: [],
  };
  const b = new RowBatchBuilder(pool);
  const hosts = new Set<string>();
  let min: bigint | null = null;
  let max: bigint | null = null;
  const base = job.slots[0]?.offset ?? 0;
  const opts = { fileName: job.fileName, strict: job.strict, carve: job.carve };
  const flat = flatEvent();
  for (const slot of job.slots) {
    const at = slot.offset - base;
    const bytes = job.bytes.subarray(at, at + slot.size);
    const items: EvtxItem[] = parseChunk(bytes, slot.index, slot.offset, opts);
    if (isSkippedBlock(bytes)) out.skippedChunks.push(slot.index);
    else if (items.some((it) => it.kind === 'error')) out.damagedChunks.push(slot.index);
    for (const it of items) {
      if (it.kind === 'error') {
        out.errors++;
        out.findings.push({
          severity: 'error',
          chunk: it.chunkIndex,
          offset: it.offset,
          recordId: it.recordId === null ? null : it.recordId.toString(),
          message: it.message,
        });
        continue;
      }
      if (it.kind === 'warning') {
        out.warnings++;
        out.findings.push({
          severity: 'warning',
          chunk: it.chunkIndex,
          offset: it.offset,
          recordId: null,
          message: it.message,
        });
        continue;
      }
      const origin = {
        headerRecordId: it.recordId,
        writtenTicks: it.writtenTicks,
        recovered: it.carved,
        chunk: it.chunkIndex,
        offset: it.offset,
      };
      let computer: string | null;
      let t: bigint | null;
      if (it.flatInto(flat)) {
        addFlatRow(b, flat, origin);
        computer = flat.computer;
        t = flat.timeCreated;
      } else {
        const ev = it.event();
        addEventRow(b, ev, origin);
        computer = ev.computer;
        t = ev.timeCreated;
      }
      out.records++;
      if (it.warningCount > 0) {
        for (const w of it.warnings) {
          out.warnings++;
          out.findings.push({
            severity: 'warning',
            chunk: it.chunkIndex,
            offset: it.offset,
            recordId: it.recordId.toString(),
            message: w,
          });
        }
      }
      if (computer !== null) hosts.add(computer);
      if (t !== null) {
        if (min === null || t < min) min = t;
        if (max === null || t > max) max = t;
      }
      if (b.full) out.batches.push(b.finish());
    }
  }
  if (b.rows > 0) out.batches.push(b.finish());
  out.minTicks = min === null ? null : min.toString();
  out.maxTicks = max === null ? null : max.toString();
  out.hosts = [...hosts];
  return out;
}

const CHUNK_MAGIC = [0x45, 0x6c, 0x66, 0x43, 0x68, 0x6e, 0x6b, 0x00]; // "ElfChnk\0"

/** A block the reader skips: not all zero (an unused block) and without the chunk signature. */
function isSkippedBlock(b: Uint8Array): boolean {
  if (b.length >= 8 && CHUNK_MAGIC.every((m, i) => b[i] === m)) return false;
  return b.some((x) => x !== 0);
}
