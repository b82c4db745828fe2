import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { formatSpan, isoMs } from '../../../src/correlate/diagnosis/time.js';

const t = suite('correlate/diagnosis/time');

/** What Date.parse gives for the time cut to milliseconds (the reading isoMs promises). */
const parsed = (iso: string): number => Date.parse(iso.replace(/\.(\d{3})\d*Z$/, '.$1Z'));

t('the canonical form reads as Date.parse reads it, sub-millisecond digits dropped', () => {
  let ms = Date.UTC(1999, 11, 31, 23, 59, 58, 999);
  for (let i = 0; i < 2000; i++) {
    ms += 7_919_311_123 + i * 13; // steps that cross months, leap days and years
    const iso = `${new Date(ms).toISOString().slice(0, 23)}${String(i % 10_000).padStart(4, '0')}Z`;
    assert.is(isoMs(iso), parsed(iso), iso);
  }
  assert.is(isoMs('2024-02-29T23:59:59.9999999Z'), Date.UTC(2024, 1, 29, 23, 59, 59, 999));
});

t('other forms and impossible dates take the general path', () => {
  assert.is(isoMs('2024-03-01 10:00:00.1234567'), Date.UTC(2024, 2, 1, 10, 0, 0, 123));
  assert.is(isoMs(' 2024-03-01T10:00:00Z '), Date.UTC(2024, 2, 1, 10, 0, 0));
  assert.is(isoMs('2024-03-01T12:00:00.5+02:00'), Date.UTC(2024, 2, 1, 10, 0, 0, 500));
  for (const bad of [
    '2023-02-29T00:00:00.0000000Z',
    '2024-13-01T00:00:00.0000000Z',
    '2024-01-01T24:00:00.0000000Z',
    '2024-01-01T00:00:00.00000x0Z',
  ]) {
    assert.ok(Object.is(isoMs(bad), parsed(bad)), bad);
  }
  assert.ok(Number.isNaN(isoMs('not a time')));
});

t('spans read as a sentence says them', () => {
  assert.is(formatSpan(45_000), '45 s');
  assert.is(formatSpan(-90_000), '90 s');
  assert.is(formatSpan(5 * 60_000), '5 min');
  assert.is(formatSpan(125 * 60_000), '2 h 5 min');
  assert.is(formatSpan(180 * 60_000), '3 h');
});

t.run();
