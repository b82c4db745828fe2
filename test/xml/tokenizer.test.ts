import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { XmlError, XmlTokenizer, xmlEvents, type XmlEvent, type XmlOptions } from '../../src/xml/index.js';

const t = suite('xml/tokenizer');

/** Compact rendering of the event stream: `<a x=1>`, `"text"`, `</a>`, `[cdata]`, `?pi data`, `!comment`. */
function render(evs: Iterable<XmlEvent>): string[] {
  const out: string[] = [];
  for (const e of evs) {
    if (e.kind === 'open')
      out.push(
        `<${e.name}${Object.entries(e.attrs)
          .map(([k, v]) => ` ${k}=${JSON.stringify(v)}`)
          .join('')}${e.selfClosing ? '/' : ''}>`,
      );
    else if (e.kind === 'close') out.push(`</${e.name}>`);
    else if (e.kind === 'text') out.push(e.cdata ? `[${e.text}]` : JSON.stringify(e.text));
    else if (e.kind === 'pi') out.push(`?${e.target} ${e.data}`);
    else out.push(`!${e.text}`);
  }
  return out;
}

function fails(text: string, pattern: RegExp, options?: XmlOptions): XmlError {
  try {
    [...xmlEvents(text, options)];
  } catch (e) {
    assert.instance(e, XmlError);
    assert.match((e as Error).message, pattern);
    return e as XmlError;
  }
  assert.unreachable(`expected an error matching ${pattern}`);
  throw new Error('unreachable');
}

t('elements, both quote styles, text, self-closing, PI and comments', () => {
  const xml = `\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<!-- top -->\n<a x="1" y='two "q"'>hi<b/><c z = "3" >t</c><!-- c --></a>\n`;
  assert.equal(render(xmlEvents(xml)), [
    '?xml version="1.0" encoding="utf-8"',
    '<a x="1" y="two \\"q\\"">',
    '"hi"',
    '<b/>',
    '</b>',
    '<c z="3">',
    '"t"',
    '</c>',
    '</a>',
  ]);
  assert.equal(render(xmlEvents('<a><!-- c --></a>', { comments: true })), ['<a>', '! c ', '</a>']);
});

t('predefined entities, numeric references, CDATA, line-end and attribute normalisation', () => {
  const xml = '<a v="x&amp;y&#10;z\tw&#x9;">&lt;&gt;&amp;&quot;&apos;&#65;&#x1F600;\r\nz<![CDATA[<raw> &amp;]]></a>';
  assert.equal(render(xmlEvents(xml)), ['<a v="x&y\\nz w\\t">', `"<>&\\"'A\u{1F600}\\nz"`, '[<raw> &amp;]', '</a>']);
});

t('several root elements (Event Viewer exports) unless singleRoot', () => {
  const xml = '<?xml version="1.0"?>\n<Event><S>1</S></Event>\n<?xml version="1.0"?><Event><S>2</S></Event>';
  assert.equal(render(xmlEvents(xml, { skipWhitespace: true })).filter((s) => s === '<Event>').length, 2);
  fails(xml, /second root element <Event>/, { singleRoot: true });
});

t('open events carry depth and absolute offsets', () => {
  const evs = [...xmlEvents('<a>\n <b/></a>')];
  const b = evs.find((e) => e.kind === 'open' && e.name === 'b');
  assert.equal(b && b.kind === 'open' && [b.depth, b.offset], [1, 5]);
});

