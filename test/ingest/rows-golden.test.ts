/**
 * Every column of every `events` row, for a fixed set of corpus logs and sample folders, against
 * digests saved in test/expected/ingest-rows.json. Any change in a value (a number, a time, a
 * character of the data JSON, an insertion string, a message) changes a column digest.
 *
 * Regenerate only when a change of content is intended:
 *   BINDTRAIL_UPDATE_GOLDEN=1 node_modules/.bin/uvu dist/test/ingest rows-golden
 * On a mismatch the ordered dump of the case is written to $TMPDIR/bindtrail-rows-<case>.tsv.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ingestPaths } from '../../src/ingest/index.js';
import { packageRoot, samplesDir } from '../../src/paths.js';
import { openDatabase } from '../../src/store/db.js';
import { EVENT_COLUMNS } from '../../src/store/row-batch.js';
import { corpusDir } from './helpers.js';

const s = suite('ingest/rows-golden');

interface Case {
  name: string;
  inputs: () => string[] | null;
  carve?: boolean;
}

const corpus = (f: string) => (): string[] | null => {
  const p = join(corpusDir(), 'evtx', f);
  return existsSync(p) ? [p] : null;
};
const sample = (f: string) => (): string[] | null => {
  const p = join(samplesDir(), f);
  return existsSync(p) ? [p] : null;
};

/** Chosen for breadth: 125 templates with Binary/WString[]/Int64 (System), AnsiString/SYSTEMTIME
 * (LiveId), Security-Auditing with messages, damaged chunks carved, XML exports beside .evtx. */
const CASES: Case[] = [
  { name: 'plaso-system', inputs: corpus('log2timeline__plaso__test_data__evtx__System.evtx') },
  { name: 'issue-39-liveid', inputs: corpus('williballenthin__python-evtx__tests__data__issue_39.evtx') },
  { name: 'omer-security', inputs: corpus('omerbenamram__evtx__samples__security.evtx') },
  {
    name: 'bad-chunk-magic-carved',
    inputs: corpus('omerbenamram__evtx__samples__sample_with_a_bad_chunk_magic.evtx'),
    carve: true,
  },
  { name: 'sample-two-hosts', inputs: sample('two-hosts') },
  { name: 'sample-abo-5506-iisadmin', inputs: sample('abo-5506-iisadmin') },
];

const EXPECTED = join(packageRoot(), 'test', 'expected', 'ingest-rows.json');
type Digests = Record<string, { rows: number; columns: Record<string, string> }>;

/** One line per row, tab-separated, every column as exact text (lists as JSON), in file order. */
async function dump(inputs: string[], carve: boolean): Promise<string[][]> {
  const db = await openDatabase(':memory:');
  try {
    await ingestPaths(db, inputs, { carve });
    const cols = EVENT_COLUMNS.map(([n]) => n).filter((n) => n !== 'file_id');
    const sel = cols.map((n) => (n === 'params' ? `to_json(e.params)::VARCHAR` : `e.${n}::VARCHAR`)).join(', ');
    const r = await db.conn.runAndReadAll(
      `SELECT f.path, ${sel} FROM events e JOIN files f USING (file_id)
       ORDER BY f.path, e.file_offset NULLS LAST, e.recovered, e.record_id, e.ts, e.data, e.message`,
    );
    const root = packageRoot();
    return r
      .getRows()
      .map((row) =>
        row.map((v, i) =>
          i === 0
            ? relative(root, String(v)).replace(/^.*shared\/corpus\//, 'corpus/')
            : v === null
              ? '\\N'
              : String(v),
        ),
      );
  } finally {
    db.close();
  }
}

function digests(rows: string[][]): { rows: number; columns: Record<string, string> } {
  const names = ['file', ...EVENT_COLUMNS.map(([n]) => n).filter((n) => n !== 'file_id')];
  const columns: Record<string, string> = {};
  names.forEach((n, i) => {
    const h = createHash('sha256');
    for (const r of rows) h.update(r[i]!).update('\u0000');
    columns[n] = h.digest('hex');
  });
  return { rows: rows.length, columns };
}

s('events rows are unchanged, column by column', async () => {
  const update = process.env.BINDTRAIL_UPDATE_GOLDEN === '1';
  const saved: Digests = existsSync(EXPECTED) ? (JSON.parse(readFileSync(EXPECTED, 'utf8')) as Digests) : {};
  const now: Digests = {};
  let checked = 0;
  for (const c of CASES) {
    const inputs = c.inputs();
    if (inputs === null) {
      console.log(`SKIP ingest/rows-golden ${c.name}: input not found (corpus or samples absent)`);
      if (saved[c.name]) now[c.name] = saved[c.name]!;
      continue;
    }
    const rows = await dump(inputs, c.carve ?? false);
    const d = (now[c.name] = digests(rows));
    if (update) continue;
    const want = saved[c.name];
    assert.ok(want, `${c.name}: no saved digests in ${EXPECTED}`);
    const bad = Object.keys(want.columns).filter((k) => want.columns[k] !== d.columns[k]);
    if (d.rows !== want.rows || bad.length > 0) {
      const out = join(tmpdir(), `bindtrail-rows-${c.name}.tsv`);
      writeFileSync(out, rows.map((r) => r.join('\t')).join('\n') + '\n');
      assert.unreachable(
        `${c.name}: rows ${d.rows} (expected ${want.rows}); columns differing: ${bad.join(', ') || 'none'}; dump in ${out}`,
      );
    }
    checked++;
  }
  if (update) {
    writeFileSync(EXPECTED, JSON.stringify(now, null, 1) + '\n');
    console.log(`rows-golden: wrote ${EXPECTED}`);
  } else if (checked === 0) console.log('SKIP ingest/rows-golden: no input found');
});

s.run();
