/**
 * Compiled templates shared across chunks. Every chunk stores its own copy of each template
 * definition (MS-EVEN6 2.2.12 TemplateDefinition), so a log of many chunks re-defines the same
 * few templates over and over. A definition is reused when it is provably the same: same GUID,
 * same data size, same bytes except the chunk-relative name offsets, each name offset either
 * inline at the same relative position or resolving to a name with the same text, and the
 * element-header layout guesses (which peek at other chunk bytes) coming out the same.
 */
import { elementHeaderSize, readName } from './compile.js';
import type { ChunkContext } from './context.js';
import type { Template } from './nodes.js';

/** Template header: next offset u32, GUID 16 bytes, data size u32 (the key is GUID + size). */
const KEY_FROM = 4;
const KEY_TO = 24;
/** Entries and definition bytes kept per process before the cache starts over (bounds memory on odd inputs). */
const MAX_ENTRIES = 2048;
const MAX_BYTES = 8 << 20;
/** Candidates kept per GUID + size (variants of a template differing in inline names). */
const MAX_VARIANTS = 4;

/** What a template compile read besides its own bytes, with positions relative to the definition body. */
export class CompileTrace {
  /** Name-offset fields: relative position, inline flag (1/0), in order. */
  readonly fields: number[] = [];
  /** Texts of names stored outside the definition, in field order (null for inline ones). */
  readonly names: (string | null)[] = [];
  /** Element starts and the header size chosen for each (pairs). */
  readonly elements: number[] = [];

  constructor(private readonly body: number) {}

  nameRef(at: number, inline: boolean, text: string): void {
    this.fields.push(at - this.body, inline ? 1 : 0);
    this.names.push(inline ? null : text);
  }

  element(at: number, headerSize: number): void {
    this.elements.push(at - this.body, headerSize);
  }
}

export function newTrace(body: number): CompileTrace {
  return new CompileTrace(body);
}

interface Entry {
  bytes: Buffer;
  view: DataView;
  chunkLength: number;
  trace: CompileTrace;
  /** Compiled nodes are chunk-independent (names as text); the plan is shared once built. */
  first: Template;
}

const cache = new Map<string, Entry[]>();
let entries = 0;
let cachedBytes = 0;

function keyOf(ctx: ChunkContext, defOffset: number): string {
  return (ctx.b as Buffer).toString('latin1', defOffset + KEY_FROM, defOffset + KEY_TO);
}

/** Bytes of the body equal to the entry's, skipping name-offset fields and inline names' link fields. */
function sameBytes(ctx: ChunkContext, body: number, e: Entry): boolean {
  const f = e.trace.fields;
  const b = ctx.b;
  const v = ctx.view;
  const want = e.bytes;
  const wv = e.view;
  let from = 0;
  // Plain loops, four bytes per step: the segments between name fields are short, a native
  // compare per segment costs more.
  for (let i = 0; i <= f.length; i += 2) {
    const to = i < f.length ? f[i]! : want.length;
    let k = from;
    for (; k + 4 <= to; k += 4) if (v.getUint32(body + k, true) !== wv.getUint32(k, true)) return false;
    for (; k < to; k++) if (b[body + k] !== want[k]) return false;
    if (i < f.length) from = to + (f[i + 1] === 1 ? 8 : 4);
  }
  return true;
}

/** Name offsets resolve alike: inline where the entry's were, else to names of the same text. */
function sameNames(ctx: ChunkContext, body: number, e: Entry): boolean {
  const { fields, names } = e.trace;
  for (let i = 0, k = 0; i < fields.length; i += 2, k++) {
    const at = body + fields[i]!;
    const off = ctx.view.getUint32(at, true);
    const inline = off === at + 4;
    if (inline !== (fields[i + 1] === 1)) return false;
    if (!inline && readName(ctx, off).text !== names[k]) return false;
  }
  return true;
}

function sameLayout(ctx: ChunkContext, body: number, e: Entry): boolean {
  const el = e.trace.elements;
  const c = { pos: 0, end: body + e.bytes.length };
  for (let i = 0; i < el.length; i += 2) {
    c.pos = body + el[i]!;
    if (elementHeaderSize(ctx, c, true) !== el[i + 1]) return false;
  }
  return true;
}

function matches(ctx: ChunkContext, body: number, e: Entry): boolean {
  if (e.chunkLength !== ctx.b.length || !sameBytes(ctx, body, e) || !sameLayout(ctx, body, e)) return false;
  try {
    return sameNames(ctx, body, e);
  } catch {
    return false; // a damaged name: compile it normally, which reports it
  }
}

/** A template compiled from an identical definition of an earlier chunk, or null. */
export function cachedTemplate(ctx: ChunkContext, defOffset: number, size: number): Template | null {
  const list = cache.get(keyOf(ctx, defOffset));
  if (list === undefined) return null;
  const body = defOffset + KEY_TO;
  for (const e of list) {
    if (e.bytes.length === size && matches(ctx, body, e))
      return { offset: defOffset, nodes: e.first.nodes, plan: e.first.plan };
  }
  return null;
}

/** Remember a successful compile for later chunks. */
export function storeTemplate(
  ctx: ChunkContext,
  defOffset: number,
  size: number,
  trace: CompileTrace,
  tpl: Template,
): void {
  if (entries >= MAX_ENTRIES || cachedBytes + size > MAX_BYTES) {
    cache.clear();
    entries = 0;
    cachedBytes = 0;
  }
  const key = keyOf(ctx, defOffset);
  const body = defOffset + KEY_TO;
  const bytes = Buffer.from(ctx.b.subarray(body, body + size));
  const entry: Entry = {
    bytes,
    view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    chunkLength: ctx.b.length,
    trace,
    first: tpl,
  };
  const list = cache.get(key);
  if (list === undefined) cache.set(key, [entry]);
  else {
    if (list.length >= MAX_VARIANTS) list.shift();
    list.push(entry);
  }
  entries++;
  cachedBytes += size;
}
