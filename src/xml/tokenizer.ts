/**
 * A small, safe XML pull tokenizer (XML 1.0 syntax, no DTD). Input arrives as one string or in
 * chunks (`push` … `end`); `next()` returns the next event, or null when it needs more input
 * (`finished` false) or the input is exhausted (`finished` true).
 *
 * Safety: any `<!DOCTYPE`, `<!ENTITY`, `<!ELEMENT`, `<!ATTLIST`, `<!NOTATION` is refused, and only
 * the five predefined entities and character references are decoded (src/xml/entities.ts), so
 * no input can expand. Depth, attribute count, token length and input size are capped.
 *
 * Leniency, for event exports: several root elements in sequence are accepted unless
 * `singleRoot`; `<?xml …?>` may appear before each of them (concatenated exports).
 */
import { decodeReferences } from './entities.js';
import { Ch, isAllSpace, isNameChar, isNameStart, isSpace } from './chars.js';
import { XmlError } from './errors.js';
import { LineCursor } from './line-cursor.js';
import { XML_DEFAULTS, type XmlAttributes, type XmlEvent, type XmlOptions } from './types.js';

/** Thrown inside a token parse when the buffer ends before the token does (streaming). */
const INCOMPLETE = Symbol('incomplete');

const REFUSED_DECLS = ['DOCTYPE', 'ENTITY', 'ELEMENT', 'ATTLIST', 'NOTATION'];

export class XmlTokenizer {
  private readonly opts: Required<XmlOptions>;
  private buf = '';
  /** Absolute offset of buf[0]. */
  private base = 0;
  /** Position in buf of the next token. */
  private pos = 0;
  private ended = false;
  private total = 0;
  private readonly stack: { name: string; offset: number }[] = [];
  private roots = 0;
  private pendingClose: XmlEvent | null = null;
  private readonly lines = new LineCursor();
  private done = false;
  /** Where the search for the end of an incomplete token at `hintStart` resumes (streaming). */
  private hintStart = -1;
  private hintFrom = 0;
  /** While a token waits for its terminator: chunks held back unjoined until one contains it. */
  private waitNeedle: string | null = null;
  private waitTail = '';
  private held: string[] = [];
  private heldChars = 0;

  constructor(options: XmlOptions = {}) {
    this.opts = { ...XML_DEFAULTS, ...options };
  }

  /** True once `end()` was called and every event has been returned. */
  get finished(): boolean {
    return this.done;
  }

  /** Current element nesting (0 between root elements). */
  get depth(): number {
    return this.stack.length;
  }

  /** Append input. Consumed input is dropped, so memory stays bounded by the largest token. */
  push(chunk: string): void {
    if (this.ended) throw new Error('XmlTokenizer.push after end()');
    this.total += chunk.length;
    if (this.total > this.opts.maxInputChars)
      this.fail(`input larger than ${this.opts.maxInputChars} characters`, this.base + this.buf.length);
    if (this.waitNeedle !== null) {
      // Joining every chunk to a growing string copies it each time; hold chunks until the
      // terminator of the waiting token arrives (a 50 MB comment would otherwise cost O(n²)).
      const probe = this.waitTail + chunk;
      if (!probe.includes(this.waitNeedle)) {
        this.held.push(chunk);
        this.heldChars += chunk.length;
        this.waitTail = probe.slice(probe.length - this.waitNeedle.length + 1);
        return;
      }
      chunk = this.releaseHeld() + chunk;
    }
    if (this.pos > 0 && (this.pos >= 1 << 20 || this.pos * 2 >= this.buf.length)) {
      this.lines.rebase(this.buf, this.base, this.base + this.pos);
      this.buf = this.buf.slice(this.pos) + chunk;
      if (this.hintStart >= 0) {
        this.hintStart -= this.pos;
        this.hintFrom -= this.pos;
      }
      this.base += this.pos;
      this.pos = 0;
    } else {
      this.buf += chunk;
    }
  }

  /** No more input: unterminated tokens and unclosed elements become errors. */
  end(): void {
    if (this.waitNeedle !== null) this.buf += this.releaseHeld();
    this.ended = true;
  }

  private releaseHeld(): string {
    const s = this.held.join('');
    this.held = [];
    this.heldChars = 0;
    this.waitNeedle = null;
    return s;
  }

  /** 1-based line and column of an absolute offset still in (or just consumed from) the buffer. */
  locate(offset: number): { line: number; column: number } {
    return this.lines.locate(this.buf, this.base, offset);
  }

