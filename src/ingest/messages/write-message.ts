/**
 * A planned record's message (./render.ts templates) written straight into a row batch as UTF-8:
 * template text as prepared bytes, insertion strings and named values copied from the bytes the
 * row already holds (its params list and its `data` leaves). The same text `renderMessage` gives
 * for the record: every piece is well-formed, so the UTF-8 of the whole is that of its pieces.
 */
import type { FlatEvent } from '../../evtx/index.js';
import type { RowBatchBuilder } from '../../store/row-batch.js';
import { endpointIndex, lookup, type Part } from './render.js';

/** Write the message of `f` as column `col` (NULL when the catalogue has none); `paramsCol` holds its insertion strings. */
export function writeFlatMessage(b: RowBatchBuilder, col: number, paramsCol: number, f: FlatEvent): void {
  const t = lookup(f.provider, f.eventSourceName, f.eventId);
  if (t === undefined) return b.setNull(col);
  b.textBegin();
  let keys: Map<string, number> | null = null;
  if (f.keySource !== null) {
    keys = keyIndex.get(f.keySource) ?? null;
    if (keys === null) keyIndex.set(f.keySource, (keys = new Map()));
  }
  const ctx: Ctx = { b, f, paramsCol, endpoint: -2, keys };
  fill(t.parts, ctx, false);
  b.textEnd(col);
}

interface Ctx {
  b: RowBatchBuilder;
  f: FlatEvent;
  paramsCol: number;
  /** Index of the endpoint insertion string: -2 not looked for yet, -1 none. */
  endpoint: number;
  /** Key indexes by name for records of this one's key source, or null. */
  keys: Map<string, number> | null;
}

/** Per key source (FlatEvent.keySource): key indexes by name, filled as templates ask for names. */
const keyIndex = new WeakMap<object, Map<string, number>>();

/** Write the parts; in an optional part (`strict`) a missing value takes back the whole part (false). */
function fill(parts: readonly Part[], ctx: Ctx, strict: boolean): boolean {
  const b = ctx.b;
  const mark = strict ? b.textMark() : 0;
  for (const p of parts) {
    if (p.kind === 'text') b.textBytes(p.bytes);
    else if (p.kind === 'opt') fill(p.parts, ctx, true);
    else if (!(p.kind === 'pos' ? item(ctx, p.n - 1) : named(ctx, p.name)) && strict) {
      b.textRewind(mark);
      return false;
    }
  }
  return true;
}

/** Insertion string `i`; false when there is none. */
function item(ctx: Ctx, i: number): boolean {
  if (i >= ctx.f.values.length) return false;
  ctx.b.textListItem(ctx.paramsCol, i);
  return true;
}

/** A named value: the endpoint, or a `data` leaf by its key; false when there is none. */
function named(ctx: Ctx, name: string): boolean {
  const f = ctx.f;
  if (name === '@endpoint') {
    if (ctx.endpoint === -2) ctx.endpoint = endpointIndex(f.values);
    return ctx.endpoint >= 0 && item(ctx, ctx.endpoint);
  }
  if (!f.hasData) return false;
  let i: number;
  if (ctx.keys === null) i = f.keys.indexOf(name);
  else {
    const known = ctx.keys.get(name);
    if (known === undefined) ctx.keys.set(name, (i = f.keys.indexOf(name)));
    else i = known;
  }
  if (i < 0) return false;
  if (ctx.b.textLeaf(i)) return true;
  const v = f.leaves[i]!;
  ctx.b.textString(typeof v === 'string' ? v : JSON.stringify(v));
  return true;
}
