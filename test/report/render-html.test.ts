import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { REPORT_CSP, renderHtml } from '../../src/report/render-html.js';
import { escapeHtml } from '../../src/report/text-safety.js';
import { HOSTILE, aboTwoHosts, configOnly, healthy, hostile, privateKeyFailure } from './fixtures.js';

const html = suite('report/render-html');

/** Start tags with their attributes (text between tags is escaped, so `<` only opens real tags). */
const tags = (doc: string): string[] => doc.match(/<[a-zA-Z][^>]*>/g) ?? [];

/** Attribute names and values of a start tag (values are always double-quoted here). */
function attrs(tag: string): Array<[string, string]> {
  const body = tag.replace(/^<[a-zA-Z][\w:-]*/, '').replace(/\/?>$/, '');
  const out: Array<[string, string]> = [];
  const re = /\s*([^\s=/>]+)(?:="([^"]*)")?/gy;
  let end = 0;
  for (let m = re.exec(body); m && m[0] !== ''; m = re.exec(body)) {
    out.push([m[1]!.toLowerCase(), m[2] ?? '']);
    end = re.lastIndex;
  }
  assert.is(body.slice(end).trim(), '', `unparsed attributes in ${tag}`);
  return out;
}

html('a complete document with the CSP before anything else in <head>', () => {
  const doc = renderHtml(aboTwoHosts());
  assert.ok(doc.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'));
  assert.match(doc, `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
  assert.match(REPORT_CSP, /^default-src 'none'; style-src 'unsafe-inline'; img-src data:/);
  assert.ok(doc.indexOf('Content-Security-Policy') < doc.indexOf('<title>'));
  assert.ok(doc.trimEnd().endsWith('</html>'));
});

html('self-contained: no script, no event handler, nothing loaded', () => {
  for (const m of [aboTwoHosts(), privateKeyFailure(), configOnly(), healthy(), hostile()]) {
    const doc = renderHtml(m);
    for (const t of tags(doc)) {
      assert.not.match(t, /^<(script|iframe|object|embed|link|img|base|form|input)\b/i, t);
      for (const [name, value] of attrs(t)) {
        assert.not.match(name, /^on|^(src|srcset|action|formaction|xlink:href|style)$/, t);
        if (name === 'href') assert.ok(value.startsWith('#') || value.startsWith('https://'), t);
      }
    }
    assert.not.match(doc, /url\(|@import/);
  }
});

html('every in-page link has its target', () => {
  for (const m of [aboTwoHosts(), privateKeyFailure(), configOnly(), healthy(), hostile()]) {
    const doc = renderHtml(m);
    const ids = new Set([...doc.matchAll(/\sid="([^"]+)"/g)].map((x) => x[1]));
    const hrefs = [...doc.matchAll(/\shref="#([^"]+)"/g)].map((x) => x[1]!);
    assert.ok(hrefs.length > 0);
    for (const h of hrefs) assert.ok(ids.has(h), `#${h} has no target`);
  }
});

html('hostile strings appear only escaped, in text and attributes', () => {
  const doc = renderHtml(hostile());
  const t = tags(doc);
  assert.not.ok(t.some((x) => /^<(script|img)/i.test(x)));
  // The only <svg> start tags are the timeline strips' own.
  const svgs = t.filter((x) => /^<svg/i.test(x));
  assert.ok(
    svgs.length >= 1 && svgs.every((x) => x.startsWith('<svg class="timeline-strip" data-strip="')),
    svgs.join(),
  );
  assert.is(t.filter((x) => /^<style/i.test(x)).length, 1);
  assert.is((doc.match(/<\/style>/g) ?? []).length, 1);
  assert.is((doc.match(/<\/title>/g) ?? []).length, doc.match(/<title[ >]/g)?.length ?? -1);
  for (const s of [HOSTILE.host, HOSTILE.service, HOSTILE.svg, HOSTILE.style])
    assert.ok(doc.includes(escapeHtml(s)), s);
  assert.match(doc, `data-host="${escapeHtml(HOSTILE.host)}"`);
  assert.not.match(doc, '\u001b');
  assert.not.match(doc, '\u202E');
  // A javascript: reference is text, the https one a link.
  assert.not.match(doc, 'href="javascript');
  assert.match(doc, '<a href="https://support.microsoft.com/kb/2025598" rel="noreferrer noopener">');
});

html('findings link to their evidence and the timeline rows to the findings', () => {
  const m = aboTwoHosts();
  const doc = renderHtml(m);
  assert.match(doc, '<article class="finding level-border-critical" id="finding-1">');
  // Evidence is grouped; a group links to the timeline row of its first record, the row back to finding 1.
  assert.match(doc, '<tr id="finding-1-ev-1">');
  assert.match(doc, /<a href="#tl-1" title="show on the timeline">[^<]*40237/);
  assert.match(doc, /<tr id="tl-1">.*<a href="#finding-1">#1<\/a><\/td><\/tr>/);
  assert.is((doc.match(/<tr id="tl-\d+">/g) ?? []).length, m.timeline.length);
});

html('a zone adds local times; verdict and empty states', () => {
  const doc = renderHtml(aboTwoHosts(), { timeZone: 'Europe/Berlin' });
  assert.match(doc, 'local time in Europe/Berlin');
  assert.match(doc, '2024-03-12 07:58:11.500 +01:00');
  const ok = renderHtml(healthy());
  assert.match(ok, 'verdict-no-incident');
  assert.match(ok, '<p class="timeline-empty">No event on the timeline.</p>');
  assert.match(ok, '<p>None. Nothing in these logs');
  const conf = renderHtml(configOnly());
  assert.match(conf, 'configuration (no event time)');
  assert.match(conf, 'exports/<wbr>WEB04/<wbr>applicationHost.config');
});

html('the answer block comes first, the contents show level and host, files are an appendix', () => {
  const m = aboTwoHosts();
  const doc = renderHtml(m);
  const answer = doc.indexOf('<section id="answer"');
  assert.ok(answer > doc.indexOf('<header>') && answer < doc.indexOf('<nav'), 'answer right after the title');
  assert.ok(doc.indexOf('<section id="summary"') > answer);
  assert.match(
    doc,
    /<nav aria-label="Contents">.*<a href="#finding-1">[^<]+<\/a> <span class="badge level-critical">critical<\/span> <span class="note">WEB01/,
  );
  const appendix = doc.indexOf('<section id="appendix">');
  assert.ok(appendix > doc.indexOf('<section id="events">') && appendix < doc.indexOf('<footer>'));
  assert.match(doc.slice(appendix), /<td class="mono">[^<]*[\\/]<wbr>/);
  assert.not.match(doc.slice(0, appendix), '<h2>Files</h2>');
});

html.run();
