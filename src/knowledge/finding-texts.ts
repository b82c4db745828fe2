/**
 * Titles, causes, remedies and references of the findings, kept as data in data/findings/<kind>.json
 * (the slots each kind holds are in finding-slots.ts). Validated when loaded; filled with the case
 * values by src/correlate/.
 */
import aboBindingDeleted from './data/findings/abo-binding-deleted.json' with { type: 'json' };
import aboBindingRebound from './data/findings/abo-binding-rebound.json' with { type: 'json' };
import bindingDeletedByTool from './data/findings/binding-deleted-by-tool.json' with { type: 'json' };
import bindingDeletedUnexplained from './data/findings/binding-deleted-unexplained.json' with { type: 'json' };
import bindingRenewed from './data/findings/binding-renewed.json' with { type: 'json' };
import serviceKeyFailure from './data/findings/service-key-failure.json' with { type: 'json' };
import configAboHashInvalid from './data/findings/config-abo-hash-invalid.json' with { type: 'json' };
import configBindingProblem from './data/findings/config-binding-problem.json' with { type: 'json' };
import configCertificateProblem from './data/findings/config-certificate-problem.json' with { type: 'json' };
import configIplistenRestricted from './data/findings/config-iplisten-restricted.json' with { type: 'json' };
import configLegacyMetadata from './data/findings/config-legacy-metadata.json' with { type: 'json' };
import configStaleIpBinding from './data/findings/config-stale-ip-binding.json' with { type: 'json' };
import configTlsProtocolsDisabled from './data/findings/config-tls-protocols-disabled.json' with { type: 'json' };
import privateKeyFailure from './data/findings/private-key-failure.json' with { type: 'json' };
import { KnowledgeError } from './errors.js';
import {
  FINDING_SLOTS,
  TEXT_KINDS,
  type FindingSlots,
  type ListSlotOf,
  type Slot,
  type TableFieldOf,
  type TableIdOf,
  type TableSlotOf,
  type TextKind,
  type TextSlotOf,
} from './finding-slots.js';
import { REFERENCES, referenceTexts, type Reference } from './references.js';
import { object, text, texts } from './shape.js';
import { fillTemplate, placeholdersOf, type TemplateValue } from './template.js';

/** The texts of one finding kind as loaded: templates by slot, references resolved to their texts. */
export interface FindingTexts {
  kind: TextKind;
  file: string;
  description: string | null;
  slots: Record<string, string | string[] | Record<string, Record<string, string>>>;
  references: string[];
}

/** The values a slot's templates may name, each required. */
type ValuesOf<T> = T extends { values: readonly (infer N)[] } ? { readonly [P in N & string]: TemplateValue } : never;

/** The data files, by kind. */
export const FINDING_FILES: Readonly<Record<TextKind, unknown>> = {
  'abo-binding-deleted': aboBindingDeleted,
  'abo-binding-rebound': aboBindingRebound,
  'private-key-failure': privateKeyFailure,
  'config-abo-hash-invalid': configAboHashInvalid,
  'config-legacy-metadata': configLegacyMetadata,
  'config-binding-problem': configBindingProblem,
  'config-certificate-problem': configCertificateProblem,
  'config-stale-ip-binding': configStaleIpBinding,
  'config-iplisten-restricted': configIplistenRestricted,
  'config-tls-protocols-disabled': configTlsProtocolsDisabled,
  'binding-deleted-by-tool': bindingDeletedByTool,
  'binding-deleted-unexplained': bindingDeletedUnexplained,
  'binding-renewed': bindingRenewed,
  'service-key-failure': serviceKeyFailure,
};

export const findingFile = (kind: string): string => `data/findings/${kind}.json`;