  /** The next event; null = needs more input (`finished` false) or done (`finished` true). */
  next(): XmlEvent | null {
    if (this.pendingClose) {
      const ev = this.pendingClose;
      this.pendingClose = null;
      return ev;
    }
    if (this.waitNeedle !== null) {
      if (this.buf.length - this.pos + this.heldChars > this.opts.maxTokenChars)
        this.fail(`token longer than ${this.opts.maxTokenChars} characters`, this.base + this.pos);
      return null;
    }
    for (;;) {
      if (this.pos >= this.buf.length) return this.atEnd();
      const start = this.pos;
      try {
        const ev = this.buf.charCodeAt(start) === Ch.Lt ? this.markup(start) : this.text(start);
        if (ev !== null) return ev;
      } catch (e) {
        if (e !== INCOMPLETE) throw e;
        this.pos = start;
        if (this.buf.length - start > this.opts.maxTokenChars)
          this.fail(`token longer than ${this.opts.maxTokenChars} characters`, this.base + start);
        return null;
      }
    }
  }

  private atEnd(): null {
    if (!this.ended) return null;
    const open = this.stack[this.stack.length - 1];
    if (open) {
      const at = this.locate(open.offset);
      this.fail(`unexpected end of input: <${open.name}> (line ${at.line}) is not closed`, this.base + this.buf.length);
    }
    if (this.roots === 0 && !this.done) this.fail('no root element', this.base + this.buf.length);
    this.done = true;
    return null;
  }

  private text(start: number): XmlEvent | null {
    const buf = this.buf;
    let lt = this.find('<', start, start);
    if (lt < 0) {
      if (!this.ended) throw INCOMPLETE;
      lt = buf.length;
    }
    this.pos = lt;
    const offset = this.base + start;
    if (this.stack.length === 0) {
      for (let i = start; i < lt; i++) {
        const c = buf.charCodeAt(i);
        if (isSpace(c) || (c === Ch.Bom && this.base + i === 0)) continue;
        this.fail('text outside the root element', this.base + i);
      }
      return null;
    }
    let raw = buf.slice(start, lt);
    if (this.opts.skipWhitespace && isAllSpace(raw)) return null;
    if (raw.includes('\r')) raw = raw.replace(/\r\n?/g, '\n');
    if (raw.includes('&')) raw = decodeReferences(raw, (reason, i) => this.fail(reason, offset + i));
    return { kind: 'text', text: raw, cdata: false, offset };
  }

  private markup(start: number): XmlEvent | null {
    const c = this.charAt(start + 1);
    if (c === Ch.Slash) return this.closeTag(start);
    if (c === Ch.Question) return this.pi(start);
    if (c === Ch.Bang) return this.bang(start);
    return this.openTag(start);
  }

  private openTag(start: number): XmlEvent {
    const offset = this.base + start;
    let p = start + 1;
    const name = this.name(p, 'element name');
    p += name.length;
    const attrs: XmlAttributes = {};
    let count = 0;
    for (;;) {
      const spaced = isSpace(this.charAt(p));
      p = this.skipSpace(p);
      const c = this.charAt(p);
      if (c === Ch.Gt || (c === Ch.Slash && this.charAt(p + 1) === Ch.Gt)) {
        const selfClosing = c === Ch.Slash;
        this.pos = p + (selfClosing ? 2 : 1);
        return this.opened(name, attrs, selfClosing, offset);
      }
      if (!spaced) this.fail(`expected whitespace, ">" or "/>" in <${name}>`, this.base + p);
      const attr = this.name(p, 'attribute name', name);
      p = this.skipSpace(p + attr.length);
      if (this.charAt(p) !== Ch.Eq) this.fail(`expected "=" after attribute "${attr}" in <${name}>`, this.base + p);
      p = this.skipSpace(p + 1);
      const q = this.charAt(p);
      if (q !== Ch.Quot && q !== Ch.Apos) this.fail(`attribute "${attr}" value must be quoted`, this.base + p);
      const close = this.buf.indexOf(q === Ch.Quot ? '"' : "'", p + 1);
      if (close < 0) this.incompleteOr(`unterminated value of attribute "${attr}"`, p);
      if (Object.hasOwn(attrs, attr)) this.fail(`duplicate attribute "${attr}" in <${name}>`, this.base + p);
      if (++count > this.opts.maxAttributes)
        this.fail(`more than ${this.opts.maxAttributes} attributes in <${name}>`, this.base + p);
      attrs[attr] = this.attrValue(p + 1, close);
      p = close + 1;
    }
  }

  private opened(name: string, attrs: XmlAttributes, selfClosing: boolean, offset: number): XmlEvent {
    const depth = this.stack.length;
    if (depth === 0 && ++this.roots > 1 && this.opts.singleRoot) this.fail(`a second root element <${name}>`, offset);
    if (selfClosing) {
      this.pendingClose = { kind: 'close', name, depth, offset };
    } else {
      if (depth >= this.opts.maxDepth) this.fail(`elements nested deeper than ${this.opts.maxDepth}`, offset);
      this.stack.push({ name, offset });
    }
    return { kind: 'open', name, attrs, selfClosing, depth, offset };
  }

