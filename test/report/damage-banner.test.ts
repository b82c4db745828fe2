import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { DamageEntry } from '../../src/model/index.js';
import { renderHtml } from '../../src/report/render-html.js';
import { renderMarkdown } from '../../src/report/render-md.js';
import { aboTwoHosts } from './fixtures.js';

const banner = suite('report/damage-banner');

const entry: DamageEntry = {
  file: 'WEB01/<b>System</b>.evtx',
  status: 'damaged',
  hosts: ['WEB01'],
  size: 102_400,
  expectedSize: 135_168,
  chunksUnread: 0,
  chunksPartlyRead: 1,
  recordsDamaged: 1,
  gaps: [{ first: '48485', last: '48576', after: '2024-03-12T06:59:00.0000000Z', before: null }],
  summary: 'truncated at 102,400 of 135,168 bytes: 1 chunk partly read, 1 record damaged',
  from: '2024-03-12T06:59:00.0000000Z',
  to: null,
};

banner('no damage: no banner in either report', () => {
  const m = aboTwoHosts();
  assert.not.match(renderMarkdown(m), 'Warning:');
  assert.not.match(renderHtml(m), 'id="damage"');
});

banner('Markdown: a warning quote right after the title block, file names escaped', () => {
  const m = { ...aboTwoHosts(), damage: [entry] };
  const md = renderMarkdown(m);
  const at = md.indexOf('> **Warning: 1 input file was read only in part or not at all');
  assert.ok(at > 0 && at < md.indexOf('## Executive summary'));
  assert.match(md, '> - WEB01/\\<b\\>System\\</b\\>.evtx (WEB01): truncated at 102,400 of 135,168 bytes');
});

banner('HTML: a section after the header, before the contents; no markup from file names', () => {
  const html = renderHtml({
    ...aboTwoHosts(),
    damage: [entry, { ...entry, status: 'unreadable', file: 'x.evtx', hosts: [], summary: 'empty file (0 bytes)' }],
  });
  const at = html.indexOf('<section id="damage"');
  assert.ok(at > html.indexOf('</header>') && at < html.indexOf('<nav'));
  assert.match(html, '<code>WEB01/&lt;b&gt;System&lt;/b&gt;.evtx</code> (WEB01): truncated');
  assert.match(html, '<code>x.evtx</code>: not read: empty file (0 bytes)');
  assert.match(html, '2 input files were read only in part or not at all');
});

banner.run();
