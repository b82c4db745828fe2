/**
 * Columnar row batches for the `events` table, built off the main thread (ingest workers) and
 * appended by src/store/chunk-append.ts as one DuckDB data chunk each.
 *
 * Layout follows DuckDB's vector memory (duckdb.h, `duckdb_string_t` and validity masks):
 * - fixed-width columns are typed arrays of the column's physical type;
 * - a VARCHAR column is an array of 16-byte `string_t` entries (u32 length, then either the
 *   bytes inline when length <= 12, or a 4-byte prefix and a 64-bit pointer). Here the pointer
 *   holds the offset of the bytes in the batch's `heap`; the appender copies the heap into
 *   DuckDB once and adds the heap's address to every pointer;
 * - validity: one bit per row (1 = valid), little-endian u64 words.
 * Everything is transferable (no per-value objects cross the thread boundary).
 */

/** Physical kinds of the appended columns. */
export const ColKind = { I16: 0, I32: 1, I64: 2, U64: 3, TsNs: 4, Bool: 5, Str: 6, StrList: 7 } as const;
export type ColKind = (typeof ColKind)[keyof typeof ColKind];

/** `events` columns in table order (src/store/schema.ts), with their kinds. */
export const EVENT_COLUMNS = [
  ['file_id', ColKind.I32],
  ['host', ColKind.Str],
  ['channel', ColKind.Str],
  ['provider', ColKind.Str],
  ['provider_guid', ColKind.Str],
  ['event_source', ColKind.Str],
  ['event_id', ColKind.I32],
  ['qualifiers', ColKind.I32],
  ['version', ColKind.I16],
  ['level', ColKind.I16],
  ['task', ColKind.I32],
  ['opcode', ColKind.I16],
  ['keywords', ColKind.Str],
  ['record_id', ColKind.U64],
  ['header_record_id', ColKind.U64],
  ['ts', ColKind.TsNs],
  ['written_ts', ColKind.TsNs],
  ['process_id', ColKind.U64],
  ['thread_id', ColKind.U64],
  ['user_sid', ColKind.Str],
  ['activity_id', ColKind.Str],
  ['data', ColKind.Str],
  ['params', ColKind.StrList],
  ['message', ColKind.Str],
  ['recovered', ColKind.Bool],
  ['chunk', ColKind.I32],
  ['file_offset', ColKind.I64],
  ['related_activity_id', ColKind.Str],
] as const satisfies readonly (readonly [string, ColKind])[];

export type EventColumn = (typeof EVENT_COLUMNS)[number][0];
/** Column index by name. */
export const COL = Object.fromEntries(EVENT_COLUMNS.map(([n], i) => [n, i])) as { [K in EventColumn]: number };

/** DuckDB's STANDARD_VECTOR_SIZE: the most rows one data chunk holds. */
export const BATCH_ROWS = 2048;

export type ColumnData = Int16Array | Int32Array | BigInt64Array | BigUint64Array | Uint8Array | Uint32Array;

/** A finished batch: plain typed arrays, safe to post with their buffers transferred. */
export interface RowBatch {
  rows: number;
  kinds: ColKind[];
  /** Per column: values (Str: 4 u32 per row; StrList: list entries, 4 u32 per row = u64 offset, u64 length). */
  columns: ColumnData[];
  /** Per column: validity bits, or null when every row is valid. */
  validity: (Uint8Array | null)[];
  /** StrList children: 4 u32 per item; one list column at most. */
  listChild: Uint32Array;
  listChildCount: number;
  /** UTF-8 bytes of every string longer than 12 bytes. */
  heap: Uint8Array;
  heapUsed: number;
}

const INLINE_MAX = 12;
/** JSON.stringify's short escapes (after the backslash) by character code. */
const JSON_ESCAPES: Record<number, number> = {
  0x22: 0x22,
  0x5c: 0x5c,
  0x08: 0x62,
  0x09: 0x74,
  0x0a: 0x6e,
  0x0c: 0x66,
  0x0d: 0x72,
};
/** Longer strings of plain printable ASCII are copied by one native call instead of a loop. */
const NATIVE_COPY = 24;
const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/;
/** Anything but printable ASCII other than `"` and `\\`. */
const JSON_SLOW = /[^\x20\x21\x23-\x5b\x5d-\x7e]/;
const HEX_LOWER = new Uint8Array([...'0123456789abcdef'].map((c) => c.charCodeAt(0)));
const DEDUPE_MAX = 64;
/** FILETIME of 1970-01-01 (100 ns ticks since 1601). */
const EPOCH_TICKS = 116444736000000000n;
/** TIMESTAMP_NS is a signed 64-bit count of ns since 1970. */
const NS_MIN = -(2n ** 63n) + 1n;
const NS_MAX = 2n ** 63n - 1n;

