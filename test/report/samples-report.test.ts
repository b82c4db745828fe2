/**
 * Every bundled sample's report in the three formats: the answer block comes first, no
 * `<IP:port>`/`<thumbprint>`-style placeholder is left anywhere, every host has a timeline lane,
 * and an incident's answer gives commands or names the artefact to collect.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildReportModel } from '../../src/correlate/build-report.js';
import { ingestPaths } from '../../src/ingest/index.js';
import { samplesDir } from '../../src/paths.js';
import { renderHtml } from '../../src/report/render-html.js';
import { renderJson } from '../../src/report/render-json.js';
import { renderMarkdown } from '../../src/report/render-md.js';
import { openDatabase } from '../../src/store/db.js';

/** Placeholders the knowledge texts used to carry (`<IP:port>`, `<thumbprint>`, `appid={…}`), raw or HTML-escaped. */
const WORDS = '(?:IP:port|thumbprint|code|hash|endpoint|application GUID)';
const PLACEHOLDER_TEXT = new RegExp(`<${WORDS}[^>]*>|appid=\\{…\\}|=<|=\\{<`, 'i');
const PLACEHOLDER_HTML = new RegExp(`&lt;${WORDS}.*?&gt;|appid=\\{…\\}|=&lt;|=\\{&lt;`, 'i');

const t = suite('report/samples-report');
const root = samplesDir();
const names = existsSync(root) ? readdirSync(root).filter((d) => existsSync(join(root, d, 'expected.json'))) : [];

t('the samples are there', () => {
  assert.ok(names.length >= 8, `${names.length} samples in ${root}`);
});

for (const name of names.sort()) {
  t(`${name}: answer first, no placeholder, a lane per host`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bindtrail-report-sample-'));
    const db = await openDatabase(join(dir, 'sample.duckdb'));
    try {
      await ingestPaths(db, [join(root, name)]);
      const model = await buildReportModel(db.conn, { generatedAt: '2026-01-01T00:00:00.000Z' });
      const html = renderHtml(model);
      const md = renderMarkdown(model);
      const json = renderJson(model);
      for (const [format, text] of [
        ['html', html],
        ['md', md],
        ['json', json],
      ] as const) {
        const m = (format === 'html' ? PLACEHOLDER_HTML : PLACEHOLDER_TEXT).exec(text);
        assert.is(
          m,
          null,
          `${format} holds the placeholder ${m?.[0]} near "${m ? text.slice(Math.max(0, m.index - 80), m.index + 40) : ''}"`,
        );
      }
      const answerAt = html.indexOf('<section id="answer"');
      assert.ok(answerAt > 0, 'html has the answer block');
      for (const other of ['<nav', '<section id="summary"', '<section id="timeline"', '<section id="findings"'])
        assert.ok(html.indexOf(other) > answerAt, `${other} after the answer`);
      assert.ok(html.indexOf('<section id="appendix"') > html.indexOf('<section id="events"'), 'files in the appendix');
      assert.ok(md.indexOf('## What happened and what to do now') < md.indexOf('## Executive summary'));
      const lanes = Number(/data-lanes="(\d+)"/.exec(html)?.[1] ?? 0);
      assert.ok(lanes >= model.hosts.length, `${lanes} lanes for ${model.hosts.length} hosts`);
      for (const h of model.hosts) assert.ok(html.includes(`>${h.host}</text>`), `lane of ${h.host}`);
      const answer = (JSON.parse(json) as { answer: { incidents: Array<Record<string, unknown[]>> } }).answer;
      const incident = model.findings.some((f) => f.level === 'critical' || f.level === 'high');
      assert.is(answer.incidents.length > 0, incident, 'an incident for each critical/high finding');
      for (const inc of answer.incidents)
        assert.ok(inc.actions!.length + inc.missing!.length > 0, 'commands or the artefact to collect');
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

t.run();
