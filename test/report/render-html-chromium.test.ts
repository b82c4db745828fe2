/**
 * The HTML report in real headless Chromium (Debian `chromium`): the timeline SVG is laid out,
 * no script planted in event strings runs, and the CSP blocks inline script outright.
 * Skipped with a message when Chromium is not installed.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildReportModel } from '../../src/correlate/build-report.js';
import { ingestPaths } from '../../src/ingest/index.js';
import type { ReportModel } from '../../src/model/index.js';
import { samplesDir } from '../../src/paths.js';
import { renderHtml } from '../../src/report/render-html.js';
import { synthesize } from '../../src/samples/synth.js';
import { openDatabase } from '../../src/store/db.js';
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
];
const WINDOW = '--window-size=1280,1600';
/** The first screen the answer block must be in. */
const SCREEN = { width: 1366, height: 768 };

/**
 * Load `html` from a file:// URL and return the DOM after load (`--dump-dom`, in a 1280×1600
 * window or the first screen with `firstScreen`); with `screenshot`, write a PNG of the first
 * screen (1366×768) there instead.
 */
function dumpDom(html: string, opts: { firstScreen?: boolean; screenshot?: string } = {}): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'bindtrail-chromium-'));
  const page = join(dir, 'report.html');
  writeFileSync(page, html);
  const first = `--window-size=${SCREEN.width},${SCREEN.height}`;
  const view = opts.screenshot
    ? [first, '--hide-scrollbars', `--screenshot=${opts.screenshot}`]
    : [opts.firstScreen ? first : WINDOW, '--dump-dom'];
  const args = [...FLAGS, ...view, `--user-data-dir=${join(dir, 'profile')}`, pathToFileURL(page).href];
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
  const svg = document.querySelector('svg.timeline-strip[data-strip="overview"]');
  const answer = document.getElementById('answer');
  const cause = document.querySelector('#answer .cause, #answer .answer-none');
  const box = (el) => el.getBoundingClientRect();
  const visible = (sel) => [...document.querySelectorAll(sel)].filter((el) => box(el).width > 0 && box(el).height > 0).length;
  document.body.setAttribute('data-probe', JSON.stringify({
    svg: svg instanceof SVGSVGElement,
    width: svg ? box(svg).width : 0,
    height: svg ? box(svg).height : 0,
    lanes: svg ? [...svg.querySelectorAll('g.lane')].filter((g) => g instanceof SVGGElement && box(g).height > 0).length : 0,
    marks: visible('svg.timeline-strip g.mark'),
    answerTop: answer ? box(answer).top + window.scrollY : -1,
    causeBottom: cause ? box(cause).bottom + window.scrollY : -1,
    viewport: [window.innerWidth, window.innerHeight],
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
  answerTop: number;
  causeBottom: number;
  viewport: [number, number];
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

/** Where the first-screen screenshots go (BINDTRAIL_SCREENSHOTS=dir); none when unset. */
const SHOTS = process.env.BINDTRAIL_SCREENSHOTS;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });

function sampleNames(): string[] {
  const root = samplesDir();
  return existsSync(root)
    ? readdirSync(root)
        .filter((d) => existsSync(join(root, d, 'expected.json')))
        .sort()
    : [];
}

async function modelOf(paths: string[]): Promise<ReportModel> {
  const dir = mkdtempSync(join(tmpdir(), 'bindtrail-chromium-db-'));
  const db = await openDatabase(join(dir, 'case.duckdb'));
  try {
    await ingestPaths(db, paths);
    return await buildReportModel(db.conn, { generatedAt: '2026-01-01T00:00:00.000Z' });
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function synthModel(): Promise<ReportModel> {
  const dir = mkdtempSync(join(tmpdir(), 'bindtrail-chromium-synth-'));
  try {
    const out = join(dir, 'synth.evtx');
    synthesize({ events: 20_000, out, seed: 'bindtrail' });
    return await modelOf([out]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const chromium = suite('report/render-html (chromium)');

if (!existsSync(CHROMIUM)) {
  console.log(`SKIP report/render-html (chromium): ${CHROMIUM} not found (apt-get install chromium)`);
} else {
  chromium('the timeline: an overview strip with a lane per host, then a zoomed strip per finding', async () => {
    const m = aboTwoHosts();
    const dom = await dumpDom(renderHtml(m));
    assert.ok(startTags(dom, 'svg') >= 1 + m.findings.length, 'overview and zoom strips');
    const overview = /<svg class="timeline-strip" data-strip="overview"[\s\S]*?<\/svg>/.exec(dom)?.[0] ?? '';
    assert.is((overview.match(/<g class="lane" data-host="[^"]*">/g) ?? []).length, m.hosts.length);
    assert.ok((overview.match(/<g class="mark mark-/g) ?? []).length > 0);
    assert.ok((overview.match(/<g class="tick">/g) ?? []).length > 2);
    assert.match(dom, 'data-strip="zoom-1-1"');
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
    assert.is(startTags(dom, 'svg'), (dom.match(/<svg class="timeline-strip" data-strip="/g) ?? []).length);
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
    assert.ok(probe.marks > 0, JSON.stringify(probe));
  });

  chromium('the CSP blocks inline script even if one got into the page', async () => {
    const dom = await dumpDom(withProbe(renderHtml(aboTwoHosts())));
    assert.match(dom, 'data-probe'); // the script text is in the page...
    assert.is(probeOf(dom), null); // ...but it never ran
  });

  const cases: Array<[string, () => Promise<ReportModel>]> = [
    ...sampleNames().map((n): [string, () => Promise<ReportModel>] => [n, () => modelOf([join(samplesDir(), n)])]),
    ['a synthetic busy log (20 000 events)', synthModel],
  ];
  for (const [name, build] of cases) {
    chromium(`${name}: at 1366×768 the answer is in the first screen, no placeholder, a lane per host`, async () => {
      const m = await build();
      const html = renderHtml(m);
      if (SHOTS) await dumpDom(html, { screenshot: join(SHOTS, `${name.replace(/[^\w.-]+/g, '-')}.png`) });
      const dom = await dumpDom(withProbe(withoutCsp(html)), { firstScreen: true });
      const probe = probeOf(dom);
      assert.ok(probe, 'the probe did not run');
      assert.ok(probe.answerTop >= 0 && probe.answerTop < SCREEN.height, `answer at ${probe.answerTop}px`);
      assert.ok(probe.causeBottom > 0 && probe.causeBottom <= SCREEN.height, `cause ends at ${probe.causeBottom}px`);
      assert.not.match(dom, /&lt;(?:IP:port|thumbprint|code|application GUID)[^&]*&gt;|appid=\{…\}/i);
      assert.ok(probe.lanes >= m.hosts.length && probe.lanes >= 1, `${probe.lanes} lanes, ${m.hosts.length} hosts`);
      assert.ok(html.length < 5_000_000);
    });
  }
}

chromium.run();