/** Nanoseconds since 1970 for FILETIME ticks, or null outside TIMESTAMP_NS range (years 1677–2262). */
export function ticksToNs(ticks: bigint): bigint | null {
  const ns = (ticks - EPOCH_TICKS) * 100n;
  return ns < NS_MIN || ns > NS_MAX ? null : ns;
}

/**
 * Spare ArrayBuffers by size, handed back by the thread that appended a batch so the next
 * batches reuse them: buffers that cross threads are otherwise freed only when a (rare) garbage
 * collection notices them, and pile up.
 */
export class BufferPool {
  private readonly free = new Map<number, ArrayBuffer[]>();
  private count = 0;

  constructor(private readonly max = 512) {}

  /** A buffer of exactly `bytes`, zero-filled unless `zeroed` is false (then it holds old bytes). */
  take(bytes: number, zeroed = true): ArrayBuffer {
    const b = this.free.get(bytes)?.pop();
    if (b === undefined) return new ArrayBuffer(bytes);
    this.count--;
    if (zeroed) new Uint8Array(b).fill(0);
    return b;
  }

  give(buffers: readonly ArrayBuffer[]): void {
    for (const b of buffers) {
      if (this.count >= this.max || b.byteLength === 0) continue;
      let list = this.free.get(b.byteLength);
      if (!list) this.free.set(b.byteLength, (list = []));
      list.push(b);
      this.count++;
    }
  }
}

/** Builds one batch row by row: `begin()`, the setters for that row, then `finish()` when full or done. */
export class RowBatchBuilder {
  readonly kinds: ColKind[] = EVENT_COLUMNS.map(([, k]) => k);
  private columns: ColumnData[] = [];
  /** Byte view of each column (inline string bytes) and u32 view (64-bit writes from numbers). */
  private bytes: Uint8Array[] = [];
  private words: Uint32Array[] = [];
  private validity: (Uint8Array | null)[] = [];
  private listChild: Uint32Array;
  private listChildBytes: Uint8Array;
  private listChildCount = 0;
  private heap: Buffer;
  private heapUsed = 0;
  /** Strings already in this batch → slot in `seen` (length, prefix, offset). */
  private dedupe = new Map<string, number>();
  private seen = new Uint32Array(3 * 1024);
  private seenCount = 0;
  private row = -1;
  /** Per string column: the last string written and its row (-1: none in this batch). */
  private readonly lastStr: (string | null)[] = EVENT_COLUMNS.map(() => null);
  private readonly lastRow = new Int32Array(EVENT_COLUMNS.length);
  /** Leaves of the JSON object of row `leafRow`: heap offset of each one's UTF-8 text (-1: escaped) and length. */
  private leafAt = new Int32Array(64);
  private leafLen = new Int32Array(64);
  private leafCount = 0;
  private leafRow = -1;
  /** Set by `quoted`: the last string needed an escape. */
  private escaped = false;
  /** End of the string being written in pieces (`textBegin`). */
  private textPos = 0;

  constructor(private readonly pool: BufferPool = new BufferPool()) {
    this.listChild = new Uint32Array(pool.take(BATCH_ROWS * 16 * 4));
    this.listChildBytes = new Uint8Array(this.listChild.buffer);
    // The heap is never read past `heapUsed`: it needs no zeroing.
    this.heap = Buffer.from(pool.take(1 << 18, false));
    this.reset();
  }

  get rows(): number {
    return this.row + 1;
  }

  get full(): boolean {
    return this.row + 1 >= BATCH_ROWS;
  }

  /** Start a new row (every column null until set). Returns its index. */
  begin(): number {
    return ++this.row;
  }

  setInt(col: number, v: number | null): void {
    if (v === null || !Number.isFinite(v)) return this.setNull(col);
    (this.columns[col] as Int32Array | Int16Array)[this.row] = v;
  }

