/** `dump --threads N`: the same output bytes, damage lines and summary as one thread. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { DumpOptions } from '../../../src/cli/commands/dump.js';
import { EvtxInputError } from '../../../src/evtx/index.js';
import { captureDump } from './capture-dump.js';
import { samplesDir } from '../../../src/paths.js';
import { corpusDir } from '../../evtx/helpers/corpus.js';

const test = suite('dump --threads');

const run = captureDump;

/** Compare one thread with 2 and 3 threads for both formats; returns the single-thread stderr. */
async function same(file: string, extra: Partial<DumpOptions> = {}): Promise<string> {
  let last = '';
  for (const format of ['xml', 'jsonl'] as const) {
    const one = await run(file, { format, ...extra, threads: 1 });
    if (extra.strict !== true) assert.ok(one.out.length > 0, `${file}: output`);
    for (const threads of [2, 3]) {
      const many = await run(file, { format, ...extra, threads });
      assert.ok(
        one.out.equals(many.out),
        `${file} ${format} ${JSON.stringify(extra)} --threads ${threads}: output differs`,
      );
      assert.is(many.err, one.err, `${file} ${format} --threads ${threads}: stderr`);
    }
    last = one.err;
  }
  return last;
}

test('a sample log: same bytes with 1, 2 and 3 threads', async () => {
  await same(join(samplesDir(), 'keyset-dragdrop-0x80090016', 'Security.evtx'));
});

const corpus = corpusDir();
const pick = [
  'sans-blue-team__DeepBlueCLI__evtx__smb-password-guessing-security.evtx', // 49 chunks: several batches
  'omerbenamram__evtx__samples__Application_no_crc32.evtx',
  'omerbenamram__evtx__samples__sysmon.evtx',
  'omerbenamram__evtx__samples__security.evtx',
  'sans-blue-team__DeepBlueCLI__evtx__many-events-application.evtx',
];

test('corpus files: same bytes, warnings and errors (also --strict)', async () => {
  if (corpus === null) return console.log('SKIP dump --threads corpus comparison: no corpus');
  for (const f of pick) await same(join(corpus, 'evtx', f));
  const err = await same(join(corpus, 'evtx', 'omerbenamram__evtx__samples__Application_no_crc32.evtx'), {
    strict: true,
  });
  assert.match(err, /error: .* header CRC32 mismatch/);
});

test('--carve: records already read are dropped across batches as with one thread', async () => {
  if (corpus === null) return console.log('SKIP dump --threads --carve comparison: no corpus');
  // The damaged sample three times over (48 chunks, 3 batches): later copies carve records
  // whose numbers earlier batches already printed.
  const src = readFileSync(join(corpus, 'evtx', 'omerbenamram__evtx__samples__sample_with_a_bad_chunk_magic.evtx'));
  const chunks = src.subarray(4096);
  const file = join(mkdtempSync(join(tmpdir(), 'bindtrail-threads-')), 'triple.evtx');
  writeFileSync(file, Buffer.concat([src, chunks, chunks]));
  const err = await same(file, { carve: true });
  const m = /(\d+) records, (\d+) warnings, (\d+) errors, (\d+) carved\n$/.exec(err);
  assert.ok(m !== null && Number(m[4]) > 0, 'some records carved');
});

test('a missing file is an EvtxInputError with any thread count', async () => {
  try {
    await run(join(tmpdir(), 'no-such-file.evtx'), { format: 'xml', threads: 2 });
    assert.unreachable();
  } catch (e) {
    assert.instance(e, EvtxInputError);
  }
});

test.run();
