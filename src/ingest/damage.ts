/**
 * What a file read only in part lost, measured against what its layout announces: bytes cut
 * off, chunks not read or read in part, damaged records, and the record numbers that may be
 * missing. Pure: the facts come from the load (EvtxShape, the sink's counts) and the store (gaps).
 */
import type { FileDamage, RecordGap } from '../model/index.js';
import type { EvtxShape } from './load-evtx.js';

/** What the parse of a file counted (EventSink). */
export interface ReadCounts {
  records: number;
  errors: number;
  skippedChunks: ReadonlySet<number>;
  damagedChunks: ReadonlySet<number>;
}

/** Chunks lost from an .evtx file; null when it was read whole. */
export function evtxLoss(shape: EvtxShape, counts: ReadCounts): Omit<FileDamage, 'gaps' | 'summary'> | null {
  const cut = shape.size < shape.expectedSize || shape.lastChunkCut;
  const partly = new Set(counts.damagedChunks);
  if (shape.lastChunkCut && shape.chunksRead > 0) partly.add(shape.chunksRead - 1);
  for (const c of counts.skippedChunks) partly.delete(c);
  const unread = Math.max(0, shape.expectedChunks - shape.chunksRead) + counts.skippedChunks.size;
  if (!cut && unread === 0 && partly.size === 0 && counts.errors === 0) return null;
  return {
    size: shape.size,
    expectedSize: cut ? shape.expectedSize : null,
    chunksUnread: unread,
    chunksPartlyRead: partly.size,
    recordsDamaged: counts.errors,
  };
}

/** The damage of an .evtx file with its gaps and its one-line summary. */
export function evtxDamage(loss: Omit<FileDamage, 'gaps' | 'summary'>, gaps: RecordGap[], records: number): FileDamage {
  const lead =
    loss.expectedSize !== null ? `truncated at ${count(loss.size)} of ${count(loss.expectedSize)} bytes` : 'damaged';
  const parts = [
    loss.chunksUnread > 0 ? plural(loss.chunksUnread, 'chunk') + ' unread' : '',
    loss.chunksPartlyRead > 0 ? plural(loss.chunksPartlyRead, 'chunk') + ' partly read' : '',
    loss.recordsDamaged > 0 ? plural(loss.recordsDamaged, 'record') + ' damaged' : '',
    records === 0 ? 'no record could be read' : '',
  ].filter((p) => p !== '');
  const missing = gapsText(gaps);
  const summary = `${lead}: ${parts.join(', ')}${missing ? ` (${missing})` : ''}`;
  return { ...loss, gaps, summary };
}

/** The damage of an XML export broken off by a syntax error (`XML line 812 column 3: …`). */
export function xmlDamage(size: number, errors: number, firstError: string): FileDamage {
  return {
    size,
    expectedSize: null,
    chunksUnread: 0,
    chunksPartlyRead: 0,
    recordsDamaged: errors,
    gaps: [],
    summary: `damaged: ${firstError}; the events after it were not read`,
  };
}

const GAPS_SHOWN = 3;

function gapsText(gaps: readonly RecordGap[]): string {
  const shown = gaps.slice(0, GAPS_SHOWN).map(gapText);
  const more = gaps.length - GAPS_SHOWN;
  return shown.join('; ') + (more > 0 ? `; ${more} more gap(s)` : '');
}

function gapText(g: RecordGap): string {
  const range =
    g.first === null
      ? `records up to ${g.last}`
      : g.first === g.last
        ? `record ${g.first}`
        : `records ${g.first}–${g.last}`;
  const when =
    g.after !== null && g.before !== null
      ? `, between ${shortTime(g.after)} and ${shortTime(g.before)}`
      : g.after !== null
        ? `, after ${shortTime(g.after)}`
        : g.before !== null
          ? `, before ${shortTime(g.before)}`
          : '';
  return `${range} may be missing${when}`;
}

/** `2026-03-14T02:08:01.3800000Z` → `2026-03-14 02:08:01 UTC`. */
function shortTime(iso: string): string {
  return `${iso.slice(0, 19).replace('T', ' ')} UTC`;
}

const count = (n: number): string => n.toLocaleString('en-US');

const plural = (n: number, word: string): string => `${count(n)} ${word}${n === 1 ? '' : 's'}`;
