/**
 * The answer block of the HTML report: per incident the cause in one sentence, the outage window
 * per endpoint and host, what to do now as commands filled in from the case (with why that
 * certificate), the checks afterwards and the artefacts to collect where the case lacks a value.
 * Every string is escaped.
 */
import type { Action, AnswerBlock, Incident } from './layout/answer-types.js';
import { failureText, incidentLabel, missingLines, outageLines } from './answer-text.js';
import { escapeHtml as esc } from './text-safety.js';

/** `<section id="answer">` for the block; `numbers` maps finding ids to their report numbers. */
export function answerSection(
  answer: AnswerBlock,
  headline: string,
  numbers: ReadonlyMap<string, number>,
  zone: string | null,
): string {
  const body =
    answer.incidents.length === 0
      ? `<p class="answer-none">${esc(headline)} Nothing to repair.</p>`
      : answer.incidents.map((inc) => incidentHtml(inc, numbers, zone)).join('\n');
  return `<section id="answer" class="answer" aria-label="The answer">\n<h2>What happened and what to do now</h2>\n${body}\n</section>`;
}

function incidentHtml(inc: Incident, numbers: ReadonlyMap<string, number>, zone: string | null): string {
  const refs = inc.findingIds
    .map((id) => numbers.get(id))
    .filter((n): n is number => n !== undefined)
    .map((n) => `<a href="#finding-${n}">finding ${n}</a>`);
  const parts = [
    `<article class="incident level-border-${esc(inc.level)}">`,
    `<p class="incident-head"><span class="badge level-${esc(inc.level)}">${esc(inc.level)}</span> ${esc(incidentLabel(inc, false))}${refs.length ? ` · ${refs.join(', ')}` : ''}</p>`,
    `<p class="cause">${esc(inc.cause)}</p>`,
  ];
  const windows = outageLines(inc.outages, zone).map(
    (o) => `<li class="${o.stillDown ? 'still-down' : 'restored'}">${esc(o.text)}</li>`,
  );
  if (inc.failures) windows.push(`<li>${esc(failureText(inc.failures, zone))}</li>`);
  if (windows.length > 0) parts.push(`<ul class="outages">${windows.join('')}</ul>`);
  if (inc.actions.length > 0) parts.push('<h3>Do now</h3>', actionList(inc.actions));
  if (inc.missing.length > 0) {
    parts.push(
      '<h3>Collect first</h3>',
      `<ul class="missing">${missingLines(inc.missing)
        .map((m) => `<li>${esc(m)}</li>`)
        .join('')}</ul>`,
    );
  }
  if (inc.checks.length > 0) parts.push('<h3>Check afterwards</h3>', actionList(inc.checks));
  parts.push('</article>');
  return parts.join('\n');
}

/** Escaped text keeping its line breaks (escapeHtml makes one line of each). */
const lines = (text: string): string => text.split('\n').map(esc).join('\n');

function actionList(actions: readonly Action[]): string {
  return `<ol class="actions">${actions.map(actionHtml).join('')}</ol>`;
}

function actionHtml(a: Action): string {
  const out = [`<li><span class="action-title">${esc(a.title)}</span>`];
  if (a.element) out.push(`<pre class="cmd"><code>${lines(a.element)}</code></pre>`);
  if (a.commands.length > 0) out.push(`<pre class="cmd"><code>${lines(a.commands.join('\n'))}</code></pre>`);
  const why: string[] = [];
  const chosen = a.certificate?.chosen;
  if (chosen) why.push(...chosen.why.map((w) => `${esc(chosen.thumbprint)}: ${esc(w)}`));
  for (const r of a.certificate?.rejected ?? [])
    why.push(`not ${esc(r.thumbprint)}${r.subject ? ` (${esc(r.subject)})` : ''}: ${esc(r.reasons.join('; '))}`);
  if (a.appId) why.push(`appid ${esc(a.appId.value)}: ${esc(a.appId.source)}`);
  if (why.length > 0)
    out.push(
      `<details class="why"><summary>Why these values</summary><ul>${why.map((w) => `<li>${w}</li>`).join('')}</ul></details>`,
    );
  out.push('</li>');
  return out.join('');
}
