/**
 * Events and options of the XML pull tokenizer (src/xml/tokenizer.ts).
 * Offsets are absolute UTF-16 code-unit offsets into the whole input (as JavaScript strings
 * count), so a byte offset is only equal for ASCII input.
 */

/** Attributes by name. Built on a null prototype: `__proto__` is an ordinary name here. */
export type XmlAttributes = Record<string, string>;

export interface XmlOpenEvent {
  kind: 'open';
  name: string;
  attrs: XmlAttributes;
  /** `<a/>`: a `close` event follows at once. */
  selfClosing: boolean;
  /** 0 for a root element. */
  depth: number;
  offset: number;
}

export interface XmlCloseEvent {
  kind: 'close';
  name: string;
  depth: number;
  offset: number;
}

export interface XmlTextEvent {
  kind: 'text';
  /** Entities and character references decoded, line ends normalised to `\n`. */
  text: string;
  cdata: boolean;
  offset: number;
}

export interface XmlCommentEvent {
  kind: 'comment';
  text: string;
  offset: number;
}

export interface XmlPiEvent {
  kind: 'pi';
  target: string;
  data: string;
  offset: number;
}

export type XmlEvent = XmlOpenEvent | XmlCloseEvent | XmlTextEvent | XmlCommentEvent | XmlPiEvent;

export interface XmlOptions {
  /** Deepest element nesting accepted (default 256). */
  maxDepth?: number;
  /** Largest whole input in UTF-16 code units (default 2^31 - 1). */
  maxInputChars?: number;
  /** Largest single token: a tag, a text run, a comment, a CDATA section (default 64 Mi). */
  maxTokenChars?: number;
  /** Most attributes on one element (default 256). */
  maxAttributes?: number;
  /** Refuse a second root element (default false: streams of `<Event>` elements are accepted). */
  singleRoot?: boolean;
  /** Emit `comment` events (default false: comments are checked and skipped). */
  comments?: boolean;
  /** Drop text events that are only whitespace (default false). */
  skipWhitespace?: boolean;
}

export const XML_DEFAULTS = {
  maxDepth: 256,
  maxInputChars: 0x7fffffff,
  maxTokenChars: 64 * 1024 * 1024,
  maxAttributes: 256,
  singleRoot: false,
  comments: false,
  skipWhitespace: false,
} as const satisfies Required<XmlOptions>;
