/** Errors of the knowledge data: a malformed data file, or a template filled without its values. */
import { BindtrailError } from '../errors.js';

/** A knowledge data file breaks its format, or a template names a value the code did not give. */
export class KnowledgeError extends BindtrailError {
  override name = 'KnowledgeError';
  constructor(
    message: string,
    /** `data/error-codes.json`, `data/findings/abo-binding-deleted.json`, … */
    readonly file: string,
    /** The entry within the file: `0x80090016 causes[1].summary`, `remedies[0]`. */
    readonly entry: string,
  ) {
    super(`${file}: ${entry}: ${message}`);
  }
}