  /** A 64-bit column from a JS number (a non-negative safe integer, e.g. a process id or an offset). */
  setU64(col: number, v: number | null): void {
    if (v === null || !(v >= 0 && v <= Number.MAX_SAFE_INTEGER)) return this.setNull(col);
    const w = this.words[col]!;
    w[this.row * 2] = v >>> 0;
    w[this.row * 2 + 1] = Math.floor(v / 4294967296);
  }

  setBigInt(col: number, v: bigint | null): void {
    if (v === null) return this.setNull(col);
    const arr = this.columns[col] as BigInt64Array | BigUint64Array;
    if (arr instanceof BigUint64Array ? v < 0n || v > 0xffffffffffffffffn : v < NS_MIN || v > NS_MAX)
      return this.setNull(col);
    arr[this.row] = v;
  }

  /** FILETIME ticks → TIMESTAMP_NS; out of range (e.g. a zero header time) → NULL. */
  setTicks(col: number, ticks: bigint | null): void {
    this.setBigInt(col, ticks === null ? null : ticksToNs(ticks));
  }

  setBool(col: number, v: boolean): void {
    (this.columns[col] as Uint8Array)[this.row] = v ? 1 : 0;
  }

  setStr(col: number, s: string | null): void {
    if (s === null) return this.setNull(col);
    const arr = this.columns[col] as Uint32Array;
    const at = this.row * 4;
    // Consecutive records mostly share host, channel, provider…: the previous row's entry is
    // reused without hashing (the same string object when it comes from template text).
    const prev = this.lastRow[col]!;
    if (prev >= 0 && this.lastStr[col] === s) {
      const from = prev * 4;
      arr[at] = arr[from]!;
      arr[at + 1] = arr[from + 1]!;
      arr[at + 2] = arr[from + 2]!;
      arr[at + 3] = arr[from + 3]!;
      return;
    }
    this.writeEntry(arr, this.bytes[col]!, at, s);
    this.lastStr[col] = s;
    this.lastRow[col] = this.row;
  }

  /**
   * A JSON object from its keys' JSON text (`"Name":`, as text or UTF-8 bytes) and text leaves (or
   * lists of texts), laid out as UTF-8 straight into the heap: the bytes of JSON.stringify of the
   * same object. Where a text leaf needed no escape its bytes in the heap are its UTF-8 text, and
   * the row's other strings equal to it reuse them (`setListOfLeaves`, `textLeaf`).
   */
  setJsonObject(
    col: number,
    keyJson: readonly (string | Uint8Array)[],
    leaves: readonly (string | readonly string[])[],
  ): void {
    const count = keyJson.length;
    let worst = 2;
    for (let i = 0; i < count; i++) {
      const l = leaves[i]!;
      const k = keyJson[i]!;
      worst +=
        1 +
        (typeof k === 'string' ? k.length * 3 : k.length) +
        (typeof l === 'string' ? 2 + l.length * 6 : 2 + JSON.stringify(l).length * 3);
    }
    this.ensureHeap(worst);
    if (count > this.leafAt.length) {
      this.leafAt = new Int32Array(count * 2);
      this.leafLen = new Int32Array(count * 2);
    }
    const leafAt = this.leafAt;
    const heap = this.heap;
    const start = this.heapUsed;
    let p = start;
    heap[p++] = 0x7b;
    for (let i = 0; i < count; i++) {
      if (i > 0) heap[p++] = 0x2c;
      const k = keyJson[i]!;
      if (typeof k === 'string') p = this.rawText(k, p);
      else p = copyBytes(k, heap, p);
      const l = leaves[i]!;
      if (typeof l === 'string') {
        const from = p + 1;
        p = this.quoted(l, p);
        if (this.escaped) leafAt[i] = -1;
        else {
          leafAt[i] = from;
          this.leafLen[i] = p - 1 - from;
        }
      } else {
        p = this.rawText(JSON.stringify(l), p);
        leafAt[i] = -1;
      }
    }
    heap[p++] = 0x7d;
    const n = p - start;
    this.placeWritten(this.columns[col] as Uint32Array, this.bytes[col]!, this.row * 4, start, n);
    // An inline object leaves the heap free from `start`: its leaves are not kept there.
    this.leafCount = n <= INLINE_MAX ? 0 : count;
    this.leafRow = this.row;
  }

  /** The entry for `n` bytes just written at heap offset `start` (inline when short). */
  private placeWritten(arr: Uint32Array, bytes: Uint8Array, at: number, start: number, n: number): void {
    this.placeSpan(arr, bytes, at, start, n);
    if (n > INLINE_MAX) this.heapUsed = start + n;
  }

