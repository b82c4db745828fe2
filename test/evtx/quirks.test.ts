/**
 * Quirk samples of the shared corpus (omerbenamram/evtx samples named after their damage and
 * others): exact record / error / warning counts, lenient, strict and carving.
 */
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { ReadOptions } from '../../src/evtx/items.js';
import { readEvtx } from '../../src/evtx/index.js';
import { corpusDir } from './helpers/corpus.js';

const test = suite('evtx quirk samples');

interface Tally {
  ok: number;
  err: number;
  warn: number;
  carved: number;
}

/** [file stem, lenient ok/err/warn, strict ok/err, carving ok/carved, what the sample shows] */
const TABLE: [string, [number, number, number], [number, number], [number, number], string][] = [
  [
    'omerbenamram__evtx__samples__sample_with_a_bad_chunk_magic',
    // 270 records in the Rust evtx crate, whose 270th (46741) is a shell with no record id or
    // time: its substitution values are all zero bytes. Here it is an error, not a record.
    [269, 2, 5],
    [129, 3],
    [350, 81],
    'bad magic in blocks 6 and 10, CRC mismatches, size copies of 0, one record overwritten',
  ],
  [
    'omerbenamram__evtx__samples__Application_no_crc32',
    [17, 0, 1],
    [0, 1],
    [17, 0],
    'no-CRC flag with stale checksums',
  ],
  [
    'omerbenamram__evtx__samples__security_bad_string_cache',
    [2261, 0, 1],
    [2170, 1],
    [2261, 0],
    'chunk 0 header CRC broken (string cache)',
  ],
  [
    'omerbenamram__evtx__samples__sample-with-irregular-bool-values',
    [3028, 0, 0],
    [3028, 0],
    [3028, 0],
    'Bool values other than 0/1',
  ],
  [
    'omerbenamram__evtx__samples__sample-with-zero-data-size-event',
    [335, 1, 1],
    [333, 1],
    [449, 114],
    'a record header with size 0',
  ],
  ['omerbenamram__evtx__samples__Security_with_size_t', [636, 0, 0], [636, 0], [636, 0], 'size_t values'],
  [
    'omerbenamram__evtx__samples__2-vss_7-System',
    [1160, 0, 0],
    [1160, 0],
    [1160, 0],
    'dirty, 7 chunks beyond the header count',
  ],
  [
    'omerbenamram__evtx__samples__2-vss_0-Microsoft-Windows-RemoteDesktopServices-RdpCoreTS_4Operational',
    [1910, 2, 2],
    [1719, 2],
    [1967, 57],
    'two records with broken sizes',
  ],
  ['omerbenamram__evtx__samples__sysmon', [358, 0, 8], [358, 0], [358, 0], 'blocks 9-16 are not chunks'],
  ['omerbenamram__evtx__samples__MSExchange_Management_wec', [1, 0, 0], [1, 0], [1, 0], 'record with no template'],
  [
    'mdecrevoisier__EVTX-to-MITRE-Attack__Antivirus__ID1151-Defender_health_status',
    [455, 0, 0],
    [455, 0],
    [455, 0],
    'all records with no template',
  ],
  [
    'log2timeline__plaso__test_data__evtx__System2',
    [283, 1, 2],
    [194, 1],
    [283, 0],
    'file cut to 200,000 bytes, header says 96 chunks',
  ],
  [
    'williballenthin__python-evtx__tests__data__issue_43',
    [1730, 0, 0],
    [1730, 0],
    [1730, 0],
    'unpaired UTF-16 surrogate',
  ],
  [
    'williballenthin__python-evtx__tests__data__dns_log_malformed',
    [5, 0, 0],
    [5, 0],
    [5, 0],
    'ANSI strings with bytes > 0x7f',
  ],
];

async function tally(path: string, opts: ReadOptions): Promise<Tally> {
  const t: Tally = { ok: 0, err: 0, warn: 0, carved: 0 };
  for await (const it of readEvtx(path, opts)) {
    if (it.kind === 'record') {
      t.ok++;
      if (it.carved) t.carved++;
      it.xml();
      it.event();
    } else if (it.kind === 'error') t.err++;
    else t.warn++;
  }
  return t;
}

const dir = corpusDir();
if (dir === null) {
  test('corpus', () => console.log('SKIP evtx quirk samples: ../shared/corpus not found (set BINDTRAIL_CORPUS)'));
} else {
  for (const [stem, lenient, strict, carve, what] of TABLE) {
    test(`${stem} (${what})`, async () => {
      const path = join(dir, 'evtx', `${stem}.evtx`);
      const l = await tally(path, {});
      assert.equal([l.ok, l.err, l.warn], lenient, 'lenient ok/err/warn');
      const s = await tally(path, { strict: true });
      assert.equal([s.ok, s.err], strict, 'strict ok/err');
      const c = await tally(path, { carve: true });
      assert.equal([c.ok, c.carved], carve, 'carving ok/carved');
    });
  }
}

if (dir !== null) {
  test('a record whose values are all zero is an error naming it, never a record', async () => {
    const path = join(dir, 'evtx', 'omerbenamram__evtx__samples__sample_with_a_bad_chunk_magic.evtx');
    const ids: bigint[] = [];
    const shell: string[] = [];
    for await (const it of readEvtx(path)) {
      if (it.kind === 'record') {
        ids.push(it.recordId);
        assert.ok(it.event().eventRecordId !== null, `record ${it.recordId} has an EventRecordID`);
      } else if (it.kind === 'error' && it.recordId === 46741n) shell.push(it.message);
    }
    assert.not.ok(ids.includes(46741n));
    assert.ok(ids.includes(47640n) && ids.includes(45933n), 'size copy 0 with sound values: rendered');
    assert.equal(shell, [
      'chunk 0 record 46741: record size 472 does not match its copy 0, and all its substitution values are zero (overwritten): not rendered',
    ]);
  });
}

test.run();
