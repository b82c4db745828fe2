/**
 * The HTML report's only stylesheet (inline; the report loads nothing). Screen and print.
 */
import { LEVELS, ROLES, type Level, type Role } from '../model/index.js';
import { MARK_COLOURS } from './layout/svg-timeline.js';

/** Role colours (the timeline marks' colours). */
export const ROLE_COLOURS: Readonly<Record<Role, string>> = {
  trigger: MARK_COLOURS.trigger!,
  symptom: MARK_COLOURS.symptom!,
  recovery: MARK_COLOURS.recovery!,
  context: MARK_COLOURS.context!,
};

/** Level colours of badges and borders. */
export const LEVEL_COLOURS: Readonly<Record<Level, string>> = {
  critical: '#7f1d1d',
  high: '#dc2626',
  medium: '#d97706',
  low: '#2563eb',
  info: '#64748b',
};

const levelRules = LEVELS.map((l) => `.level-${l}{background:${LEVEL_COLOURS[l]};color:#fff}`).join('\n');
const roleRules = ROLES.map((r) => `.role-${r}{color:${ROLE_COLOURS[r]};font-weight:600}`).join('\n');

export const REPORT_CSS = `
:root{--fg:#0f172a;--muted:#475569;--line:#e2e8f0;--bg:#fff;--soft:#f8fafc;--accent:#1d4ed8}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--fg);background:var(--bg);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1200px;margin:0 auto;padding:12px 28px 48px}
h1{font-size:22px;margin:0 0 2px}
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
svg.timeline-strip{display:block;width:100%;min-width:720px;height:auto;margin:4px 0 10px}
svg.timeline-strip a:hover path,svg.timeline-strip a:hover circle,svg.timeline-strip a:hover rect{stroke:#000;stroke-width:2}
section.answer{margin:8px 0 18px}
section.answer h2{margin-top:8px}
article.incident{border:1px solid var(--line);border-left:6px solid var(--muted);border-radius:6px;padding:6px 16px 8px;margin:10px 0;background:#fffdfa}
article.incident.level-border-critical{border-left-color:${LEVEL_COLOURS.critical}}
article.incident.level-border-high{border-left-color:${LEVEL_COLOURS.high}}
article.incident h3{font-size:14px;margin:10px 0 4px}
.incident-head{margin:4px 0;font-weight:600}
.cause{font-size:15px;margin:4px 0 6px}
ul.outages{margin:4px 0;padding-left:20px}
ul.outages li.still-down{color:#b91c1c;font-weight:600}
ol.actions{margin:4px 0;padding-left:22px}
ol.actions li{margin:4px 0}
pre.cmd{margin:4px 0;padding:6px 10px;background:#0f172a;color:#f8fafc;border-radius:4px;white-space:pre-wrap;overflow-wrap:anywhere;font:12px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
details.why{font-size:12px;color:var(--muted)}
details.why ul{margin:2px 0;padding-left:18px}
ul.missing li{color:#92400e}
h1 .verdict{font-size:13px;vertical-align:middle;margin-left:8px}
header .headline{margin:4px 0 6px;font-size:15px}
nav h2{font-size:16px}
footer{margin-top:40px;color:var(--muted);font-size:12px;border-top:1px solid var(--line);padding-top:8px}
@media print{
  body{font-size:11px}
  main{max-width:none;padding:0}
  nav{display:none}
  a{color:inherit;text-decoration:none}
  h2{break-after:avoid}
  article.finding,figure.timeline-figure,tr{break-inside:avoid}
  figure.timeline-figure{overflow:visible}
  svg.timeline-strip{min-width:0}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`.trim();
