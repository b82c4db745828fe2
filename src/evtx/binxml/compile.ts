/**
 * BinXml element streams → template nodes (MS-EVEN6 2.2.12 grammar; libevtx "Binary XML").
 * Runs once per template per chunk; records then only read their substitution values.
 */
import { escapeXml, utf16At } from '../text.js';
import { MORE_FLAG, Token } from '../types.js';
import { BinXmlError } from '../errors.js';
import type { ChunkContext, NameEntry } from './context.js';
import { NodeKind } from './nodes.js';
import type { TAttr, TElement, TNode, TPart, Template } from './nodes.js';
import { cachedTemplate, newTrace, storeTemplate } from './template-cache.js';
import type { CompileTrace } from './template-cache.js';

/** Element nesting cap (real events nest < 10 deep). */
export const MAX_ELEMENT_DEPTH = 64;
/**
 * Longest element/attribute name accepted. Names are identifiers (the corpus's longest is 35
 * chars); a damaged name offset landing in other data reads a u16 count of up to 65,535 chars,
 * and a template repeating that name multiplies a 3 KB record into megabytes of output.
 */
export const MAX_NAME_CHARS = 1024;
/** Template definition header: next offset u32, GUID 16 bytes, data size u32. */
export const TEMPLATE_HEADER_SIZE = 24;

interface Cursor {
  pos: number;
  end: number;
  /** Records the chunk-dependent reads of a template compile (template-cache.ts). */
  trace: CompileTrace | null;
}

function fail(msg: string, at: number): never {
  throw new BinXmlError(msg, at);
}

function need(ctx: ChunkContext, c: Cursor, size: number, what: string): void {
  if (c.pos + size > c.end || c.pos + size > ctx.b.length) {
    fail(`${what} truncated (need ${size}, have ${Math.max(0, Math.min(c.end, ctx.b.length) - c.pos)})`, c.pos);
  }
}

/**
 * Name structure at `off` (next u32, hash u16, char count u16, UTF-16, NUL). Names are stored
 * once per chunk; cached by offset.
 */
export function readName(ctx: ChunkContext, off: number): NameEntry {
  const hit = ctx.names.get(off);
  if (hit !== undefined) return hit;
  if (off < 0 || off + 8 > ctx.b.length) fail(`name offset 0x${off.toString(16)} outside the chunk`, off);
  const chars = ctx.view.getUint16(off + 6, true);
  if (off + 8 + chars * 2 > ctx.b.length)
    fail(`name at 0x${off.toString(16)} runs past the chunk (${chars} chars)`, off);
  if (chars === 0 || chars > MAX_NAME_CHARS)
    fail(`name at 0x${off.toString(16)} has ${chars} chars (expected 1–${MAX_NAME_CHARS})`, off);
  const bad = badNameChar(ctx.b, off + 8, chars);
  if (bad >= 0)
    fail(
      `name at 0x${off.toString(16)} holds U+${bad.toString(16).toUpperCase().padStart(4, '0')}, not allowed in an XML name`,
      off,
    );
  const text = utf16At(ctx.b, off + 8, chars);
  const entry = { text, esc: escapeXml(text) };
  ctx.names.set(off, entry);
  return entry;
}

/**
 * First code unit that cannot be part of an XML name (controls, space, `"&'/<=>`, U+FFFE/FFFF,
 * unpaired surrogates), or -1. Names read from damaged offsets hit one of these almost at once.
 */
function badNameChar(b: Uint8Array, at: number, chars: number): number {
  for (let i = 0; i < chars; i++) {
    const c = b[at + i * 2]! | (b[at + i * 2 + 1]! << 8);
    if (
      c <= 0x20 ||
      c === 0x22 ||
      c === 0x26 ||
      c === 0x27 ||
      c === 0x2f ||
      c === 0x3c ||
      c === 0x3d ||
      c === 0x3e ||
      c >= 0xfffe
    )
      return c;
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < chars ? b[at + i * 2 + 2]! | (b[at + i * 2 + 3]! << 8) : 0;
      if (c > 0xdbff || next < 0xdc00 || next > 0xdfff) return c;
      i++;
    }
  }
  return -1;
}

/** Read a name reference (u32) at the cursor; skip the name when it is stored inline right there. */
function nameRef(ctx: ChunkContext, c: Cursor, what: string): NameEntry {
  need(ctx, c, 4, what);
  const off = ctx.view.getUint32(c.pos, true);
  c.pos += 4;
  const name = readName(ctx, off);
  if (c.trace !== null) c.trace.nameRef(c.pos - 4, off === c.pos, name.text);
  if (off === c.pos) {
    const chars = ctx.view.getUint16(off + 6, true);
    c.pos += 8 + chars * 2 + 2;
    if (c.pos > c.end) fail(`${what}: inline name runs past the data`, off);
  }
  return name;
}

function nameLooksValid(ctx: ChunkContext, off: number, at: number): boolean {
  if (off < 512 || off + 8 > ctx.b.length) return false;
  if (off === at) return true;
  if (off > at) return false;
  const chars = ctx.view.getUint16(off + 6, true);
  return off + 8 + chars * 2 + 2 <= ctx.b.length;
}