t('DOCTYPE, internal subsets and entity declarations are refused (billion laughs)', () => {
  const laughs = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n <!ENTITY lol2 "&lol;&lol;&lol;">\n]>\n<lolz>&lol2;</lolz>`;
  const e = fails(laughs, /<!DOCTYPE> refused/);
  assert.equal([e.line, e.column, e.offset], [2, 1, 22]);
  fails('<a/><!ENTITY x "y">', /<!ENTITY> refused/);
  fails('<!doctype html><a/>', /<!DOCTYPE> refused/);
  fails('<a>&xxe;</a>', /unknown entity "&xxe;"/);
  fails('<a v="&ext;"/>', /unknown entity/);
});

t('malformed input: positions in the error', () => {
  const e = fails('<a>\n  <b>\n  </c>\n</a>', /mismatched end tag <\/c>: expected <\/b> \(opened at line 2\)/);
  assert.equal([e.line, e.column], [3, 3]);
  fails('<a><b></a>', /mismatched/);
  fails('<a>', /<a> \(line 1\) is not closed/);
  fails('<a x="1" x="2"/>', /duplicate attribute "x"/);
  fails('<a x=1/>', /must be quoted/);
  fails('<a x="<"/>', /"<" in an attribute value/);
  fails('<a x="1"y="2"/>', /expected whitespace/);
  fails('<a>&#0;</a>', /not a valid character/);
  fails('<a>&#xD800;</a>', /not a valid character/);
  fails('<a>a & b</a>', /"&" not followed by a reference/);
  fails('<a><!-- x -- y --></a>', /"--" inside a comment/);
  fails('<a><!-- x', /unterminated comment/);
  fails('<a><![CDATA[x', /unterminated CDATA/);
  fails('<a x="1', /unterminated value/);
  fails('text<a/>', /text outside the root element/);
  fails('<a/>tail', /text outside the root element/);
  fails('</a>', /without a start tag/);
  fails('', /no root element/);
  fails('<1a/>', /expected element name/);
  fails('<a><!FOO></a>', /malformed markup/);
  fails('<?xml', /unterminated processing instruction/);
});

t('caps: depth, attributes, token length, input size', () => {
  fails('<a>'.repeat(300) + '</a>'.repeat(300), /nested deeper than 256/);
  assert.equal([...xmlEvents('<a>'.repeat(10) + '</a>'.repeat(10), { maxDepth: 10 })].length, 20);
  fails('<a>'.repeat(11), /nested deeper than 10/, { maxDepth: 10 });
  fails(`<a ${Array.from({ length: 5 }, (_, i) => `a${i}="1"`).join(' ')}/>`, /more than 4 attributes/, {
    maxAttributes: 4,
  });
  const tok = new XmlTokenizer({ maxTokenChars: 100 });
  tok.push('<a>' + 'x'.repeat(200));
  assert.throws(() => tok.next() && tok.next(), /token longer than 100/);
  const big = new XmlTokenizer({ maxInputChars: 10 });
  assert.throws(() => big.push('<a>123456789</a>'), /input larger than 10/);
});

t('chunked input yields exactly the events of the whole string, at any split', () => {
  const xml =
    '<?xml version="1.0"?>\r\n<Events><Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="HttpEvent"/>' +
    '<EventID Qualifiers="32768">15300</EventID></System><EventData><Data Name="a">0.0.0.0:443 &amp; &#x41;</Data><Data><![CDATA[c]]></Data>' +
    '<!-- note --></EventData></Event>\n<Event><System/></Event></Events>';
  const whole = render(xmlEvents(xml, { comments: true }));
  for (const size of [1, 2, 3, 5, 7, 13, 64]) {
    const tok = new XmlTokenizer({ comments: true });
    const evs: XmlEvent[] = [];
    for (let i = 0; i < xml.length; i += size) {
      tok.push(xml.slice(i, i + size));
      for (let e = tok.next(); e !== null; e = tok.next()) evs.push(e);
      assert.not.ok(tok.finished);
    }
    tok.end();
    for (let e = tok.next(); e !== null; e = tok.next()) evs.push(e);
    assert.ok(tok.finished);
    // Text runs may be split at chunk boundaries only if the tokenizer emitted them early; it must not.
    assert.equal(render(evs), whole, `chunk size ${size}`);
  }
});

t('a long token over many chunks is held, joined once, and capped', () => {
  const tok = new XmlTokenizer({ comments: true, maxTokenChars: 1_000_000 });
  tok.push('<a><!--');
  for (let i = 0; i < 100; i++) {
    tok.push('x'.repeat(1000) + '-');
    assert.is(tok.next()?.kind ?? null, i === 0 ? 'open' : null);
  }
  tok.push('->tail</a>');
  tok.end();
  const evs = [];
  for (let e = tok.next(); e !== null; e = tok.next()) evs.push(e);
  assert.equal(
    evs.map((e) => e.kind),
    ['comment', 'text', 'close'],
  );
  assert.is(evs[0]!.kind === 'comment' && evs[0]!.text.length, 100_100 - 1);
  const capped = new XmlTokenizer({ maxTokenChars: 5000 });
  capped.push('<a>');
  capped.next();
  capped.push('<!--');
  assert.is(capped.next(), null);
  for (let i = 0; i < 4; i++) capped.push('y'.repeat(1000));
  assert.is(capped.next(), null);
  capped.push('y'.repeat(2000));
  assert.throws(() => capped.next(), /token longer than 5000/);
});

t('line numbers stay right after buffer compaction while streaming', () => {
  const tok = new XmlTokenizer();
  const line = '<r>\n' + '<x/>\n'.repeat(300_000);
  tok.push(line);
  for (let e = tok.next(); e !== null; e = tok.next());
  tok.push('</y>');
  tok.end();
  try {
    for (let e = tok.next(); e !== null; e = tok.next());
    assert.unreachable();
  } catch (e) {
    assert.instance(e, XmlError);
    assert.equal([(e as XmlError).line, (e as XmlError).column], [300_002, 1]);
  }
});

t('a multi-megabyte document parses in one pass', () => {
  const one =
    '<Event><System><EventID>7036</EventID><TimeCreated SystemTime="2024-01-01T00:00:00.0000000Z"/></System><EventData><Data Name="param1">IIS Admin &amp; co</Data></EventData></Event>\n';
  const xml = '<Events>' + one.repeat(40_000) + '</Events>';
  let opens = 0;
  for (const e of xmlEvents(xml)) if (e.kind === 'open' && e.name === 'Event') opens++;
  assert.equal(opens, 40_000);
  assert.ok(xml.length > 6_000_000);
});

t.run();
