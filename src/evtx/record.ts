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
import { extractFlat } from './render/row-plan.js';
import type { FlatEvent } from './render/row-plan.js';
import { buildTree } from './render/tree.js';
import type { ByteSink } from './render/sink.js';
import { renderXml, renderXmlInto } from './render/xml.js';

const FALLBACK_XML = '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"/>';

/** Renderers push findings here; they move to the record only when there are any. */
const pending: string[] = [];
/** The same for the row plan, whose findings are dropped when the record falls back to event(). */
const flatFound: string[] = [];

export class ParsedRecord implements EvtxRecord {
  readonly kind = 'record' as const;
  private found: string[] | null;

  constructor(
    private readonly ctx: ChunkContext,
    private readonly inst: Instance,
    /** Offset of the record signature in the chunk. */
    private readonly at: number,
    readonly carved: boolean,
    warnings: string[] | null = null,
  ) {
    this.found = warnings;
  }

  /** Record-header number (u64 at 8), read on demand. */
  get recordId(): bigint {
    return this.ctx.view.getBigUint64(this.at + 8, true);
  }

  /** Record-header FILETIME (u64 at 16), read on demand. */
  get writtenTicks(): bigint {
    return this.ctx.view.getBigUint64(this.at + 16, true);
  }

  /** Absolute file offset of the record signature. */
  get offset(): number {
    return this.ctx.base + this.at;
  }

  /** Number of findings, without allocating the list. */
  get warningCount(): number {
    return this.found === null ? 0 : this.found.length;
  }

  /** Non-fatal findings (allocated on first use: most records have none). */
  get warnings(): string[] {
    return (this.found ??= []);
  }

  private collect(): void {
    if (pending.length > 0) {
      this.warnings.push(...pending);
      pending.length = 0;
    }
  }

  get chunkIndex(): number {
    return this.ctx.index;
  }

  xml(): string {
    this.ctx.budget = RENDER_BUDGET;
    try {
      return renderXml(this.ctx, this.inst, pending);
    } catch (e) {
      this.renderFailed('XML', e);
      return FALLBACK_XML;
    } finally {
      this.collect();
    }
  }

  /** Append the same XML as `xml()`, UTF-8 encoded, to `out` (bulk output without strings). */
  writeXml(out: ByteSink): void {
    this.ctx.budget = RENDER_BUDGET;
    const start = out.pos;
    try {
      renderXmlInto(this.ctx, this.inst, pending, out);
    } catch (e) {
      this.renderFailed('XML', e);
      out.pos = start;
      out.ascii(FALLBACK_XML);
    } finally {
      this.collect();
    }
  }

  tree(): ElementNode {
    this.ctx.budget = RENDER_BUDGET;
    try {
      return buildTree(this.ctx, this.inst, pending);
    } catch (e) {
      this.renderFailed('tree', e);
      return { kind: 'element', name: 'Event', attributes: [], children: [] };
    } finally {
      this.collect();
    }
  }

  event(): EvtxEvent {
    this.ctx.budget = RENDER_BUDGET;
    try {
      return buildEvent(this.ctx, this.inst, pending);
    } catch (e) {
      this.renderFailed('event', e);
      return emptyEvent();
    } finally {
      this.collect();
    }
  }

  flatInto(out: FlatEvent): boolean {
    this.ctx.budget = RENDER_BUDGET;
    const found = flatFound;
    found.length = 0;
    try {
      if (!extractFlat(this.ctx, this.inst, out, found)) return false;
    } catch {
      // Values the plan does not cover, or a decoding failure: event() then reports it.
      return false;
    }
    if (found.length > 0) {
      this.warnings.push(...found);
      found.length = 0;
    }
    return true;
  }

  private renderFailed(what: string, e: unknown): void {
    this.warnings.push(
      `${what} rendering failed at 0x${this.offset.toString(16)}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}
