/**
 * The HTML report in real headless Chromium (Debian `chromium`): the timeline SVG is laid out,
 * no script planted in event strings runs, and the CSP blocks inline script outright.
 * Skipped with a message when Chromium is not installed.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { renderHtml } from '../../src/report/render-html.js';
import { plainText } from '../../src/report/text-safety.js';
import { HOSTILE, aboTwoHosts, hostile } from './fixtures.js';

const CHROMIUM = process.env.BINDTRAIL_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-extensions',
  '--window-size=1280,1600',
];

/** Load `html` from a file:// URL and return the DOM after load (`--dump-dom`). */
function dumpDom(html: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'bindtrail-chromium-'));
  const page = join(dir, 'report.html');
  writeFileSync(page, html);
  const args = [...FLAGS, `--user-data-dir=${join(dir, 'profile')}`, '--dump-dom', pathToFileURL(page).href];
  return new Promise((resolve, reject) => {
    execFile(CHROMIUM, args, { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      rmSync(dir, { recursive: true, force: true });
      if (err) reject(new Error(`chromium failed: ${err.message}\n${stderr.slice(-2000)}`));
      else resolve(stdout);
    });
  });
}

/** Inline script (test only) that measures the laid-out page into <body data-probe>. */
const PROBE = `<script>
(() => {
  const svg = document.querySelector('svg.timeline');
  const box = (el) => el.getBoundingClientRect();
  const visible = (sel) => [...document.querySelectorAll(sel)].filter((el) => box(el).width > 0 && box(el).height > 0).length;
  document.body.setAttribute('data-probe', JSON.stringify({
    svg: svg instanceof SVGSVGElement,
    width: svg ? box(svg).width : 0,
    height: svg ? box(svg).height : 0,
    lanes: [...document.querySelectorAll('svg.timeline g.lane')].filter((g) => g instanceof SVGGElement && box(g).height > 0).length,
    marks: visible('svg.timeline a.mark'),
    title: document.title,
    images: document.images.length,
    scripts: document.scripts.length,
    pwned: document.body.getAttribute('data-pwned'),
  }));
})();
</script>`;

const withProbe = (doc: string): string => doc.replace('</body>', `${PROBE}\n</body>`);
const withoutCsp = (doc: string): string => doc.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n/, '');

interface Probe {
  svg: boolean;
  width: number;
  height: number;
  lanes: number;
  marks: number;
  title: string;
  images: number;
  scripts: number;
  pwned: string | null;
}

function probeOf(dom: string): Probe | null {
  const raw = /<body[^>]*\sdata-probe="([^"]*)"/.exec(dom)?.[1];
  if (raw === undefined) return null;
  const json = raw
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return JSON.parse(json) as Probe;
}

/** Start tags of the dumped DOM (serialised text escapes `<`, so these are real elements). */
const startTags = (dom: string, name: string): number => (dom.match(new RegExp(`<${name}[\\s>]`, 'gi')) ?? []).length;
const titleOf = (dom: string): string | undefined => /<title>([\s\S]*?)<\/title>/.exec(dom)?.[1];
const serialised = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const chromium = suite('report/render-html (chromium)');

if (!existsSync(CHROMIUM)) {
  console.log(`SKIP report/render-html (chromium): ${CHROMIUM} not found (apt-get install chromium)`);
} else {
  chromium('the timeline SVG is in the DOM with one lane per host and a mark per event', async () => {
    const m = aboTwoHosts();
    const dom = await dumpDom(renderHtml(m));
    assert.is(startTags(dom, 'svg'), 1);
    assert.match(dom, /<svg class="timeline"[^>]*viewBox="0 0 1000 /);
    assert.is((dom.match(/<g class="lane" data-host="[^"]*">/g) ?? []).length, m.hosts.length);
    assert.is((dom.match(/<a class="mark mark-/g) ?? []).length, m.timeline.length);
    assert.is((dom.match(/<g class="tick">/g) ?? []).length > 2, true);
    assert.match(dom, '<g class="legend">');
    assert.is(startTags(dom, 'script'), 0);
  });

  chromium('hostile event strings are shown as text and change nothing', async () => {
    const m = hostile();
    const dom = await dumpDom(renderHtml(m));
    assert.is(titleOf(dom), serialised(`bindtrail incident report: ${plainText(m.summary.headline)}`));
    assert.not.match(dom, 'data-pwned=');
    assert.is(startTags(dom, 'script'), 0);
    assert.is(startTags(dom, 'img'), 0);
    assert.is(startTags(dom, 'svg'), 1);
    assert.is(startTags(dom, 'style'), 1);
    assert.match(dom, `<h3>${serialised(HOSTILE.host)}</h3>`);
    assert.match(dom, serialised(HOSTILE.service));
  });

  chromium('escaping alone holds: without the CSP only the test probe runs, and it sees the SVG laid out', async () => {
    const m = hostile();
    const dom = await dumpDom(withProbe(withoutCsp(renderHtml(m))));
    const probe = probeOf(dom);
    assert.ok(probe, 'the probe script did not run: the harness cannot see script execution');
    assert.is(probe.pwned, null);
    assert.is(probe.images, 0);
    assert.is(probe.scripts, 1);
    assert.is(probe.title, `bindtrail incident report: ${plainText(m.summary.headline)}`);
    assert.ok(probe.svg && probe.width > 500 && probe.height > 100, JSON.stringify(probe));
    assert.is(probe.lanes, 1);
    assert.is(probe.marks, m.timeline.length);
  });

  chromium('the CSP blocks inline script even if one got into the page', async () => {
    const dom = await dumpDom(withProbe(renderHtml(aboTwoHosts())));
    assert.match(dom, 'data-probe'); // the script text is in the page...
    assert.is(probeOf(dom), null); // ...but it never ran
  });
}

chromium.run();
