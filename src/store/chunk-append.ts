/**
 * Appends RowBatches (src/store/row-batch.ts) to a DuckDB table through the Appender, one data
 * chunk per batch, with a handful of native calls per batch instead of one per value.
 *
 * Strings: the batch heap is assigned once to a scratch VARCHAR vector (DuckDB copies it into
 * that vector's string heap); its `duckdb_string_t` is read back for the heap's address, which is
 * added to the relative pointers of the batch's long strings. The scratch chunk stays referenced
 * until `append_data_chunk` has copied the rows (the Appender copies string data it keeps).
 * `verifyStringLayout` checks the layout assumption against the running DuckDB once per process.
 */
import duckdb from '@duckdb/node-bindings';
import {
  BIGINT,
  BOOLEAN,
  DuckDBDataChunk,
  INTEGER,
  LIST,
  SMALLINT,
  TIMESTAMP_NS,
  UBIGINT,
  VARCHAR,
  type DuckDBAppender,
  type DuckDBType,
} from '@duckdb/node-api';
import { ColKind, type RowBatch } from './row-batch.js';

const LOGICAL: Record<ColKind, DuckDBType> = {
  [ColKind.I16]: SMALLINT,
  [ColKind.I32]: INTEGER,
  [ColKind.I64]: BIGINT,
  [ColKind.U64]: UBIGINT,
  [ColKind.TsNs]: TIMESTAMP_NS,
  [ColKind.Bool]: BOOLEAN,
  [ColKind.Str]: VARCHAR,
  [ColKind.StrList]: LIST(VARCHAR),
};

const BYTES: Record<ColKind, number> = {
  [ColKind.I16]: 2,
  [ColKind.I32]: 4,
  [ColKind.I64]: 8,
  [ColKind.U64]: 8,
  [ColKind.TsNs]: 8,
  [ColKind.Bool]: 1,
  [ColKind.Str]: 16,
  [ColKind.StrList]: 16,
};

const INLINE_MAX = 12;

/** Writes batches of one fixed column layout into one appender. */
export class BatchAppender {
  private readonly logical: duckdb.LogicalType[];
  private readonly heapType = VARCHAR.toLogicalType().logical_type;
  private chunk: duckdb.DataChunk | null = null;
  private scratch: duckdb.DataChunk | null = null;

  constructor(
    private readonly appender: DuckDBAppender,
    private readonly kinds: readonly ColKind[],
  ) {
    if (appender.columnCount !== kinds.length) {
      throw new Error(
        `table has ${appender.columnCount} columns, batches carry ${kinds.length}: the database was made by another version of bindtrail`,
      );
    }
    this.logical = kinds.map((k) => LOGICAL[k].toLogicalType().logical_type);
  }

  /** Append one batch (its arrays are modified: pointers are made absolute). */
  append(b: RowBatch): void {
    if (b.rows === 0) return;
    // One data chunk and one scratch chunk are reused (reset) for every batch: native memory
    // that V8 does not see would otherwise wait for garbage collection.
    const chunk = (this.chunk ??= duckdb.create_data_chunk(this.logical));
    const scratch = (this.scratch ??= duckdb.create_data_chunk([this.heapType]));
    duckdb.data_chunk_reset(chunk);
    duckdb.data_chunk_reset(scratch);
    duckdb.data_chunk_set_size(chunk, b.rows);
    const [lo, hi] = this.placeHeap(scratch, b);
    for (let c = 0; c < this.kinds.length; c++) {
      const kind = this.kinds[c]!;
      const vec = duckdb.data_chunk_get_vector(chunk, c);
      const data = b.columns[c]!;
      if (kind === ColKind.Str) relocate(data as Uint32Array, b.rows, lo, hi);
      if (kind === ColKind.StrList) this.fillList(vec, b, lo, hi);
      duckdb.copy_data_to_vector(vec, 0, data.buffer as ArrayBuffer, data.byteOffset, b.rows * BYTES[kind]);
      const valid = b.validity[c];
      if (valid) {
        duckdb.vector_ensure_validity_writable(vec);
        duckdb.copy_data_to_vector_validity(
          vec,
          0,
          valid.buffer as ArrayBuffer,
          valid.byteOffset,
          Math.ceil(b.rows / 64) * 8,
        );
      }
    }
    this.appender.appendDataChunk(new DuckDBDataChunk(chunk));
    duckdb.data_chunk_reset(scratch);
  }

  private fillList(vec: duckdb.Vector, b: RowBatch, lo: number, hi: number): void {
    duckdb.list_vector_reserve(vec, b.listChildCount);
    duckdb.list_vector_set_size(vec, b.listChildCount);
    if (b.listChildCount === 0) return;
    relocate(b.listChild, b.listChildCount, lo, hi);
    const child = duckdb.list_vector_get_child(vec);
    duckdb.copy_data_to_vector(
      child,
      0,
      b.listChild.buffer as ArrayBuffer,
      b.listChild.byteOffset,
      b.listChildCount * 16,
    );
  }

  /** Copy the heap into DuckDB; returns its address as two u32 halves. */
  private placeHeap(scratch: duckdb.DataChunk, b: RowBatch): [number, number] {
    if (b.heapUsed <= INLINE_MAX) return [0, 0];
    const vec = duckdb.data_chunk_get_vector(scratch, 0);
    duckdb.vector_assign_string_element_len(vec, 0, b.heap.subarray(0, b.heapUsed));
    const entry = duckdb.vector_get_data(vec, 16);
    const dv = new DataView(entry.buffer, entry.byteOffset, 16);
    return [dv.getUint32(8, true), dv.getUint32(12, true)];
  }
}

/** Add the heap address to the pointer of every non-inline string_t entry. */
function relocate(entries: Uint32Array, count: number, lo: number, hi: number): void {
  for (let i = 0; i < count; i++) {
    const at = i * 4;
    if (entries[at]! <= INLINE_MAX) continue;
    const sum = entries[at + 2]! + lo;
    entries[at + 2] = sum >>> 0;
    entries[at + 3] = hi + (sum > 0xffffffff ? 1 : 0);
  }
}
