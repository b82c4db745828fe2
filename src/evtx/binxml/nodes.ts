/**
 * Compiled template structure: a template definition (or a record's template-less element
 * stream) parsed once per chunk into nodes, plus its XML instantiation plan.
 */
import type { NameEntry } from './context.js';
import type { XmlPlan } from '../render/plan.js';

/** `k` of a compiled node. */
export const NodeKind = { Element: 0, Text: 1, Sub: 2, CData: 3, PI: 4, Ref: 5 } as const;
export type NodeKind = (typeof NodeKind)[keyof typeof NodeKind];

export interface TElement {
  k: typeof NodeKind.Element;
  name: NameEntry;
  attrs: TAttr[];
  children: TNode[];
}
export interface TText {
  k: typeof NodeKind.Text;
  text: string;
}
export interface TSub {
  k: typeof NodeKind.Sub;
  slot: number;
  optional: boolean;
  /** Declared type in the template (the instance's descriptor type is what is decoded). */
  type: number;
}
export interface TCData {
  k: typeof NodeKind.CData;
  text: string;
}
export interface TPI {
  k: typeof NodeKind.PI;
  target: NameEntry;
  data: string;
}
/** Entity reference (`name`) or character reference (`#N`), kept as written. */
export interface TRef {
  k: typeof NodeKind.Ref;
  name: string;
}
export type TNode = TElement | TText | TSub | TCData | TPI | TRef;
export type TPart = TText | TSub | TRef;

export interface TAttr {
  name: NameEntry;
  parts: TPart[];
}

export interface Template {
  /** Definition offset in the chunk (or record data offset for template-less records). */
  offset: number;
  /** Top-level nodes of the fragment (normally one element). */
  nodes: TNode[];
  /** Built on first render. */
  plan: XmlPlan | null;
}