  private attrValue(from: number, to: number): string {
    let v = this.buf.slice(from, to);
    if (v.includes('<')) this.fail('"<" in an attribute value', this.base + from + v.indexOf('<'));
    // Attribute-value normalisation (XML 1.0 §3.3.3): literal white space becomes a space.
    if (/[\t\n\r]/.test(v)) v = v.replace(/\r\n|[\t\n\r]/g, ' ');
    if (v.includes('&')) v = decodeReferences(v, (reason, i) => this.fail(reason, this.base + from + i));
    return v;
  }

  private closeTag(start: number): XmlEvent {
    const offset = this.base + start;
    const name = this.name(start + 2, 'end-tag name');
    const p = this.skipSpace(start + 2 + name.length);
    if (this.charAt(p) !== Ch.Gt) this.fail(`expected ">" to end </${name}`, this.base + p);
    this.pos = p + 1;
    const open = this.stack.pop();
    if (!open) this.fail(`end tag </${name}> without a start tag`, offset);
    if (open.name !== name) {
      const at = this.locate(open.offset);
      this.fail(`mismatched end tag </${name}>: expected </${open.name}> (opened at line ${at.line})`, offset);
    }
    return { kind: 'close', name, depth: this.stack.length, offset };
  }

  private pi(start: number): XmlEvent {
    const offset = this.base + start;
    const target = this.name(start + 2, 'processing-instruction target');
    const end = this.buf.indexOf('?>', start + 2 + target.length);
    if (end < 0) this.incompleteOr(`unterminated processing instruction <?${target}`, start);
    const data = this.buf.slice(start + 2 + target.length, end);
    if (data !== '' && !isSpace(data.charCodeAt(0))) this.fail(`malformed processing instruction <?${target}`, offset);
    this.pos = end + 2;
    return { kind: 'pi', target, data: data.trim(), offset };
  }

  private bang(start: number): XmlEvent | null {
    const offset = this.base + start;
    const buf = this.buf;
    if (buf.startsWith('<!--', start)) {
      const end = this.find('-->', start, start + 4);
      if (end < 0) this.incompleteOr('unterminated comment', start);
      const text = buf.slice(start + 4, end);
      if (text.includes('--')) this.fail('"--" inside a comment', offset + 4 + text.indexOf('--'));
      this.pos = end + 3;
      return this.opts.comments ? { kind: 'comment', text, offset } : null;
    }
    if (buf.startsWith('<![CDATA[', start)) {
      const end = this.find(']]>', start, start + 9);
      if (end < 0) this.incompleteOr('unterminated CDATA section', start);
      if (this.stack.length === 0) this.fail('CDATA section outside the root element', offset);
      this.pos = end + 3;
      let text = buf.slice(start + 9, end);
      if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
      return { kind: 'text', text, cdata: true, offset };
    }
    if (buf.length - start < 11 && !this.ended) throw INCOMPLETE;
    const word = /^<!([A-Za-z]*)/.exec(buf.slice(start, start + 11))?.[1]?.toUpperCase() ?? '';
    if (REFUSED_DECLS.includes(word)) {
      this.fail(`<!${word}> refused: DTDs and entity declarations are not supported (no entity expansion)`, offset);
    }
    this.fail('malformed markup: expected "<!--" or "<![CDATA["', offset);
  }

  /** A name at `p`; the whole name must be in the buffer (or the input ended). */
  private name(p: number, what: string, inElement?: string): string {
    if (!isNameStart(this.charAt(p)))
      this.fail(`expected ${what}${inElement ? ` in <${inElement}>` : ''}`, this.base + p);
    let e = p + 1;
    while (e < this.buf.length && isNameChar(this.buf.charCodeAt(e))) e++;
    if (e >= this.buf.length && !this.ended) throw INCOMPLETE;
    return this.buf.slice(p, e);
  }

  /**
   * indexOf(needle) for the token starting at `start`: a search that ran off the end of the
   * buffer resumes where it stopped when more input arrives, so a long token split over many
   * chunks is scanned once.
   */
  private find(needle: string, start: number, from: number): number {
    const at = this.buf.indexOf(needle, this.hintStart === start ? Math.max(from, this.hintFrom) : from);
    if (at < 0 && !this.ended) {
      this.hintStart = start;
      this.hintFrom = Math.max(from, this.buf.length - needle.length + 1);
      this.waitNeedle = needle;
      this.waitTail = this.buf.slice(Math.max(from, this.buf.length - needle.length + 1));
    }
    return at;
  }

  private skipSpace(p: number): number {
    while (p < this.buf.length && isSpace(this.buf.charCodeAt(p))) p++;
    return p;
  }

  /** Char code at buffer position `p`; past the end: INCOMPLETE while streaming, else -1. */
  private charAt(p: number): number {
    if (p < this.buf.length) return this.buf.charCodeAt(p);
    if (!this.ended) throw INCOMPLETE;
    return -1;
  }

  private incompleteOr(reason: string, at: number): never {
    if (!this.ended) throw INCOMPLETE;
    this.fail(reason, this.base + at);
  }

  private fail(reason: string, offset: number): never {
    const at = this.locate(offset);
    throw new XmlError(reason, offset, at.line, at.column);
  }
}
