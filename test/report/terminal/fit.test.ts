import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  fitColumnWidths,
  renderFittedTable,
  terminalWidth,
  wrapCell,
  type ColumnSpec,
} from '../../../src/report/terminal/fit.js';

const fit = suite('report/terminal/fit');

const SPECS: ColumnSpec[] = [
  { header: '#', min: 1, max: 3, align: 'right' },
  { header: 'level', min: 5, max: 8 },
  { header: 'host', min: 8, max: 24 },
  { header: 'first (UTC)', min: 19, max: 19 },
  { header: 'finding', min: 20, wrap: true },
];
const ROWS = [
  [
    '1',
    'critical',
    'WEB01.contoso.local',
    '2026-03-12 09:14:03',
    'SSL binding deleted by the ABO mapper (0.0.0.0:443); customMetadata 5506 names a certificate that is not in the store',
  ],
  [
    '2',
    'high',
    'A-VERY-LONG-HOST-NAME.example.internal.contoso.local',
    '2026-03-20 06:33:22',
    'Schannel cannot use the SSL private key: 0x80090016 NTE_BAD_KEYSET',
  ],
];

const widthOf = (s: string): number => Math.max(...s.split('\n').map((l) => [...l].length));

fit('terminal width: COLUMNS, else the stream, else 80, never below 80', () => {
  assert.is(terminalWidth({ COLUMNS: '132' }, 100), 132);
  assert.is(terminalWidth({}, 100), 100);
  assert.is(terminalWidth({ COLUMNS: 'wide' }, undefined), 80);
  assert.is(terminalWidth({ COLUMNS: '40' }, 200), 80);
  assert.is(terminalWidth({}, 0), 80);
});

fit('at 80 columns the table fits, the finding wraps and the long host is cut', () => {
  for (const isTTY of [true, false]) {
    const out = renderFittedTable(SPECS, ROWS, { width: 80, isTTY });
    assert.ok(widthOf(out) <= 80, `${isTTY}: ${widthOf(out)}\n${out}`);
    assert.match(out, 'SSL binding deleted');
    assert.ok(out.split('\n').length > (isTTY ? 7 : 4), 'the finding wraps onto more lines');
    const text = out
      .split('\n')
      .map((l) => l.replace(/[│ ]+$/, ''))
      .join(' ');
    for (const word of ['customMetadata', '5506', 'names', 'store']) assert.match(text, word);
    assert.match(out, /A-VERY-LONG-H[^ ]*…/);
    assert.match(out, '2026-03-12 09:14:03');
  }
});

fit('wide terminals get the natural widths', () => {
  const out = renderFittedTable(SPECS, ROWS, { width: 300, isTTY: false });
  assert.is(out.split('\n').length, 4);
  assert.match(out, 'A-VERY-LONG-HOST-NAME.e…');
  const widths = fitColumnWidths(SPECS, ROWS, { width: 300, isTTY: false });
  assert.equal(widths.slice(0, 4), [1, 8, 24, 19]);
});

fit('plain in a pipe: no box-drawing, no ANSI; framed on a TTY', () => {
  const plain = renderFittedTable(SPECS, ROWS, { width: 100, isTTY: false });
  assert.not.match(plain, /[\u2500-\u257f]|\u001b/);
  assert.match(plain.split('\n')[0]!, /^# {2}level/);
  assert.match(plain.split('\n')[1]!, /^- {2}-{8} {2}/);
  const tty = renderFittedTable(SPECS, ROWS, { width: 100, isTTY: true });
  assert.match(tty, /^┌─/);
  assert.match(tty, /┘$/);
  assert.not.match(tty, /\u001b/);
});

fit('wrapping prefers spaces, then path separators', () => {
  assert.equal(wrapCell('the quick brown fox', 10), ['the quick', 'brown fox']);
  assert.equal(wrapCell('C:\\inetpub\\logs\\LogFiles\\W3SVC1', 12), [
    'C:\\inetpub\\',
    'logs\\',
    'LogFiles\\',
    'W3SVC1',
  ]);
  assert.equal(wrapCell('abcdefghij', 4), ['abcd', 'efgh', 'ij']);
});

fit.run();
