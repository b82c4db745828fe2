import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseDuration, parseTimeBound } from '../../src/cli/parse-options.js';

const parse = suite('cli/parse-options');

parse('durations and bounds from the command line', () => {
  assert.is(parseDuration('2m'), '2 minutes');
  assert.is(parseDuration('90s'), '90 seconds');
  assert.is(parseDuration('1 hour'), '1 hours');
  assert.throws(() => parseDuration('0m'), /not a duration/);
  assert.throws(() => parseDuration('2 fortnights'), /not a duration/);
  assert.is(parseTimeBound('2024-03-01', '--from'), '2024-03-01 00:00:00.000');
  assert.is(parseTimeBound('2024-03-01T10:00+01:00', '--from'), '2024-03-01 09:00:00.000');
  assert.throws(() => parseTimeBound('tomorrow', '--to'), /--to "tomorrow" is not a time/);
});

parse.run();
