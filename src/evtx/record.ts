/**
 * A structurally parsed record (items.ts EvtxRecord). Rendering is lazy and never throws:
 * a failure while rendering becomes a warning on the record and a minimal output.
 */
import { RENDER_BUDGET } from './binxml/context.js';
import type { ChunkContext } from './binxml/context.js';
import type { Instance } from './binxml/instance.js';
import type { EvtxEvent } from './event.js';
import type { ElementNode, EvtxRecord } from './items.js';
import { buildEvent, emptyEvent } from './render/event.js';
import { buildTree } from './render/tree.js';
import { renderXml } from './render/xml.js';

export class ParsedRecord implements EvtxRecord {
  readonly kind = 'record' as const;
  readonly warnings: string[];

  constructor(
    private readonly ctx: ChunkContext,
    private readonly inst: Instance,
    readonly recordId: bigint,
    readonly writtenTicks: bigint,
    /** Absolute file offset of the record signature. */
    readonly offset: number,
    readonly carved: boolean,
    warnings: string[] | null = null,
  ) {
    this.warnings = warnings ?? [];
  }

  get chunkIndex(): number {
    return this.ctx.index;
  }

  xml(): string {
    this.ctx.budget = RENDER_BUDGET;
    try {
      return renderXml(this.ctx, this.inst, this.warnings);
    } catch (e) {
      this.renderFailed('XML', e);
      return '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"/>';
    }
  }

  tree(): ElementNode {
    this.ctx.budget = RENDER_BUDGET;
    try {
      return buildTree(this.ctx, this.inst, this.warnings);
    } catch (e) {
      this.renderFailed('tree', e);
      return { kind: 'element', name: 'Event', attributes: [], children: [] };
    }
  }

  event(): EvtxEvent {
    this.ctx.budget = RENDER_BUDGET;
    try {
      return buildEvent(this.ctx, this.inst, this.warnings);
    } catch (e) {
      this.renderFailed('event', e);
      return emptyEvent();
    }
  }

  private renderFailed(what: string, e: unknown): void {
    this.warnings.push(`${what} rendering failed at 0x${this.offset.toString(16)}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
