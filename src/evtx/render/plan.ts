/**
 * Instantiation plan: a template's nodes flattened once into XML ops — static text segments
 * (names pre-escaped, adjacent text merged) and substitution slots — so rendering a record
 * is a loop over ops that decodes only the values it prints.
 */
import { escapeText } from '../text.js';
import { NodeKind } from '../binxml/nodes.js';
import type { TAttr, TElement, TNode, TPart } from '../binxml/nodes.js';

export const Op = {
  /** Static text `str`. */
  Text: 0,
  /** Attribute made of one substitution: `str` = ` name="`, `a` = slot, `b` = 1 when optional. */
  Attr: 1,
  /** Substitution inside mixed content or a multi-part attribute value: `a` = slot. */
  Sub: 2,
  /**
   * End of the start tag of an element whose content is exactly one substitution: `a` = slot,
   * `b` = op index where the element starts (to repeat it per array item), `str` = `</name>`.
   */
  ElemSub: 3,
} as const;

export interface XmlPlan {
  code: number[];
  str: string[];
  a: number[];
  b: number[];
  /** `str` encoded as UTF-8, filled by buildPlan. */
  bin: Uint8Array[];
}

class PlanBuilder {
  readonly plan: XmlPlan = { code: [], str: [], a: [], b: [], bin: [] };
  /** Whether the last op is a text op that may be extended. */
  private open = false;

  text(s: string): void {
    const p = this.plan;
    if (this.open) p.str[p.str.length - 1] += s;
    else {
      this.push(Op.Text, s, 0, 0);
      this.open = true;
    }
  }

  /** Start a new text op even after text (an element that may be repeated starts here). */
  barrier(): number {
    this.open = false;
    return this.plan.code.length;
  }

  push(code: number, str: string, a: number, b: number): void {
    const p = this.plan;
    p.code.push(code);
    p.str.push(str);
    p.a.push(a);
    p.b.push(b);
    this.open = false;
  }
}

function refText(name: string): string {
  return `&${name};`;
}

function addParts(pb: PlanBuilder, parts: TPart[]): void {
  for (const part of parts) {
    if (part.k === NodeKind.Text) pb.text(escapeText(part.text));
    else if (part.k === NodeKind.Sub) pb.push(Op.Sub, '', part.slot, 0);
    else pb.text(refText(part.name));
  }
}

function addAttr(pb: PlanBuilder, attr: TAttr): void {
  const prefix = ` ${attr.name.esc}="`;
  const only = attr.parts.length === 1 ? attr.parts[0]! : null;
  if (only !== null && only.k === NodeKind.Sub) {
    pb.push(Op.Attr, prefix, only.slot, only.optional ? 1 : 0);
    return;
  }
  pb.text(prefix);
  addParts(pb, attr.parts);
  pb.text('"');
}

function addElement(pb: PlanBuilder, el: TElement): void {
  const only = el.children.length === 1 ? el.children[0]! : null;
  const start = only !== null && only.k === NodeKind.Sub ? pb.barrier() : -1;
  pb.text(`<${el.name.esc}`);
  for (const attr of el.attrs) addAttr(pb, attr);
  if (only !== null && only.k === NodeKind.Sub) {
    pb.push(Op.ElemSub, `</${el.name.esc}>`, only.slot, start);
    return;
  }
  if (el.children.length === 0) {
    pb.text('/>');
    return;
  }
  pb.text('>');
  addNodes(pb, el.children);
  pb.text(`</${el.name.esc}>`);
}

function addNodes(pb: PlanBuilder, nodes: TNode[]): void {
  for (const n of nodes) {
    switch (n.k) {
      case NodeKind.Element:
        addElement(pb, n);
        break;
      case NodeKind.Text:
        pb.text(escapeText(n.text));
        break;
      case NodeKind.Sub:
        pb.push(Op.Sub, '', n.slot, 0);
        break;
      case NodeKind.CData:
        pb.text(`<![CDATA[${n.text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`);
        break;
      case NodeKind.PI:
        pb.text(`<?${n.target.esc}${n.data ? ' ' + n.data : ''}?>`);
        break;
      case NodeKind.Ref:
        pb.text(refText(n.name));
        break;
    }
  }
}

export function buildPlan(nodes: TNode[]): XmlPlan {
  const pb = new PlanBuilder();
  addNodes(pb, nodes);
  pb.plan.bin = pb.plan.str.map((s) => Buffer.from(s, 'utf8'));
  return pb.plan;
}
