/**
 * Safe XML: pull tokenizer, incremental element trees, byte decoding. No DTD, no entity expansion.
 *
 *   for (const ev of xmlEvents(text)) …                                 // events of a whole string
 *   for (const el of xmlElements(text, (name) => name === 'Event')) …   // subtrees as trees
 *   for await (const el of xmlElementsFromChunks(stream, …)) …          // the same, streaming
 */
import type { TextDecoder } from 'node:util';
import { decodeText, textDecoderFor } from './decode.js';
import { ElementBuilder, type XmlElement } from './tree.js';
import { XmlTokenizer } from './tokenizer.js';
import type { XmlEvent, XmlOpenEvent, XmlOptions } from './types.js';

export { XmlTokenizer } from './tokenizer.js';
export { XmlError } from './errors.js';
export {
  ElementBuilder,
  childElements,
  firstChild,
  localName,
  textContent,
  type XmlElement,
  type XmlNode,
} from './tree.js';
export { decodeText, sniffEncoding, textDecoderFor, type TextEncoding } from './decode.js';
export type * from './types.js';

/** Which elements to return as trees: called for each start tag outside an already matched one. */
export type ElementMatch = (name: string, depth: number, open: XmlOpenEvent) => boolean;

/** Every event of a complete document (or stream of root elements) held in one string. */
export function* xmlEvents(text: string, options?: XmlOptions): Generator<XmlEvent> {
  const tok = new XmlTokenizer(options);
  tok.push(text);
  tok.end();
  for (let ev = tok.next(); ev !== null; ev = tok.next()) yield ev;
}

/** Matched subtrees of a string, as element trees; default: every root element. */
export function* xmlElements(
  text: string,
  match: ElementMatch = rootsOnly,
  options?: XmlOptions,
): Generator<XmlElement> {
  const tok = new XmlTokenizer(options);
  tok.push(text);
  tok.end();
  yield* drain(tok, match, { builder: null });
}

/** The same over chunks of text or bytes (encoding sniffed from the first chunk's BOM). */
export async function* xmlElementsFromChunks(
  chunks: AsyncIterable<string | Uint8Array>,
  match: ElementMatch = rootsOnly,
  options?: XmlOptions,
): AsyncGenerator<XmlElement> {
  const tok = new XmlTokenizer(options);
  const state = { builder: null as ElementBuilder | null };
  let decoder: TextDecoder | null = null;
  for await (const chunk of chunks) {
    if (typeof chunk === 'string') tok.push(chunk);
    else {
      decoder ??= textDecoderFor(chunk);
      tok.push(decoder.decode(chunk, { stream: true }));
    }
    yield* drain(tok, match, state);
  }
  if (decoder) tok.push(decoder.decode());
  tok.end();
  yield* drain(tok, match, state);
}

/** Parse a whole document held in bytes (any supported encoding) into its root elements. */
export function parseXmlBytes(bytes: Uint8Array, options?: XmlOptions): XmlElement[] {
  return [...xmlElements(decodeText(bytes), rootsOnly, options)];
}

const rootsOnly: ElementMatch = (_name, depth) => depth === 0;

function* drain(
  tok: XmlTokenizer,
  match: ElementMatch,
  state: { builder: ElementBuilder | null },
): Generator<XmlElement> {
  for (let ev = tok.next(); ev !== null; ev = tok.next()) {
    if (state.builder) {
      const el = state.builder.add(ev);
      if (el) {
        state.builder = null;
        yield el;
      }
    } else if (ev.kind === 'open' && match(ev.name, ev.depth, ev)) {
      state.builder = new ElementBuilder(ev);
    }
  }
}
