/**
 * Template trees: the element skeleton of a BinXml template definition with literal text and
 * substitution slots (MS-EVEN6 TemplateDefinition; libevtx "Template definition").
 */

export interface TemplateElement {
  kind: 'element';
  name: string;
  attrs: TemplateAttr[];
  children: TemplateContent[];
}
export interface TemplateAttr {
  name: string;
  value: TemplateText | TemplateSub;
}
export interface TemplateText {
  kind: 'text';
  text: string;
}
/** A substitution slot: `optional` (token 0x0E) drops its element/attribute when the value is null. */
export interface TemplateSub {
  kind: 'sub';
  index: number;
  type: number;
  optional: boolean;
}
export type TemplateContent = TemplateElement | TemplateText | TemplateSub;

/** Builders for template trees. */
export const t = {
  el: (name: string, attrs: TemplateAttr[] = [], children: TemplateContent[] = []): TemplateElement => ({
    kind: 'element',
    name,
    attrs,
    children,
  }),
  attr: (name: string, value: TemplateText | TemplateSub): TemplateAttr => ({ name, value }),
  text: (text: string): TemplateText => ({ kind: 'text', text }),
  opt: (index: number, type: number): TemplateSub => ({ kind: 'sub', index, type, optional: true }),
  sub: (index: number, type: number): TemplateSub => ({ kind: 'sub', index, type, optional: false }),
} as const;

/**
 * Dependency id of an element (u16 after the start token): the index of the optional substitution
 * that is a direct child, else 0xFFFF — as Windows writes it (e.g. `<EventID>` depends on 3,
 * `<Event>` on its EventData slot; seen in every System log of the corpus).
 */
export function dependencyId(el: TemplateElement): number {
  for (const c of el.children) if (c.kind === 'sub' && c.optional) return c.index;
  return 0xffff;
}
