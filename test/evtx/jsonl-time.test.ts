/** JSON lines times: exact seconds and fractions from FILETIME ticks. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { filetimeIso } from '../../src/evtx/render/jsonl.js';

const test = suite('jsonl filetimeIso');

test('ticks to ISO-8601 with 7 fractional digits', () => {
  assert.is(filetimeIso(null), null);
  assert.is(filetimeIso(0n), '1601-01-01T00:00:00.0000000Z');
  assert.is(filetimeIso(116444736000000000n), '1970-01-01T00:00:00.0000000Z');
  assert.is(filetimeIso(116444735999999999n), '1969-12-31T23:59:59.9999999Z');
  assert.is(filetimeIso(129761722582763402n), '2012-03-14T04:17:38.2763402Z');
});

test('a fraction just below the next second stays in its second (no float rounding up)', () => {
  // 394764572579999984 ticks: rounding to a double lands on the next whole second.
  assert.is(filetimeIso(394764572579999984n), '2851-12-17T10:34:17.9999984Z');
  assert.is(filetimeIso(2650467743999999999n), '9999-12-31T23:59:59.9999999Z');
});

test.run();
