/**
 * Carved records whose number was already read (from a chunk's record walk, or carved before)
 * are dropped: slack space often holds stale copies of live records. Per chunk, the records of
 * the walk are seen first, then the chunk's carved records in order.
 */
import type { EvtxItem } from './items.js';

export class CarvedDedup {
  private readonly seen = new Set<bigint>();

  /** A record read by a chunk's record walk. */
  live(recordId: bigint): void {
    this.seen.add(recordId);
  }

  /** True for a carved record whose number is new (it is remembered); false: drop it. */
  keep(recordId: bigint): boolean {
    if (this.seen.has(recordId)) return false;
    this.seen.add(recordId);
    return true;
  }

  /** The items of one chunk without the carved copies of records already read. */
  filter(items: EvtxItem[]): EvtxItem[] {
    for (const it of items) if (it.kind === 'record' && !it.carved) this.live(it.recordId);
    return items.filter((it) => it.kind !== 'record' || !it.carved || this.keep(it.recordId));
  }
}