/**
 * Element start header: token, [dependency id u16], data size u32, name offset u32.
 * Elements inside templates carry the dependency id; template-less streams and nested
 * BinXml values do not (MSExchange_Management_wec.evtx). Both layouts are tried; an inline
 * name (offset pointing right after the header) decides.
 */
export function elementHeaderSize(ctx: ChunkContext, c: { pos: number; end: number }, preferDep: boolean): number {
  const p = c.pos;
  const withDep = p + 11 <= c.end ? ctx.view.getUint32(p + 7, true) : -1;
  const noDep = p + 9 <= c.end ? ctx.view.getUint32(p + 5, true) : -1;
  if (withDep === p + 11) return 7;
  if (noDep === p + 9) return 5;
  const depOk = withDep >= 0 && nameLooksValid(ctx, withDep, p + 11);
  const noDepOk = noDep >= 0 && nameLooksValid(ctx, noDep, p + 9);
  if (preferDep ? depOk || !noDepOk : !noDepOk && depOk) return 7;
  return 5;
}

function readElement(ctx: ChunkContext, c: Cursor, depth: number, preferDep: boolean): TElement {
  if (depth > MAX_ELEMENT_DEPTH) fail(`elements nested deeper than ${MAX_ELEMENT_DEPTH}`, c.pos);
  const start = c.pos;
  const token = ctx.b[c.pos]!;
  const headerSize = elementHeaderSize(ctx, c, preferDep);
  if (c.trace !== null) c.trace.element(start, headerSize);
  need(ctx, c, headerSize + 4, 'element header');
  c.pos += headerSize;
  const name = nameRef(ctx, c, 'element name');
  const attrs: TAttr[] = [];
  if (token & MORE_FLAG) {
    need(ctx, c, 4, 'attribute list size');
    c.pos += 4;
    while (c.pos < c.end && (ctx.b[c.pos]! & ~MORE_FLAG) === Token.Attribute) {
      c.pos += 1;
      const attrName = nameRef(ctx, c, 'attribute name');
      attrs.push({ name: attrName, parts: readParts(ctx, c) });
    }
  }
  need(ctx, c, 1, 'element close token');
  const close = ctx.b[c.pos]!;
  c.pos += 1;
  if (close === Token.CloseEmptyElement) return { k: NodeKind.Element, name, attrs, children: [] };
  if (close !== Token.CloseStartElement) {
    fail(
      `element <${name.text}> at 0x${start.toString(16)}: expected close token, found 0x${close.toString(16)}`,
      c.pos - 1,
    );
  }
  const children = readContent(ctx, c, depth, preferDep);
  return { k: NodeKind.Element, name, attrs, children };
}

/** Attribute value: value text, substitutions, char and entity refs. */
function readParts(ctx: ChunkContext, c: Cursor): TPart[] {
  const parts: TPart[] = [];
  while (c.pos < c.end) {
    const t = ctx.b[c.pos]! & ~MORE_FLAG;
    if (t === Token.Value) parts.push({ k: NodeKind.Text, text: readValueText(ctx, c) });
    else if (t === Token.NormalSubstitution || t === Token.OptionalSubstitution) parts.push(readSub(ctx, c));
    else if (t === Token.CharRef) parts.push(readCharRef(ctx, c));
    else if (t === Token.EntityRef) parts.push(readEntityRef(ctx, c));
    else break;
  }
  return parts;
}

function readValueText(ctx: ChunkContext, c: Cursor): string {
  need(ctx, c, 4, 'value text');
  const type = ctx.b[c.pos + 1]!;
  if (type !== 0x01) fail(`value token with type 0x${type.toString(16)} (only 0x01 string is defined)`, c.pos);
  const chars = ctx.view.getUint16(c.pos + 2, true);
  c.pos += 4;
  need(ctx, c, chars * 2, 'value text');
  const s = utf16At(ctx.b, c.pos, chars);
  c.pos += chars * 2;
  return s;
}

function readSub(ctx: ChunkContext, c: Cursor): TPart {
  need(ctx, c, 4, 'substitution');
  const optional = ctx.b[c.pos] === Token.OptionalSubstitution;
  const slot = ctx.view.getUint16(c.pos + 1, true);
  const type = ctx.b[c.pos + 3]!;
  c.pos += 4;
  return { k: NodeKind.Sub, slot, optional, type };
}

function readCharRef(ctx: ChunkContext, c: Cursor): TPart {
  need(ctx, c, 3, 'character reference');
  const code = ctx.view.getUint16(c.pos + 1, true);
  c.pos += 3;
  return { k: NodeKind.Ref, name: `#${code}` };
}

function readEntityRef(ctx: ChunkContext, c: Cursor): TPart {
  c.pos += 1;
  return { k: NodeKind.Ref, name: nameRef(ctx, c, 'entity reference').text };
}

