import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { escapeHtml, escapeMarkdown, plainText, safeHttpUrl } from '../../src/report/text-safety.js';

const esc = suite('report/text-safety');

esc('html: text and attribute metacharacters', () => {
  assert.is(
    escapeHtml(`<a href="x" title='y'>&amp;\``),
    '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&#96;',
  );
});

esc('controls, terminal escapes and bidi overrides are neutralised', () => {
  assert.is(plainText('a\r\nb\tc'), 'a b c');
  assert.is(plainText('\u001b[2J\u0000x\u202Ey\u2066z\u0085'), '\uFFFD[2J\uFFFDx\uFFFDy\uFFFDz\uFFFD');
  assert.is(escapeHtml('\u001b<'), '\uFFFD&lt;');
});

esc('markdown: inline markup, raw HTML, pipes and block starters', () => {
  assert.is(
    escapeMarkdown('*a* _b_ `c` [d](e) <f> |g| ~h~ &amp; \\'),
    '\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<f\\> \\|g\\| \\~h\\~ \\&amp; \\\\',
  );
  assert.is(escapeMarkdown('# x'), '\\# x');
  assert.is(escapeMarkdown('- x'), '\\- x');
  assert.is(escapeMarkdown('> x'), '\\> x');
  assert.is(escapeMarkdown('12. x'), '12\\. x');
  assert.is(escapeMarkdown('0.0.0.0:443'), '0.0.0.0:443');
  assert.is(escapeMarkdown('a\nb'), 'a b');
});

esc('urls: only plain http(s)', () => {
  assert.is(safeHttpUrl('https://support.microsoft.com/kb/2025598'), 'https://support.microsoft.com/kb/2025598');
  assert.is(safeHttpUrl('javascript:alert(1)'), null);
  assert.is(safeHttpUrl('https://x/"onmouseover="y'), null);
  assert.is(safeHttpUrl('seed 001'), null);
});

esc.run();
