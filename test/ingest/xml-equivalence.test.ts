import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { basename, join } from 'node:path';
import { ingestPaths } from '../../src/ingest/index.js';
import { openDatabase, type Database } from '../../src/store/db.js';
import { corpusFiles, rows, scalar, tempDir, writeXmlExport } from './helpers.js';

const eq = suite('ingest/xml-export ≡ evtx');

/** Every column that describes the event itself (not where it was read from). */
const CONTENT = `host, channel, provider, provider_guid, event_source, event_id, qualifiers, version, level, task, opcode,
  keywords, record_id::VARCHAR AS record_id, ts::VARCHAR AS ts, process_id::VARCHAR AS process_id, thread_id::VARCHAR AS thread_id,
  user_sid, activity_id, related_activity_id, data::VARCHAR AS data, params, message`;

/**
 * Known difference: an array value with no items adds no insertion string in the .evtx but
 * renders as an empty element (one "" value) in XML (many-events-application.evtx, RestartManager
 * 10002 `Files/File`), so params are compared without empty strings.
 */
async function contentRows(db: Database): Promise<string[]> {
  const all = await rows(db, `SELECT ${CONTENT} FROM events`);
  return all.map((r) => JSON.stringify({ ...r, params: (r.params as string[]).filter((p) => p !== '') })).sort();
}

eq('every corpus file: the XML export of its records gives the same rows as the .evtx', async () => {
  const files = corpusFiles('xml-export ≡ evtx');
  const t = tempDir();
  try {
    const mismatched: string[] = [];
    for (const f of files) {
      const xml = join(t.dir, basename(f) + '.xml');
      const n = await writeXmlExport(f, xml);
      const a = await openDatabase(':memory:');
      const b = await openDatabase(':memory:');
      try {
        const sa = await ingestPaths(a, [f], { workers: 1 });
        const sb = await ingestPaths(b, [xml]);
        assert.is(sb.files[0]!.kind, 'xml');
        assert.is(sb.files[0]!.records, n, `${basename(f)}: XML records`);
        assert.is(sa.files[0]!.records, n, `${basename(f)}: evtx records`);
        const ra = await contentRows(a);
        const rb = await contentRows(b);
        const setB = new Set(rb);
        const onlyA = ra.filter((r) => !setB.has(r));
        if (onlyA.length > 0 || ra.length !== rb.length)
          mismatched.push(
            `${basename(f)}: ${onlyA.length} of ${ra.length} rows differ, e.g.\n  evtx ${onlyA[0]}\n  xml  ${rb.find((r) => !new Set(ra).has(r))}`,
          );
      } finally {
        a.close();
        b.close();
      }
    }
    assert.equal(mismatched, [], mismatched.join('\n'));
  } finally {
    t.cleanup();
  }
});

eq('the same records from an XML export and the .evtx are kept once', async () => {
  const [f] = corpusFiles('xml duplicates').filter((p) => p.includes('plaso__test_data__evtx__System.evtx'));
  if (!f) return;
  const t = tempDir();
  const db = await openDatabase(':memory:');
  try {
    const xml = join(t.dir, 'System.xml');
    const n = await writeXmlExport(f, xml, false);
    const s = await ingestPaths(db, [f, xml]);
    assert.is(s.failed, 0);
    assert.is(await scalar(db, 'SELECT count(*) FROM events'), n);
    const x = s.files.find((o) => o.kind === 'xml')!;
    assert.is(x.records, n);
    assert.is(x.duplicates, n);
  } finally {
    db.close();
    t.cleanup();
  }
});

eq.run();
