import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { ReportModel } from '../../src/model/index.js';
import { JSON_KEY_ORDER, renderJson } from '../../src/report/render-json.js';
import { FIXTURES, aboTwoHosts, configOnly } from './fixtures.js';
import { expectGolden } from './golden.js';

const json = suite('report/render-json');

for (const [name, build] of Object.entries(FIXTURES)) {
  json(`golden: ${name}.json`, () => {
    expectGolden(`${name}.json`, renderJson(build()));
  });
}

/** The same object with its keys in reverse order, recursively. */
function reversed(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reversed);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v)
        .reverse()
        .map(([k, x]) => [k, reversed(x)]),
    );
  }
  return v;
}

json('output does not depend on the key order of the model', () => {
  const m = aboTwoHosts();
  assert.is(renderJson(reversed(m) as ReportModel), renderJson(m));
});

json('key order, 2-space indent, trailing newline, schemaVersion first', () => {
  const out = renderJson(aboTwoHosts());
  assert.ok(out.startsWith('{\n  "schemaVersion": 2,\n  "tool": {'));
  assert.ok(out.endsWith('}\n'));
  const parsed = JSON.parse(out) as Record<string, unknown>;
  assert.equal(Object.keys(parsed), [...JSON_KEY_ORDER.report]);
  const finding = (parsed.findings as Array<Record<string, unknown>>)[0]!;
  assert.equal(Object.keys(finding), [...JSON_KEY_ORDER.finding]);
  assert.equal(Object.keys((finding.evidence as object[])[0]!), [...JSON_KEY_ORDER.evidence]);
  assert.equal(Object.keys((parsed.summary as Record<string, object>).findingsByLevel!), [
    'critical',
    'high',
    'medium',
    'low',
    'info',
  ]);
});

json('round trip: the JSON holds the model, absent optional fields as null', () => {
  const m = configOnly();
  const back = JSON.parse(renderJson(m)) as ReportModel & { answer?: unknown };
  assert.ok(back.answer, 'the answer block is in the JSON');
  delete back.answer;
  assert.equal(back.findings[0]!.evidence[0]!.provider, null);
  assert.equal(back.findings[0]!.evidence[0]!.eventId, null);
  back.findings.forEach((f) =>
    f.evidence.forEach((e) => {
      delete e.provider;
      delete e.eventId;
    }),
  );
  assert.equal(back, m);
});

json('keys the model gains later are kept, after the known ones, sorted', () => {
  const m = aboTwoHosts() as ReportModel & { zeta?: number; alpha?: { b: number; a: bigint } };
  m.zeta = 1;
  m.alpha = { b: 2, a: 3n };
  const keys = Object.keys(JSON.parse(renderJson(m)) as object);
  assert.equal(keys.slice(-2), ['alpha', 'zeta']);
  assert.match(renderJson(m), '"alpha": {\n    "a": "3",\n    "b": 2\n  }');
});

json('the answer block as data: incidents with cause, outage windows and filled-in commands', () => {
  const parsed = JSON.parse(renderJson(aboTwoHosts())) as {
    answer: {
      incidents: Array<{ cause: string; host: string; outages: unknown[]; actions: unknown[]; missing: unknown[] }>;
    };
    findings: Array<{ level: string }>;
  };
  assert.ok(parsed.answer.incidents.length >= 2, 'one incident per host');
  for (const inc of parsed.answer.incidents) {
    assert.ok(inc.cause.length > 0 && inc.outages.length > 0);
    assert.ok(inc.actions.length + inc.missing.length > 0);
  }
  const ranks = parsed.findings.map((f) => ['critical', 'high', 'medium', 'low', 'info'].indexOf(f.level));
  assert.equal(
    ranks,
    [...ranks].sort((a, b) => a - b),
    'findings by level',
  );
});

json.run();
