/** Element trees for a subtree of the event stream, built incrementally (works while streaming). */
import type { XmlAttributes, XmlEvent, XmlOpenEvent } from './types.js';

export interface XmlElement {
  name: string;
  attrs: XmlAttributes;
  /** Elements and text (CDATA included) in document order; comments and PIs are dropped. */
  children: XmlNode[];
  /** Absolute offset of the start tag. */
  offset: number;
}

export type XmlNode = XmlElement | string;

/**
 * Feed it the `open` event of the subtree's root, then every following event; `add` returns the
 * finished element with the root's matching `close` event.
 */
export class ElementBuilder {
  private readonly stack: XmlElement[];

  constructor(open: XmlOpenEvent) {
    this.stack = [toElement(open)];
  }

  add(ev: XmlEvent): XmlElement | null {
    const top = this.stack[this.stack.length - 1]!;
    switch (ev.kind) {
      case 'open': {
        const el = toElement(ev);
        top.children.push(el);
        this.stack.push(el);
        return null;
      }
      case 'close':
        this.stack.pop();
        return this.stack.length === 0 ? top : null;
      case 'text': {
        const last = top.children.length - 1;
        if (last >= 0 && typeof top.children[last] === 'string') top.children[last] += ev.text;
        else top.children.push(ev.text);
        return null;
      }
      default:
        return null;
    }
  }
}

function toElement(ev: XmlOpenEvent): XmlElement {
  return { name: ev.name, attrs: ev.attrs, children: [], offset: ev.offset };
}

/** Child elements, optionally only those named `name` (local name match ignores a prefix). */
export function childElements(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children)
    if (typeof c !== 'string' && (name === undefined || localName(c.name) === name)) out.push(c);
  return out;
}

/** The first child element named `name`, or undefined. */
export function firstChild(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) if (typeof c !== 'string' && localName(c.name) === name) return c;
  return undefined;
}

/** Concatenated text of the element and its descendants. */
export function textContent(el: XmlElement): string {
  let s = '';
  for (const c of el.children) s += typeof c === 'string' ? c : textContent(c);
  return s;
}

/** `ev:Event` → `Event`. */
export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}
