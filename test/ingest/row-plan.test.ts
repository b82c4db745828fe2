/**
 * The row-plan extraction (EvtxRecord.flatInto) against the general path (record.event()
 * then ingest's conversion) for every record of the corpus: same fields, same data JSON text,
 * same insertion strings, same message, same warnings.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { flatDataJson, flatEvent, readEvtxChunks } from '../../src/evtx/index.js';
import { dataJson } from '../../src/ingest/event-row.js';
import { renderMessage } from '../../src/ingest/messages/render.js';
import { corpusFiles } from './helpers.js';

const s = suite('ingest/row-plan');

s('every corpus record: planned extraction = event() + row conversion', async () => {
  let planned = 0;
  let general = 0;
  const flat = flatEvent();
  for (const file of corpusFiles('ingest/row-plan')) {
    for await (const items of readEvtxChunks(file, { carve: true })) {
      for (const it of items) {
        if (it.kind !== 'record') continue;
        const start = it.warnings.length;
        if (!it.flatInto(flat)) {
          general++;
          continue;
        }
        planned++;
        const found = it.warnings.slice(start);
        const before = it.warnings.length;
        const ev = it.event();
        const where = `${file} @0x${it.offset.toString(16)}`;
        const data = ev.data === null ? null : dataJson(ev.data);
        const message = renderMessage(ev.provider, ev.eventSourceName, ev.eventId, ev.values, ev.data);
        const {
          hasData: _h,
          values,
          keys: _k,
          keyJson: _j,
          keyBytes: _b,
          leaves: _l,
          valueLeaf: _v,
          keySource: _s,
          ...fields
        } = flat;
        const fj = flatDataJson(flat);
        const { data: _d, values: evValues, ...evFields } = ev;
        assert.equal(fields, evFields, where);
        assert.is(fj, data, `${where} data`);
        assert.equal(values, evValues, `${where} values`);
        assert.equal(found, it.warnings.slice(before), `${where} warnings`);
        const fm = renderMessage(
          flat.provider,
          flat.eventSourceName,
          flat.eventId,
          flat.values,
          Object.fromEntries(flat.keys.map((k, i) => [k, flat.leaves[i]!])),
        );
        if (flat.hasData) assert.is(fm, message, `${where} message`);
      }
    }
  }
  if (planned + general > 0) assert.ok(planned > general * 5, `planned ${planned}, general ${general}`);
});

s.run();
