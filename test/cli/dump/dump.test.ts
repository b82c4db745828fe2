/** `bindtrail dump`: output per line, summary on stderr, errors for non-EVTX input. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { DumpOptions } from '../../../src/cli/commands/dump.js';
import { EvtxInputError } from '../../../src/evtx/index.js';
import { captureDump } from './capture-dump.js';
import { chunk, evtxFile, record, templateInstance } from '../../evtx/helpers/build.js';

const test = suite('dump command');

function sample(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bindtrail-dump-'));
  const body = (d: import('../../evtx/helpers/build.js').BinXml): void => {
    d.open('Event', false).closeStart().open('EventData', false).closeStart();
    d.open('Data', true).attr('Name').text('Line').closeStart().sub(0, 0x01).end().end().end();
  };
  const text = (s: string): number[] => [...s].flatMap((c) => [c.charCodeAt(0), 0]);
  const r1 = record(512, 1n, (w) => templateInstance(w, [{ type: 1, bytes: text('one\r\ntwo') }], body));
  const r2 = record(512 + r1.length, 2n, (w) => templateInstance(w, [{ type: 1, bytes: text('x') }], 512 + 24 + 10));
  const bad = record(512 + r1.length + r2.length, 3n, (w) => templateInstance(w, [], 0x9000));
  const file = join(dir, 'a.evtx');
  writeFileSync(file, evtxFile([chunk([r1, r2, bad])]));
  return file;
}

const run = async (file: string, opts: DumpOptions): Promise<{ out: string; err: string }> => {
  const r = await captureDump(file, opts);
  return { out: r.out.toString('utf8'), err: r.err };
};

test('xml: one event per line in file order, damage on stderr with a summary', async () => {
  const { out, err } = await run(sample(), { format: 'xml' });
  assert.equal(out.trimEnd().split('\n'), [
    '<Event><EventData><Data Name="Line">one&#13;&#10;two</Data></EventData></Event>',
    '<Event><EventData><Data Name="Line">x</Data></EventData></Event>',
  ]);
  assert.match(err, /^error: .*a\.evtx @ 0x[0-9a-f]+: chunk 0 record 3/m);
  assert.match(err, /2 records, 0 warnings, 1 errors\n$/);
});

test('jsonl: record location plus the normalised event', async () => {
  const { out, err } = await run(sample(), { format: 'jsonl', carve: true });
  const lines = out
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.is(lines.length, 2);
  assert.is(lines[0]!.recordId, 1);
  assert.is(lines[0]!.chunk, 0);
  assert.is(lines[0]!.offset, 4096 + 512);
  assert.is(lines[0]!.carved, false);
  assert.equal(lines[0]!.data, { Line: 'one\r\ntwo' });
  assert.equal(lines[1]!.values, ['x']);
  assert.match(err, /2 records, 0 warnings, 1 errors, 0 carved\n$/);
});

test('missing and non-EVTX files are InputErrors naming the file and offset', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bindtrail-dump-'));
  const txt = join(dir, 'notes.txt');
  writeFileSync(txt, 'hello '.repeat(100));
  for (const f of [txt, join(dir, 'missing.evtx')]) {
    try {
      await run(f, { format: 'xml' });
      assert.unreachable();
    } catch (e) {
      assert.instance(e, EvtxInputError);
      assert.is((e as EvtxInputError).file, f);
      assert.is((e as EvtxInputError).offset, 0);
    }
  }
});

test.run();
