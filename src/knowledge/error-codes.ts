/**
 * Knowledge base of the error codes seen in Schannel 36870 / Security 5061 / IIS Manager, kept as
 * data in data/error-codes.json (facts from winerror.h and the seed articles, DOMAIN.md §2); read
 * by the correlation engine, the `error_codes` table and the reports.
 */
import data from './data/error-codes.json' with { type: 'json' };
import { KnowledgeError } from './errors.js';
import { REFERENCES, referenceTexts, type Reference } from './references.js';
import { ID, list, object, text, texts } from './shape.js';
import { placeholdersOf } from './template.js';

export interface CauseEntry {
  /** Stable id used by findings (`keyset-left-in-user-store`). */
  id: string;
  summary: string;
  /** What in the logs/artefacts points to this cause. */
  evidence: string[];
  remedies: string[];
}

export interface ErrorCodeEntry {
  code: string; // 0xXXXXXXXX, uppercase
  name: string; // winerror.h symbol
  text: string; // system message
  causes: CauseEntry[];
  /** Reference texts, resolved from the ids in the data file through data/references.json. */
  references: string[];
}

/** Values the code fills into the error-code texts; none yet, so a `{name}` there is an error. */
export const ERROR_CODE_PLACEHOLDERS: readonly string[] = [];

const FILE = 'data/error-codes.json';

/** Validates the error-code data: codes as `0x` + 8 uppercase hex digits, once each; causes with remedies. */
export function loadErrorCodes(
  json: unknown,
  file = FILE,
  references: ReadonlyMap<string, Reference> = REFERENCES,
): ErrorCodeEntry[] {
  const top = object(json, file, '(top)', ['errorCodes']);
  const seen = new Set<string>();
  return list(top.errorCodes, file, 'errorCodes').map((raw, i) => {
    const e = object(raw, file, `errorCodes[${i}]`, ['code', 'name', 'text', 'causes', 'references']);
    const code = text(e.code, file, `errorCodes[${i}].code`, /^0x[0-9A-F]{8}$/);
    if (seen.has(code)) throw new KnowledgeError('duplicate code', file, code);
    seen.add(code);
    const causes = list(e.causes, file, `${code} causes`).map((c, j) => cause(c, file, `${code} causes[${j}]`));
    if (causes.length === 0) throw new KnowledgeError('expected one cause at least', file, `${code} causes`);
    if (new Set(causes.map((c) => c.id)).size !== causes.length)
      throw new KnowledgeError('duplicate cause id', file, `${code} causes`);
    return {
      code,
      name: text(e.name, file, `${code} name`, /^[A-Z][A-Z0-9_]*$/),
      text: text(e.text, file, `${code} text`),
      causes,
      references: referenceTexts(
        texts(e.references, file, `${code} references`),
        file,
        `${code} references`,
        references,
      ),
    };
  });
}

function cause(raw: unknown, file: string, where: string): CauseEntry {
  const c = object(raw, file, where, ['id', 'summary', 'evidence', 'remedies']);
  const entry: CauseEntry = {
    id: text(c.id, file, `${where}.id`, ID),
    summary: text(c.summary, file, `${where}.summary`),
    evidence: texts(c.evidence, file, `${where}.evidence`, true),
    remedies: texts(c.remedies, file, `${where}.remedies`, true),
  };
  const fields: [string, string][] = [
    [`${where}.summary`, entry.summary],
    ...entry.evidence.map((t, k): [string, string] => [`${where}.evidence[${k}]`, t]),
    ...entry.remedies.map((t, k): [string, string] => [`${where}.remedies[${k}]`, t]),
  ];
  for (const [at, t] of fields) {
    const unknown = placeholdersOf(t, { file, entry: at }).filter((n) => !ERROR_CODE_PLACEHOLDERS.includes(n));
    if (unknown.length)
      throw new KnowledgeError(`no value the code can fill: ${unknown.map((n) => `{${n}}`).join(', ')}`, file, at);
  }
  return entry;
}

export const ERROR_CODES: readonly ErrorCodeEntry[] = loadErrorCodes(data);

/** Look up a code given as `0x…` (any case, any width) or a number. */
export function lookupErrorCode(code: string | number | null | undefined): ErrorCodeEntry | undefined {
  if (code === null || code === undefined) return undefined;
  const n =
    typeof code === 'number'
      ? code >>> 0
      : Number.parseInt(String(code).trim(), String(code).trim().toLowerCase().startsWith('0x') ? 16 : 10) >>> 0;
  if (!Number.isFinite(n)) return undefined;
  const norm = '0x' + n.toString(16).toUpperCase().padStart(8, '0');
  return ERROR_CODES.find((e) => e.code === norm);
}
