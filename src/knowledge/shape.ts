/** Shape checks for the knowledge data files: each failure names the file and the entry. */
import { KnowledgeError } from './errors.js';

export type Json = Record<string, unknown>;

/** Checks the members of an object: every `required` key present, no key outside `required` and `optional`. */
export function object(
  value: unknown,
  file: string,
  entry: string,
  required: readonly string[],
  optional: readonly string[] = [],
): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new KnowledgeError('expected an object', file, entry);
  const obj = value as Json;
  for (const key of required) if (!Object.hasOwn(obj, key)) throw new KnowledgeError(`missing "${key}"`, file, entry);
  for (const key of Object.keys(obj)) {
    if (!required.includes(key) && !optional.includes(key)) {
      throw new KnowledgeError(
        `unknown field "${key}" (expected ${[...required, ...optional].join(', ')})`,
        file,
        entry,
      );
    }
  }
  return obj;
}

/** A non-empty string, optionally of a pattern. */
export function text(value: unknown, file: string, entry: string, pattern?: RegExp): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new KnowledgeError('expected a non-empty string', file, entry);
  if (pattern && !pattern.test(value)) throw new KnowledgeError(`"${value}" does not match ${pattern}`, file, entry);
  return value;
}

/** A list of non-empty strings; `nonEmpty` requires one at least. */
export function texts(value: unknown, file: string, entry: string, nonEmpty = false): string[] {
  if (!Array.isArray(value)) throw new KnowledgeError('expected a list of strings', file, entry);
  if (nonEmpty && value.length === 0) throw new KnowledgeError('expected one entry at least', file, entry);
  return value.map((v, i) => text(v, file, `${entry}[${i}]`));
}

/** A list of objects. */
export function list(value: unknown, file: string, entry: string): unknown[] {
  if (!Array.isArray(value)) throw new KnowledgeError('expected a list', file, entry);
  return value;
}

/** Kebab-case ids: `keyset-left-in-user-store`. */
export const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
