/**
 * The HTML report's only stylesheet (inline; the report loads nothing). Screen and print.
 */
import { LEVELS, ROLES } from '../model/index.js';
import { LEVEL_COLOURS, ROLE_COLOURS } from './render-svg-timeline.js';

const levelRules = LEVELS.map((l) => `.level-${l}{background:${LEVEL_COLOURS[l]};color:#fff}`).join('\n');
const roleRules = ROLES.map((r) => `.role-${r}{color:${ROLE_COLOURS[r]};font-weight:600}`).join('\n');

export const REPORT_CSS = `
:root{--fg:#0f172a;--muted:#475569;--line:#e2e8f0;--bg:#fff;--soft:#f8fafc;--accent:#1d4ed8}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--fg);background:var(--bg);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1200px;margin:0 auto;padding:24px 28px 48px}
h1{font-size:26px;margin:0 0 4px}
h2{font-size:20px;margin:36px 0 12px;padding-bottom:4px;border-bottom:2px solid var(--line)}
h3{font-size:16px;margin:22px 0 8px}
a{color:var(--accent)}
a:target,tr:target,article:target{outline:3px solid #facc15;outline-offset:2px}
.meta,.note{color:var(--muted);font-size:13px}
.verdict{display:inline-block;padding:4px 12px;border-radius:4px;font-weight:700;letter-spacing:.02em;text-transform:uppercase}
.verdict-incident{background:#b91c1c;color:#fff}
.verdict-no-incident{background:#15803d;color:#fff}
.headline{font-size:17px;margin:10px 0 16px}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0}
.card{border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:96px;background:var(--soft)}
.card b{display:block;font-size:20px}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;white-space:nowrap}
${levelRules}
${roleRules}
nav ol{margin:6px 0;padding-left:22px}
table{border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:13px}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.mono,td.time{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
td.time{white-space:nowrap}
td.mono,td.wrap{overflow-wrap:anywhere;word-break:break-word}
tbody tr:nth-child(even){background:#fcfdff}
article.finding{border:1px solid var(--line);border-left:6px solid var(--muted);border-radius:6px;padding:4px 18px 10px;margin:18px 0}
article.finding.level-border-critical{border-left-color:${LEVEL_COLOURS.critical}}
article.finding.level-border-high{border-left-color:${LEVEL_COLOURS.high}}
article.finding.level-border-medium{border-left-color:${LEVEL_COLOURS.medium}}
article.finding.level-border-low{border-left-color:${LEVEL_COLOURS.low}}
article.finding.level-border-info{border-left-color:${LEVEL_COLOURS.info}}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:3px 14px;margin:8px 0}
dl.facts dt{font-weight:600;color:var(--muted)}
dl.facts dd{margin:0;overflow-wrap:anywhere}
figure.timeline-figure{margin:8px 0 16px;border:1px solid var(--line);border-radius:6px;padding:8px;overflow-x:auto}
figure.timeline-figure figcaption{color:var(--muted);font-size:12px;margin-top:4px}
svg.timeline{display:block;min-width:720px;height:auto}
svg.timeline a:hover path,svg.timeline a:hover circle,svg.timeline a:hover rect{stroke:#000;stroke-width:2}
footer{margin-top:40px;color:var(--muted);font-size:12px;border-top:1px solid var(--line);padding-top:8px}
@media print{
  body{font-size:11px}
  main{max-width:none;padding:0}
  nav{display:none}
  a{color:inherit;text-decoration:none}
  h2{break-after:avoid}
  article.finding,figure.timeline-figure,tr{break-inside:avoid}
  figure.timeline-figure{overflow:visible}
  svg.timeline{min-width:0}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`.trim();