/** Validates one kind's data: exactly its slots, each of its form, naming only the values the code fills. */
export function loadFindingTexts(
  kind: TextKind,
  json: unknown,
  file = findingFile(kind),
  references: ReadonlyMap<string, Reference> = REFERENCES,
): FindingTexts {
  const spec: Record<string, Slot> = FINDING_SLOTS[kind];
  const top = object(json, file, '(top)', ['kind', 'references', ...Object.keys(spec)], ['description']);
  if (top.kind !== kind)
    throw new KnowledgeError(`"kind" is ${JSON.stringify(top.kind)}, expected "${kind}"`, file, 'kind');
  const slots: FindingTexts['slots'] = {};
  for (const [name, slot] of Object.entries(spec)) slots[name] = loadSlot(top[name], slot, file, name);
  return {
    kind,
    file,
    description: top.description === undefined ? null : text(top.description, file, 'description'),
    slots,
    references: referenceTexts(texts(top.references, file, 'references'), file, 'references', references),
  };
}

function loadSlot(raw: unknown, slot: Slot, file: string, name: string): FindingTexts['slots'][string] {
  const template = (v: unknown, entry: string): string => {
    const t = text(v, file, entry);
    const unknown = placeholdersOf(t, { file, entry }).filter((n) => !slot.values.includes(n));
    if (unknown.length) {
      throw new KnowledgeError(
        `${unknown.map((n) => `{${n}}`).join(', ')}: not a value the code fills here (it fills: ${slot.values.map((n) => `{${n}}`).join(', ') || 'none'})`,
        file,
        entry,
      );
    }
    return t;
  };
  switch (slot.form) {
    case 'text':
      return template(raw, name);
    case 'list':
      if (!Array.isArray(raw)) throw new KnowledgeError('expected a list of strings', file, name);
      return raw.map((v, i) => template(v, `${name}[${i}]`));
    case 'table': {
      const rows = object(raw, file, name, slot.ids);
      const out: Record<string, Record<string, string>> = {};
      for (const id of slot.ids) {
        const row = object(rows[id], file, `${name}.${id}`, slot.fields);
        out[id] = Object.fromEntries(slot.fields.map((f) => [f, template(row[f], `${name}.${id}.${f}`)]));
      }
      return out;
    }
  }
}

const LOADED = new Map<TextKind, FindingTexts>(TEXT_KINDS.map((k) => [k, loadFindingTexts(k, FINDING_FILES[k])]));
const loaded = (kind: TextKind): FindingTexts => LOADED.get(kind)!;

/** A text slot of `kind` filled with the case values. */
export function findingText<K extends TextKind, S extends TextSlotOf<K>>(
  kind: K,
  slot: S,
  values: ValuesOf<FindingSlots[K][S]>,
): string {
  const t = loaded(kind);
  return fillTemplate(t.slots[slot] as string, values, { file: t.file, entry: slot });
}

/** A list slot of `kind` filled with the case values; entries that come out empty are left out. */
export function findingList<K extends TextKind, S extends ListSlotOf<K>>(
  kind: K,
  slot: S,
  values: ValuesOf<FindingSlots[K][S]>,
): string[] {
  const t = loaded(kind);
  return (t.slots[slot] as string[])
    .map((s, i) => fillTemplate(s, values, { file: t.file, entry: `${slot}[${i}]` }))
    .filter((s) => s !== '');
}

/** A field of one row of a table slot, or undefined when `id` is not in the table. */
export function findingTable<K extends TextKind, S extends TableSlotOf<K>>(
  kind: K,
  slot: S,
  id: TableIdOf<K, S> | (string & {}),
  field: TableFieldOf<K, S>,
  values: ValuesOf<FindingSlots[K][S]>,
): string | undefined {
  const t = loaded(kind);
  const rows = t.slots[slot] as Record<string, Record<string, string>>;
  const row = Object.hasOwn(rows, id) ? rows[id] : undefined;
  return row === undefined
    ? undefined
    : fillTemplate(row[field]!, values, { file: t.file, entry: `${slot}.${id}.${field}` });
}

/** The reference texts of `kind`. */
export function findingReferences(kind: TextKind): string[] {
  return [...loaded(kind).references];
}
