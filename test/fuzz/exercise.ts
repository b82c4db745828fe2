/**
 * Runs one input through the reader the way a consumer does: iterate every item, render every
 * record as XML and as an event. Returns counts; throws `Escape` for anything the reader's
 * contract forbids (an exception out of iteration, xml() or event(); an item stream without end).
 */
import type { EvtxItem, ReadOptions } from '../../src/evtx/items.js';

export type ReadFn = (source: string | Uint8Array, options?: ReadOptions) => AsyncIterable<EvtxItem>;

export interface Counts {
  records: number;
  errors: number;
  warnings: number;
  /** The reader refused the input as not EVTX (allowed only for a wrong magic or a cut header). */
  refused: number;
  outputChars: number;
}

export class Escape extends Error {
  override name = 'Escape';
  constructor(
    message: string,
    readonly detail: string,
  ) {
    super(message);
  }
}

const FILE_MAGIC = [0x45, 0x6c, 0x66, 0x46, 0x69, 0x6c, 0x65, 0x00];
const FILE_HEADER = 4096;

/** True when the input is plainly not an EVTX file: the reader may refuse it with an EvtxInputError. */
export function notEvtx(bytes: Uint8Array): boolean {
  return bytes.length < FILE_HEADER || FILE_MAGIC.some((v, i) => bytes[i] !== v);
}

function describe(err: unknown): { name: string; text: string } {
  if (err instanceof Error) return { name: err.name, text: `${err.name}: ${err.message}\n${err.stack ?? ''}` };
  return { name: typeof err, text: String(err) };
}

/** `source` is the input itself or a file holding exactly `bytes`. */
export async function exercise(
  read: ReadFn,
  bytes: Uint8Array,
  options: ReadOptions,
  source: string | Uint8Array = bytes,
): Promise<Counts> {
  const counts: Counts = { records: 0, errors: 0, warnings: 0, refused: 0, outputChars: 0 };
  // Every item covers at least a few bytes of input; far more items than that is a runaway stream.
  const itemCap = Math.floor(bytes.length / 4) + 256;
  let items = 0;
  let stage = 'iteration';
  try {
    for await (const item of read(source, { ...options, fileName: 'fuzz.evtx' })) {
      if (++items > itemCap)
        throw new Escape('runaway item stream', `more than ${itemCap} items from ${bytes.length} bytes`);
      if (item.kind === 'record') {
        counts.records++;
        stage = `xml() of record @0x${item.offset.toString(16)}`;
        counts.outputChars += item.xml().length;
        stage = `event() of record @0x${item.offset.toString(16)}`;
        const ev = item.event();
        counts.outputChars += ev.values.length;
        stage = 'iteration';
      } else if (item.kind === 'error') counts.errors++;
      else if (item.kind === 'warning') counts.warnings++;
      else throw new Escape('unknown item kind', JSON.stringify(item));
    }
  } catch (err) {
    if (err instanceof Escape) throw err;
    const d = describe(err);
    if (d.name === 'EvtxInputError' && stage === 'iteration' && notEvtx(bytes)) {
      counts.refused++;
      return counts;
    }
    throw new Escape(`${d.name} escaped from ${stage}`, d.text);
  }
  return counts;
}
