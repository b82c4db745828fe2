import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { UsageError } from '../../src/errors.js';
import { renderMarkdown } from '../../src/report/render-md.js';
import { FIXTURES, HOSTILE, aboTwoHosts, healthy, hostile } from './fixtures.js';
import { expectGolden } from './golden.js';

const md = suite('report/render-md');

for (const [name, build] of Object.entries(FIXTURES)) {
  md(`golden: ${name}.md`, () => {
    expectGolden(`${name}.md`, renderMarkdown(build()));
  });
}

md('golden: local times beside UTC when a zone is given', () => {
  const out = renderMarkdown(aboTwoHosts(), { timeZone: 'Europe/Berlin' });
  assert.match(out, '| 2024-03-12 06:58:11.5000000 | 2024-03-12 07:58:11.500 +01:00 |');
  expectGolden('abo-two-hosts.europe-berlin.md', out);
});

md('the model zone is used when no option is given; UTC means UTC only', () => {
  const m = aboTwoHosts();
  m.timeZone = 'America/New_York';
  assert.match(renderMarkdown(m), 'Local time (America/New\\_York)');
  assert.not.match(renderMarkdown(m, { timeZone: 'UTC' }), 'Local time');
});

md('an unknown zone is a usage error', () => {
  assert.throws(
    () => renderMarkdown(healthy(), { timeZone: 'Mars/Olympus' }),
    (e: unknown) => e instanceof UsageError && /Mars\/Olympus/.test(e.message),
  );
});

md('hostile strings stay literal text: no raw HTML, no link, one cell per column', () => {
  const out = renderMarkdown(hostile());
  assert.not.match(out, /(?<!\\)<(script|img|svg|\/title|\/style)/);
  assert.not.match(out, /(?<!\\)\]\(javascript:/);
  assert.not.match(out, '\u001b');
  assert.not.match(out, '\u202E');
  assert.match(out, '\\<script\\>');
  assert.match(out, '\\[click\\](javascript:alert(1)) \\*\\*bold\\*\\* \\| pipe \\`code\\`');
  assert.match(out, '- \\# not a heading');
  // Every table row has as many unescaped pipes as its header row.
  const lines = out.split('\n');
  lines.forEach((line, i) => {
    if (!line.startsWith('| ') || lines[i - 1]?.startsWith('|')) return;
    const cells = (l: string): number => l.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length;
    for (let j = i + 1; j < lines.length && lines[j]!.startsWith('|'); j++) {
      assert.is(cells(lines[j]!), cells(line), `row ${j + 1}: ${lines[j]}`);
    }
  });
  assert.ok(out.includes(HOSTILE.host.replace(/[<>]/g, (c) => `\\${c}`)));
});

md('healthy model: verdict and no findings', () => {
  const out = renderMarkdown(healthy());
  assert.match(out, '**Verdict: no incident found**');
  assert.match(out, '## Findings\n\nNone.');
  assert.match(out, 'No event on the timeline.');
});

md.run();
