/** Errors of the XML tokenizer: the reason plus where it happened (line, column, offset). */
import { FormatError } from '../errors.js';

export class XmlError extends FormatError {
  override name = 'XmlError';
  constructor(
    /** The reason without position. */
    readonly reason: string,
    offset: number,
    /** 1-based line, or 0 when unknown. */
    readonly line: number,
    /** 1-based column in UTF-16 code units, or 0 when unknown. */
    readonly column: number,
  ) {
    super(line > 0 ? `XML line ${line}, column ${column}: ${reason}` : `XML: ${reason}`, offset);
  }
}