function readContent(ctx: ChunkContext, c: Cursor, depth: number, preferDep: boolean): TNode[] {
  const out: TNode[] = [];
  for (;;) {
    need(ctx, c, 1, 'element content');
    const raw = ctx.b[c.pos]!;
    const t = raw & ~MORE_FLAG;
    switch (t) {
      case Token.EndElement:
        c.pos += 1;
        return out;
      case Token.OpenStartElement:
        out.push(readElement(ctx, c, depth + 1, preferDep));
        break;
      case Token.Value:
        out.push({ k: NodeKind.Text, text: readValueText(ctx, c) });
        break;
      case Token.NormalSubstitution:
      case Token.OptionalSubstitution:
        out.push(readSub(ctx, c));
        break;
      case Token.CharRef:
        out.push(readCharRef(ctx, c));
        break;
      case Token.EntityRef:
        out.push(readEntityRef(ctx, c));
        break;
      case Token.CDataSection: {
        need(ctx, c, 3, 'CDATA');
        const chars = ctx.view.getUint16(c.pos + 1, true);
        c.pos += 3;
        need(ctx, c, chars * 2, 'CDATA');
        out.push({ k: NodeKind.CData, text: utf16At(ctx.b, c.pos, chars) });
        c.pos += chars * 2;
        break;
      }
      case Token.PITarget:
        out.push(readPI(ctx, c));
        break;
      default:
        fail(`unexpected token 0x${raw.toString(16)} in element content`, c.pos);
    }
  }
}

function readPI(ctx: ChunkContext, c: Cursor): TNode {
  c.pos += 1;
  const target = nameRef(ctx, c, 'PI target');
  let data = '';
  if (c.pos < c.end && ctx.b[c.pos] === Token.PIData) {
    need(ctx, c, 3, 'PI data');
    const chars = ctx.view.getUint16(c.pos + 1, true);
    c.pos += 3;
    need(ctx, c, chars * 2, 'PI data');
    data = utf16At(ctx.b, c.pos, chars);
    c.pos += chars * 2;
  }
  return { k: NodeKind.PI, target, data };
}

/**
 * Compile a fragment body (fragment headers, elements, PIs, up to EOF) at [pos, end).
 * `preferDep`: elements carry a dependency id (true inside template definitions).
 */
export function compileStream(
  ctx: ChunkContext,
  pos: number,
  end: number,
  preferDep: boolean,
  trace: CompileTrace | null = null,
): { nodes: TNode[]; end: number } {
  const c: Cursor = { pos, end: Math.min(end, ctx.b.length), trace };
  const nodes: TNode[] = [];
  while (c.pos < c.end) {
    const t = ctx.b[c.pos]!;
    if (t === Token.EOF) {
      c.pos += 1;
      break;
    }
    if (t === Token.FragmentHeader) {
      need(ctx, c, 4, 'fragment header');
      c.pos += 4;
    } else if ((t & ~MORE_FLAG) === Token.OpenStartElement) {
      nodes.push(readElement(ctx, c, 0, preferDep));
    } else if (t === Token.PITarget) {
      nodes.push(readPI(ctx, c));
    } else {
      fail(`unexpected token 0x${t.toString(16)} at fragment level`, c.pos);
    }
  }
  if (nodes.length === 0) fail('fragment holds no element', pos);
  return { nodes, end: c.pos };
}

/**
 * The template defined at `defOffset` (next u32, GUID, data size u32, fragment), compiled once
 * per chunk, or taken from an identical definition of an earlier chunk (template-cache.ts).
 * Throws BinXmlError when the definition is damaged (cached as such).
 */
export function getTemplate(ctx: ChunkContext, defOffset: number): Template {
  const hit = ctx.templates.get(defOffset);
  if (hit !== undefined) {
    if (typeof hit === 'string') fail(hit, defOffset);
    return hit;
  }
  try {
    if (defOffset < 512 || defOffset + TEMPLATE_HEADER_SIZE > ctx.b.length) {
      fail(`template definition offset 0x${defOffset.toString(16)} outside the chunk`, defOffset);
    }
    const size = ctx.view.getUint32(defOffset + 20, true);
    const body = defOffset + TEMPLATE_HEADER_SIZE;
    if (body + size > ctx.b.length)
      fail(`template at 0x${defOffset.toString(16)}: data size ${size} runs past the chunk`, defOffset);
    const reused = cachedTemplate(ctx, defOffset, size);
    if (reused !== null) {
      ctx.templates.set(defOffset, reused);
      return reused;
    }
    const trace = newTrace(body);
    const { nodes } = compileStream(ctx, body, body + size, true, trace);
    const tpl: Template = { offset: defOffset, nodes, plan: null };
    storeTemplate(ctx, defOffset, size, trace, tpl);
    ctx.templates.set(defOffset, tpl);
    return tpl;
  } catch (e) {
    const msg = e instanceof BinXmlError ? `template at 0x${defOffset.toString(16)}: ${e.message}` : String(e);
    ctx.templates.set(defOffset, msg);
    throw new BinXmlError(msg, defOffset);
  }
}
