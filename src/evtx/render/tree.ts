/**
 * The instantiated element tree (items.ts ElementNode) for consumers that walk events:
 * attribute values rendered as Windows renders them, null optional attributes dropped,
 * nested BinXml spliced in, an array value repeating its element once per item.
 */
import { ARRAY_FLAG, ValueType } from '../types.js';
import type { ChunkContext } from '../binxml/context.js';
import type { Instance } from '../binxml/instance.js';
import { NodeKind } from '../binxml/nodes.js';
import type { TElement, TNode } from '../binxml/nodes.js';
import type { AttributeNode, ChildNode, ElementNode } from '../items.js';
import { expand, partsText, slotIsNull, slotType, subItems, subText } from './resolve.js';

/** Root element of an instance (a synthetic `<Event>` when the fragment has several top nodes). */
export function buildTree(ctx: ChunkContext, inst: Instance, warnings: string[]): ElementNode {
  const children = buildChildren(ctx, inst, inst.tpl.nodes, warnings);
  const elements = children.filter((c): c is ElementNode => c.kind === 'element');
  if (elements.length === 1 && children.length === 1) return elements[0]!;
  return { kind: 'element', name: 'Event', attributes: [], children };
}

function buildAttributes(ctx: ChunkContext, inst: Instance, el: TElement, warnings: string[]): AttributeNode[] {
  const out: AttributeNode[] = [];
  for (const attr of el.attrs) {
    const only = attr.parts.length === 1 ? attr.parts[0]! : null;
    if (only !== null && only.k === NodeKind.Sub && only.optional && slotIsNull(inst, only.slot)) continue;
    out.push({ name: attr.name.text, value: partsText(ctx, inst, attr.parts, warnings) });
  }
  return out;
}

function buildElements(ctx: ChunkContext, inst: Instance, el: TElement, warnings: string[]): ElementNode[] {
  const only = el.children.length === 1 ? el.children[0]! : null;
  if (only !== null && only.k === NodeKind.Sub && (slotType(inst, only.slot) & ARRAY_FLAG) !== 0) {
    const type = slotType(inst, only.slot);
    const items = subItems(ctx, inst, only.slot, warnings);
    // An empty array still renders its element once, empty (DeepBlueCLI many-events-application 1170).
    if (items.length === 0)
      return [
        { kind: 'element', name: el.name.text, attributes: buildAttributes(ctx, inst, el, warnings), children: [] },
      ];
    return items.map((text) => ({
      kind: 'element' as const,
      name: el.name.text,
      attributes: buildAttributes(ctx, inst, el, warnings),
      children: [{ kind: 'text' as const, text, valueType: type }],
    }));
  }
  return [
    {
      kind: 'element',
      name: el.name.text,
      attributes: buildAttributes(ctx, inst, el, warnings),
      children: buildChildren(ctx, inst, el.children, warnings),
    },
  ];
}

function buildChildren(ctx: ChunkContext, inst: Instance, nodes: readonly TNode[], warnings: string[]): ChildNode[] {
  const out: ChildNode[] = [];
  for (const { inst: i, node } of expand(ctx, inst, nodes)) {
    switch (node.k) {
      case NodeKind.Element:
        out.push(...buildElements(ctx, i, node, warnings));
        break;
      case NodeKind.Text:
        out.push({ kind: 'text', text: node.text, valueType: ValueType.String });
        break;
      case NodeKind.Sub: {
        const text = subText(ctx, i, node.slot, warnings);
        if (text !== '') out.push({ kind: 'text', text, valueType: slotType(i, node.slot) });
        break;
      }
      case NodeKind.CData:
        out.push({ kind: 'cdata', text: node.text });
        break;
      case NodeKind.PI:
        out.push({ kind: 'pi', target: node.target.text, data: node.data });
        break;
      case NodeKind.Ref:
        out.push({ kind: 'entity', name: node.name });
        break;
    }
  }
  return out;
}
