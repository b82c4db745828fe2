/**
 * The reader's errors: one family under `EvtxError`, which names the file and the absolute
 * offset when known. Damage inside a file becomes error items, not exceptions; these are thrown
 * for a source that cannot be read at all, and caught inside the reader for damaged structures.
 */

/** Base of every error the EVTX reader throws. */
export class EvtxError extends Error {
  override name = 'EvtxError';
  constructor(
    message: string,
    /** Name of the input, when known. */
    readonly file?: string,
    /** Absolute file offset, when known. */
    readonly offset?: number,
  ) {
    super(message);
  }
}

/** The source is missing, unreadable or not an EVTX file. */
export class EvtxInputError extends EvtxError {
  override name = 'EvtxInputError';
  constructor(message: string, file: string, offset: number) {
    super(message, file, offset);
  }
}

/** A bounds-checked read ran past the data it was given. */
export class TruncatedError extends EvtxError {
  override name = 'TruncatedError';
  declare readonly offset: number;
  constructor(message: string, offset: number) {
    super(message, undefined, offset);
  }
}

/** A structural problem in binary XML (becomes an error item naming the offset). */
export class BinXmlError extends EvtxError {
  override name = 'BinXmlError';
  constructor(
    message: string,
    /** Offset relative to the chunk. */
    readonly at: number,
  ) {
    super(message);
  }
}
