/**
 * Templates of the knowledge data. `{name}` is replaced by the case value `name` (a list joins
 * with ", "); `{name|text}` falls back to `text` when the value is absent; `[[ … ]]` is left out
 * when a value it names is absent (null, undefined or an empty list). A brace not followed by a
 * name (`appid={…}`, `{4dc3e181-…}`) is literal text.
 */
import { KnowledgeError } from './errors.js';

export type TemplateValue = string | number | readonly string[] | null | undefined;
export type TemplateValues = Readonly<Record<string, TemplateValue>>;

/** Where a template comes from, for error messages. */
export interface TemplateSource {
  file: string;
  entry: string;
}

type Part = { text: string } | { name: string; fallback: string | undefined };
interface Segment {
  optional: boolean;
  parts: Part[];
}

const TOKEN = /\[\[|\]\]|\{([A-Za-z][A-Za-z0-9]*)(?:\|([^{}]*))?\}/g;

/** Splits a template into plain and optional segments; throws on unbalanced or empty `[[ ]]`. */
export function parseTemplate(template: string, where: TemplateSource): Segment[] {
  const segments: Segment[] = [];
  let current: Segment = { optional: false, parts: [] };
  let last = 0;
  const fail = (message: string): never => {
    throw new KnowledgeError(`${message} in "${template}"`, where.file, where.entry);
  };
  for (const m of template.matchAll(TOKEN)) {
    if (m.index > last) current.parts.push({ text: template.slice(last, m.index) });
    last = m.index + m[0].length;
    if (m[0] === '[[' || m[0] === ']]') {
      const opening = m[0] === '[[';
      if (opening === current.optional) fail(opening ? 'nested "[["' : '"]]" without "[["');
      if (!opening && !current.parts.some((p) => 'name' in p)) fail('"[[ ]]" names no value');
      segments.push(current);
      current = { optional: opening, parts: [] };
    } else {
      current.parts.push({ name: m[1]!, fallback: m[2] });
    }
  }
  if (last < template.length) current.parts.push({ text: template.slice(last) });
  if (current.optional) fail('"[[" without "]]"');
  segments.push(current);
  return segments.filter((s) => s.parts.length > 0);
}

/** The value names a template uses, in order of first use. */
export function placeholdersOf(template: string, where: TemplateSource): string[] {
  const names = parseTemplate(template, where).flatMap((s) => s.parts.flatMap((p) => ('name' in p ? [p.name] : [])));
  return [...new Set(names)];
}

const absent = (v: TemplateValue): boolean => v === null || v === undefined || (Array.isArray(v) && v.length === 0);
const show = (v: TemplateValue): string => (Array.isArray(v) ? v.join(', ') : String(v));

/**
 * The template with the case values in place. Throws a KnowledgeError when the template names a
 * value `values` does not hold, or a value outside `[[ ]]` without fallback is absent.
 */
export function fillTemplate(template: string, values: TemplateValues, where: TemplateSource): string {
  let out = '';
  for (const segment of parseTemplate(template, where)) {
    let text = '';
    let complete = true;
    for (const part of segment.parts) {
      if ('text' in part) {
        text += part.text;
        continue;
      }
      if (!Object.hasOwn(values, part.name)) {
        throw new KnowledgeError(
          `no value named {${part.name}} is given (given: ${Object.keys(values).join(', ') || 'none'})`,
          where.file,
          where.entry,
        );
      }
      const value = values[part.name];
      if (!absent(value)) text += show(value);
      else if (part.fallback !== undefined) text += part.fallback;
      else if (segment.optional) complete = false;
      else throw new KnowledgeError(`{${part.name}} has no value and no fallback`, where.file, where.entry);
    }
    if (complete) out += text;
  }
  return out;
}