  /** The entry for the `n` heap bytes at `start` (inline when short, else pointing at them). */
  private placeSpan(arr: Uint32Array, bytes: Uint8Array, at: number, start: number, n: number): void {
    const heap = this.heap;
    arr[at] = n;
    if (n <= INLINE_MAX) {
      for (let i = 0; i < n; i++) bytes[at * 4 + 4 + i] = heap[start + i]!;
      return;
    }
    arr[at + 1] = heap[start]! | (heap[start + 1]! << 8) | (heap[start + 2]! << 16) | (heap[start + 3]! << 24);
    arr[at + 2] = start;
  }

  /** Heap offset of the UTF-8 text of leaf `i` of this row's JSON object, or -1 (escaped, a list, none). */
  private leafStart(i: number): number {
    return this.leafRow === this.row && i >= 0 && i < this.leafCount ? this.leafAt[i]! : -1;
  }

  /** Text already in JSON form, as UTF-8 at `p`; returns the end. */
  private rawText(s: string, p: number): number {
    const heap = this.heap;
    if (s.length > NATIVE_COPY && !NOT_PRINTABLE_ASCII.test(s)) return p + heap.write(s, p, 'latin1');
    const p0 = p;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) return p0 + heap.write(s, p0, 'utf8');
      heap[p++] = c;
    }
    return p;
  }

  /**
   * A well-formed string as a JSON string literal (JSON.stringify's escapes), UTF-8 at `p`;
   * `escaped` tells whether any character was escaped.
   */
  private quoted(s: string, p: number): number {
    const heap = this.heap;
    const p0 = p;
    this.escaped = false;
    heap[p++] = 0x22;
    if (s.length > NATIVE_COPY && !JSON_SLOW.test(s)) {
      p += heap.write(s, p, 'latin1');
      heap[p++] = 0x22;
      return p;
    }
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x20 && c < 0x80 && c !== 0x22 && c !== 0x5c) heap[p++] = c;
      else if (c >= 0x80) {
        const json = JSON.stringify(s);
        this.escaped = json.length !== s.length + 2;
        return p0 + heap.write(json, p0, 'utf8');
      } else {
        this.escaped = true;
        heap[p++] = 0x5c;
        const e = JSON_ESCAPES[c];
        if (e !== undefined) heap[p++] = e;
        else {
          heap[p++] = 0x75;
          heap[p++] = 0x30;
          heap[p++] = 0x30;
          heap[p++] = HEX_LOWER[c >> 4]!;
          heap[p++] = HEX_LOWER[c & 15]!;
        }
      }
    }
    heap[p++] = 0x22;
    return p;
  }

  /**
   * The list column's items for this row, where `leafOf[i]` names the leaf of this row's JSON
   * object whose text equals item i (or is -1): such items reuse the leaf's bytes in the heap.
   */
  setListOfLeaves(col: number, items: readonly string[], leafOf: readonly number[]): void {
    const entries = this.columns[col] as Uint32Array;
    this.reserveList(items.length);
    entries[this.row * 4] = this.listChildCount;
    entries[this.row * 4 + 2] = items.length;
    const child = this.listChild;
    for (let i = 0; i < items.length; i++) {
      const at = this.listChildCount++ * 4;
      const from = this.leafStart(leafOf[i]!);
      if (from >= 0) this.placeSpan(child, this.listChildBytes, at, from, this.leafLen[leafOf[i]!]!);
      else this.writeEntry(child, this.listChildBytes, at, items[i]!);
    }
  }

  private reserveList(items: number): void {
    const need = (this.listChildCount + items) * 4;
    if (need > this.listChild.length) {
      const grown = new Uint32Array(Math.max(need, this.listChild.length * 2));
      grown.set(this.listChild);
      this.listChild = grown;
      this.listChildBytes = new Uint8Array(grown.buffer);
    }
  }

  /** Start a string of this row written in pieces (`text…`), placed by `textEnd`. */
  textBegin(): void {
    this.textPos = this.heapUsed;
  }

  /** Position to come back to with `textRewind` (a piece left out). */
  textMark(): number {
    return this.textPos;
  }

  textRewind(mark: number): void {
    this.textPos = mark;
  }

  /** Append UTF-8 bytes. */
  textBytes(u: Uint8Array): void {
    this.textRoom(u.length);
    this.textPos = copyBytes(u, this.heap, this.textPos);
  }

  /** Append a string as UTF-8 (a lone surrogate as U+FFFD). */
  textString(s: string): void {
    this.textRoom(s.length * 3);
    const heap = this.heap;
    let p = this.textPos;
    if (s.length > NATIVE_COPY) p += heap.write(s, p, 'utf8');
    else
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x80) {
          p = this.textPos + heap.write(s, this.textPos, 'utf8');
          break;
        }
        heap[p++] = c;
      }
    this.textPos = p;
  }

  /** Append the text of leaf `i` of this row's JSON object; false when its bytes are not kept (escaped, a list). */
  textLeaf(i: number): boolean {
    const from = this.leafStart(i);
    if (from < 0) return false;
    const n = this.leafLen[i]!;
    this.textRoom(n);
    this.textPos = copyWithin(this.heap, this.textPos, from, n);
    return true;
  }

  /** Append item `i` of this row's list in column `col`. */
  textListItem(col: number, i: number): void {
    const entries = this.columns[col] as Uint32Array;
    const at = (entries[this.row * 4]! + i) * 4;
    const n = this.listChild[at]!;
    this.textRoom(n);
    if (n <= INLINE_MAX) {
      const heap = this.heap;
      const bytes = this.listChildBytes;
      let p = this.textPos;
      for (let k = 0; k < n; k++) heap[p++] = bytes[at * 4 + 4 + k]!;
      this.textPos = p;
    } else this.textPos = copyWithin(this.heap, this.textPos, this.listChild[at + 2]!, n);
  }

  /** Place the pieces written since `textBegin` as this row's value of column `col`. */
  textEnd(col: number): void {
    const start = this.heapUsed;
    this.placeWritten(this.columns[col] as Uint32Array, this.bytes[col]!, this.row * 4, start, this.textPos - start);
  }

  private textRoom(extra: number): void {
    if (this.textPos + extra > this.heap.length) this.growHeap(this.textPos + extra, this.textPos);
  }

  /** The list column's items for this row (never null: an empty list when there are none). */
  setList(col: number, items: readonly string[]): void {
    const entries = this.columns[col] as Uint32Array;
    this.reserveList(items.length);
    entries[this.row * 4] = this.listChildCount;
    entries[this.row * 4 + 2] = items.length;
    for (const s of items) this.writeEntry(this.listChild, this.listChildBytes, this.listChildCount++ * 4, s);
  }

  setNull(col: number): void {
    let v = this.validity[col];
    if (!v) {
      v = new Uint8Array(this.pool.take(BATCH_ROWS / 8)).fill(0xff);
      this.validity[col] = v;
    }
    v[this.row >> 3]! &= ~(1 << (this.row & 7));
  }

  /** The batch so far (its buffers change hands: post them with transfer) and a fresh builder state. */
  finish(): RowBatch {
    const batch: RowBatch = {
      rows: this.row + 1,
      kinds: this.kinds,
      columns: this.columns,
      validity: this.validity,
      listChild: this.listChild,
      listChildCount: this.listChildCount,
      heap: new Uint8Array(this.heap.buffer, this.heap.byteOffset, this.heap.length),
      heapUsed: this.heapUsed,
    };
    this.heap = Buffer.from(this.pool.take(Math.max(1 << 18, this.heap.length), false));
    this.listChild = new Uint32Array(this.pool.take(this.listChild.byteLength));
    this.listChildBytes = new Uint8Array(this.listChild.buffer);
    this.reset();
    return batch;
  }

  private reset(): void {
    this.columns = this.kinds.map((k) => allocColumn(k, this.pool));
    this.bytes = this.columns.map((c) => new Uint8Array(c.buffer));
    this.words = this.columns.map((c) => new Uint32Array(c.buffer));
    this.validity = this.kinds.map(() => null);
    this.listChildCount = 0;
    this.heapUsed = 0;
    this.dedupe.clear();
    this.seenCount = 0;
    this.row = -1;
    this.lastStr.fill(null);
    this.lastRow.fill(-1);
    this.leafRow = -1;
  }

  /** Write the string_t for `s` at `arr[at..at+3]` (`bytes` is the byte view of `arr`). */
  private writeEntry(arr: Uint32Array, bytes: Uint8Array, at: number, s: string): void {
    // Short strings repeat (host, channel, provider, insertion strings): look them up; long ones
    // (EventData JSON, messages) are mostly unique and cost more to hash than to copy.
    const short = s.length <= DEDUPE_MAX;
    const slot = short ? this.dedupe.get(s) : undefined;
    if (slot !== undefined) {
      const seen = this.seen;
      arr[at] = seen[slot * 3]!;
      arr[at + 1] = seen[slot * 3 + 1]!;
      arr[at + 2] = seen[slot * 3 + 2]!;
      return;
    }
    const inlineAt = at * 4 + 4;
    if (s.length <= INLINE_MAX && isAscii(s)) {
      arr[at] = s.length;
      for (let i = 0; i < s.length; i++) bytes[inlineAt + i] = s.charCodeAt(i);
      return;
    }
    this.ensureHeap(s.length * 3);
    const start = this.heapUsed;
    const heap = this.heap;
    const n = heap.write(s, start, 'utf8');
    arr[at] = n;
    if (n <= INLINE_MAX) {
      for (let i = 0; i < n; i++) bytes[inlineAt + i] = heap[start + i]!;
      return;
    }
    const prefix = heap[start]! | (heap[start + 1]! << 8) | (heap[start + 2]! << 16) | (heap[start + 3]! << 24);
    arr[at + 1] = prefix;
    arr[at + 2] = start;
    this.heapUsed += n;
    if (short) this.remember(s, n, prefix >>> 0, start);
  }

  private remember(s: string, n: number, prefix: number, start: number): void {
    if (this.seenCount * 3 + 3 > this.seen.length) {
      const grown = new Uint32Array(this.seen.length * 2);
      grown.set(this.seen);
      this.seen = grown;
    }
    const i = this.seenCount++;
    this.seen[i * 3] = n;
    this.seen[i * 3 + 1] = prefix;
    this.seen[i * 3 + 2] = start;
    this.dedupe.set(s, i);
  }

  private ensureHeap(extra: number): void {
    if (this.heapUsed + extra > this.heap.length) this.growHeap(this.heapUsed + extra, this.heapUsed);
  }

  /** A heap of at least `size` bytes keeping the first `keep`. */
  private growHeap(size: number, keep: number): void {
    const grown = Buffer.from(this.pool.take(pow2(Math.max(this.heap.length * 2, size)), false));
    this.heap.copy(grown, 0, 0, keep);
    this.heap = grown;
  }
}

