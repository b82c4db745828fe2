import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../../src/paths.js';
import { ERROR_CODE_PLACEHOLDERS, loadErrorCodes } from '../../src/knowledge/error-codes.js';
import { KnowledgeError } from '../../src/knowledge/errors.js';
import { FINDING_SLOTS, TEXT_KINDS, type Slot, type TextKind } from '../../src/knowledge/finding-slots.js';
import { FINDING_FILES, loadFindingTexts } from '../../src/knowledge/finding-texts.js';
import { loadReferences } from '../../src/knowledge/references.js';

const t = suite('knowledge/data');
const SOURCE = join(packageRoot(), 'src/knowledge/data');
const BUILT = fileURLToPath(new URL('../../src/knowledge/data', import.meta.url));

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)],
  );
const walk = (root: string): string[] => files(root).map((p) => relative(root, p).split('\\').join('/'));
const read = (name: string): unknown => JSON.parse(readFileSync(join(SOURCE, name), 'utf8'));
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Every `{name}` written in a data file's strings (the same pattern the template function fills). */
function namesIn(value: unknown): string[] {
  if (typeof value === 'string')
    return [...value.matchAll(/\{([A-Za-z][A-Za-z0-9]*)(?:\|[^{}]*)?\}/g)].map((m) => m[1]!);
  if (Array.isArray(value)) return value.flatMap(namesIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(namesIn);
  return [];
}

function throwsKnowledge(f: () => unknown, ...parts: string[]): void {
  try {
    f();
  } catch (e) {
    assert.instance(e, KnowledgeError);
    for (const p of parts) assert.match((e as Error).message, p);
    return;
  }
  assert.unreachable(`expected a KnowledgeError with ${parts.join(', ')}`);
}

t('every data file is JSON, goes through its loader and ships with the build', () => {
  const all = walk(SOURCE).sort();
  assert.equal(walk(BUILT).sort(), all, 'dist/src/knowledge/data holds every data file');
  const refs = loadReferences(read('references.json'));
  loadErrorCodes(read('error-codes.json'), 'data/error-codes.json', refs);
  const findingFiles = all.filter((f) => f.startsWith('findings/'));
  assert.equal(findingFiles, TEXT_KINDS.map((k) => `findings/${k}.json`).sort(), 'one file per finding kind, no other');
  for (const kind of TEXT_KINDS) {
    const loaded = loadFindingTexts(kind, read(`findings/${kind}.json`), undefined, refs);
    assert.equal(read(`findings/${kind}.json`), FINDING_FILES[kind], `${kind}: the module imports the file`);
    assert.ok(loaded.description, `${kind}: a description for reviewers`);
  }
  assert.equal(
    all.filter((f) => !f.startsWith('findings/')),
    ['error-codes.json', 'references.json'],
  );
});

t('every placeholder in the data is a value the code fills for its slot', () => {
  for (const kind of TEXT_KINDS) {
    const data = read(`findings/${kind}.json`) as Record<string, unknown>;
    const slots: Record<string, Slot> = FINDING_SLOTS[kind];
    for (const [name, slot] of Object.entries(slots)) {
      for (const n of namesIn(data[name]))
        assert.ok(slot.values.includes(n), `${kind}.${name}: {${n}} is not filled by the code`);
    }
    assert.equal(namesIn(data.references), [], `${kind}: references are ids`);
  }
  for (const n of namesIn(read('error-codes.json')))
    assert.ok(ERROR_CODE_PLACEHOLDERS.includes(n), `error-codes.json: {${n}}`);
});

t('every reference is cited, every cited reference exists', () => {
  const ids = [...loadReferences(read('references.json')).keys()];
  const codes = read('error-codes.json') as { errorCodes: { references: string[] }[] };
  const cited = new Set([
    ...codes.errorCodes.flatMap((e) => e.references),
    ...TEXT_KINDS.flatMap((k) => (read(`findings/${k}.json`) as { references: string[] }).references),
  ]);
  assert.equal(
    [...cited].filter((id) => !ids.includes(id)),
    [],
  );
  assert.equal(
    ids.filter((id) => !cited.has(id)),
    [],
  );
});

t('a malformed finding file fails naming the file and the entry', () => {
  const kind: TextKind = 'abo-binding-deleted';
  const good = read(`findings/${kind}.json`) as Record<string, unknown>;
  const file = 'data/findings/abo-binding-deleted.json';
  const bad = (edit: (d: Record<string, unknown>) => void): Record<string, unknown> => {
    const d = clone(good);
    edit(d);
    return d;
  };
  throwsKnowledge(
    () =>
      loadFindingTexts(
        kind,
        bad((d) => (d.title = 'deleted {endpoint}')),
      ),
    file,
    'title',
    '{endpoint}',
    'it fills: {endpoints}',
  );
  throwsKnowledge(
    () =>
      loadFindingTexts(
        kind,
        bad((d) => ((d.remedies as string[])[1] = 'x [[y]]')),
      ),
    'remedies[1]',
    'names no value',
  );
  throwsKnowledge(
    () =>
      loadFindingTexts(
        kind,
        bad((d) => delete d.cause),
      ),
    file,
    'missing "cause"',
  );
  throwsKnowledge(
    () =>
      loadFindingTexts(
        kind,
        bad((d) => (d.remedy = [])),
      ),
    'unknown field "remedy"',
  );
  throwsKnowledge(
    () =>
      loadFindingTexts(
        kind,
        bad((d) => (d.kind = 'abo-binding-rebound')),
      ),
    'kind',
    'expected "abo-binding-deleted"',
  );
  throwsKnowledge(
    () =>
      loadFindingTexts(
        kind,
        bad((d) => (d.references = ['kb-0'])),
      ),
    'unknown reference "kb-0"',
  );
  throwsKnowledge(
    () =>
      loadFindingTexts(
        kind,
        bad((d) => (d.remedies = 'x')),
      ),
    'remedies',
    'expected a list',
  );
  const cert = clone(read('findings/config-certificate-problem.json')) as { issues: Record<string, unknown> };
  delete cert.issues.expired;
  throwsKnowledge(() => loadFindingTexts('config-certificate-problem', cert), 'issues', 'missing "expired"');
});

t('malformed error codes and references fail naming the file and the entry', () => {
  const codes = read('error-codes.json') as { errorCodes: Record<string, unknown>[] };
  // biome-ignore lint/suspicious/noExplicitAny: the edits reach into arbitrary nested JSON
  const bad = (edit: (d: { errorCodes: Record<string, any>[] }) => void): unknown => {
    const d = clone(codes);
    edit(d);
    return d;
  };
  throwsKnowledge(
    () => loadErrorCodes(bad((d) => (d.errorCodes[0]!.code = '0x8009001a'))),
    'data/error-codes.json',
    'errorCodes[0].code',
  );
  throwsKnowledge(
    () => loadErrorCodes(bad((d) => d.errorCodes.push(clone(d.errorCodes[0]!)))),
    '0x80090016',
    'duplicate code',
  );
  throwsKnowledge(
    () => loadErrorCodes(bad((d) => (d.errorCodes[1]!.causes[2].remedies = []))),
    '0x8009030D causes[2].remedies',
    'one entry at least',
  );
  throwsKnowledge(
    () => loadErrorCodes(bad((d) => (d.errorCodes[0]!.causes[0].summary = 'moved {thumbprint}'))),
    '0x80090016 causes[0].summary',
    '{thumbprint}',
  );
  throwsKnowledge(
    () =>
      loadErrorCodes(bad((d) => (d.errorCodes[0]!.causes[1].id = 'private-key-missing'.replace('private', 'Private')))),
    'causes[1].id',
  );
  throwsKnowledge(
    () => loadErrorCodes(bad((d) => (d.errorCodes[0]!.causes[1].id = 'keyset-left-in-user-store'))),
    '0x80090016 causes',
    'duplicate cause id',
  );
  const refs = read('references.json') as { references: Record<string, string>[] };
  throwsKnowledge(
    () => loadReferences({ references: [...refs.references, refs.references[0]] }),
    'data/references.json',
    'duplicate id',
  );
  throwsKnowledge(
    () => loadReferences({ references: [{ id: 'kb-1', text: 'KB 1', url: 'javascript:alert(1)' }] }),
    'kb-1.url',
  );
  throwsKnowledge(
    () => loadReferences({ references: [{ id: 'kb-1', text: 'KB 1', url: 'https://example.org/kb1' }] }),
    'kb-1',
    'does not show the url',
  );
});

t.run();
