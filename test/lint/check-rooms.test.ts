import { resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { checkImports, roomOf } from './check-rooms.js';

const t = suite('lint/check-rooms');
const src = resolve('/repo/src');
const file = (rel: string): string => resolve(src, rel);

t('the room of a file is its first folder under src/, or its name at the root', () => {
  assert.is(roomOf(src, file('evtx/binxml/compile.ts')), 'evtx');
  assert.is(roomOf(src, file('index.ts')), 'index');
});

t('imports a room may not make are reported with their line', () => {
  const text = "import { x } from '../report/render-md.js';\nimport type { Finding } from '../model/index.js';\n";
  const breaches = checkImports(src, file('correlate/abo-chain.ts'), text);
  assert.equal(
    breaches.map((b) => [b.line, b.message]),
    [[1, 'correlate may not import report ("../report/render-md.js")']],
  );
});

t('packages, dynamic imports and re-exports are checked too; node: built-ins are always allowed', () => {
  const text = [
    "import { readFileSync } from 'node:fs';",
    "import type { DuckDBConnection } from '@duckdb/node-api';",
    "export { crc32 } from '../util/crc.js';",
    "const m = await import('../store/db.js');",
  ].join('\n');
  const messages = checkImports(src, file('ingest/load-file.ts'), text).map((b) => b.message);
  assert.equal(messages, ['ingest may not import @duckdb/node-api ("@duckdb/node-api")']);
  const evtx = checkImports(src, file('evtx/parser.ts'), "import { InputError } from '../errors.js';").map(
    (b) => b.message,
  );
  assert.equal(evtx, ['evtx may not import errors ("../errors.js")']);
});

t('a cast through unknown in ingest is a breach', () => {
  const breaches = checkImports(src, file('ingest/evtx-units.ts'), 'const r = rec as unknown as Private;');
  assert.is(breaches.length, 1);
  assert.match(breaches[0]!.message, /as unknown as/);
});

t('a room without a rule is reported', () => {
  assert.match(checkImports(src, file('newroom/x.ts'), '')[0]!.message, /no import rule/);
});

t.run();