function allocColumn(kind: ColKind, pool: BufferPool): ColumnData {
  switch (kind) {
    case ColKind.I16:
      return new Int16Array(pool.take(BATCH_ROWS * 2));
    case ColKind.I32:
      return new Int32Array(pool.take(BATCH_ROWS * 4));
    case ColKind.I64:
    case ColKind.TsNs:
      return new BigInt64Array(pool.take(BATCH_ROWS * 8));
    case ColKind.U64:
      return new BigUint64Array(pool.take(BATCH_ROWS * 8));
    case ColKind.Bool:
      return new Uint8Array(pool.take(BATCH_ROWS));
    case ColKind.Str:
    case ColKind.StrList:
      return new Uint32Array(pool.take(BATCH_ROWS * 16));
  }
}

function pow2(n: number): number {
  let p = 1 << 18;
  while (p < n) p *= 2;
  return p;
}

/** Copy `src` into `dst` at `p`; returns the end. */
function copyBytes(src: Uint8Array, dst: Uint8Array, p: number): number {
  const n = src.length;
  if (n > 12) dst.set(src, p);
  else for (let i = 0; i < n; i++) dst[p + i] = src[i]!;
  return p + n;
}

/** Copy `n` bytes of `b` from `from` to `p` (non-overlapping); returns the end. */
function copyWithin(b: Uint8Array, p: number, from: number, n: number): number {
  if (n > 12) b.copyWithin(p, from, from + n);
  else for (let i = 0; i < n; i++) b[p + i] = b[from + i]!;
  return p + n;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Buffers to list as `transferList` when posting a batch to another thread. */
export function batchTransferables(b: RowBatch): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const c of b.columns) out.add(c.buffer as ArrayBuffer);
  for (const v of b.validity) if (v) out.add(v.buffer as ArrayBuffer);
  out.add(b.listChild.buffer as ArrayBuffer);
  out.add(b.heap.buffer as ArrayBuffer);
  return [...out];
}
