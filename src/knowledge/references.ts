/** The sources bindtrail's knowledge cites (data/references.json), by id. */
import data from './data/references.json' with { type: 'json' };
import { KnowledgeError } from './errors.js';
import { ID, list, object, text } from './shape.js';

/** A cited source: `text` as reports print it, `url` when it is a web page. */
export interface Reference {
  id: string;
  text: string;
  url?: string;
}

const FILE = 'data/references.json';

/** Validates the catalogue of references: unique ids, http(s) URLs that appear in the text. */
export function loadReferences(json: unknown, file = FILE): Map<string, Reference> {
  const top = object(json, file, '(top)', ['references']);
  const out = new Map<string, Reference>();
  list(top.references, file, 'references').forEach((raw, i) => {
    const where = `references[${i}]`;
    const r = object(raw, file, where, ['id', 'text'], ['url']);
    const id = text(r.id, file, `${where}.id`, ID);
    if (out.has(id)) throw new KnowledgeError(`duplicate id "${id}"`, file, where);
    const ref: Reference = { id, text: text(r.text, file, `${id}.text`) };
    if (r.url !== undefined) {
      ref.url = text(r.url, file, `${id}.url`, /^https?:\/\/\S+$/);
      if (!ref.text.includes(ref.url)) throw new KnowledgeError('the text does not show the url', file, id);
    }
    out.set(id, ref);
  });
  return out;
}

export const REFERENCES: ReadonlyMap<string, Reference> = loadReferences(data);

/** The texts of the references `ids`; throws naming `file` and `entry` on an unknown id. */
export function referenceTexts(
  ids: readonly string[],
  file: string,
  entry: string,
  catalogue: ReadonlyMap<string, Reference> = REFERENCES,
): string[] {
  return ids.map((id) => {
    const ref = catalogue.get(id);
    if (!ref) throw new KnowledgeError(`unknown reference "${id}" (not in ${FILE})`, file, entry);
    return ref.text;
  });
}
