/**
 * The answer block of the Markdown report (see answer-html.ts): cause, outage windows, commands
 * filled in from the case as fenced code, checks and artefacts to collect. Text is escaped;
 * commands go in fenced blocks, which render literally.
 */
import type { Action, AnswerBlock, Incident } from './layout/answer-types.js';
import { failureText, incidentLabel, missingLines, outageLines } from './answer-text.js';
import { escapeMarkdown as md, plainText } from './text-safety.js';

/** The `## What happened and what to do now` section. */
export function answerMarkdown(
  answer: AnswerBlock,
  headline: string,
  numbers: ReadonlyMap<string, number>,
  zone: string | null,
): string {
  const head = '## What happened and what to do now';
  if (answer.incidents.length === 0) return `${head}\n\n${md(headline)} Nothing to repair.`;
  return [head, ...answer.incidents.map((inc) => incidentMd(inc, numbers, zone))].join('\n\n');
}

function incidentMd(inc: Incident, numbers: ReadonlyMap<string, number>, zone: string | null): string {
  const refs = inc.findingIds
    .map((id) => numbers.get(id))
    .filter((n): n is number => n !== undefined)
    .map((n) => `[finding ${n}](#finding-${n})`);
  const parts = [`### ${md(incidentLabel(inc))}${refs.length ? ` (${refs.join(', ')})` : ''}`, '', md(inc.cause)];
  const windows = outageLines(inc.outages, zone).map((o) => `- ${md(o.text)}`);
  if (inc.failures) windows.push(`- ${md(failureText(inc.failures, zone))}`);
  if (windows.length > 0) parts.push('', windows.join('\n'));
  if (inc.actions.length > 0) parts.push('', '**Do now**', '', actionsMd(inc.actions));
  if (inc.missing.length > 0)
    parts.push(
      '',
      '**Collect first**',
      '',
      missingLines(inc.missing)
        .map((m) => `- ${md(m)}`)
        .join('\n'),
    );
  if (inc.checks.length > 0) parts.push('', '**Check afterwards**', '', actionsMd(inc.checks));
  return parts.join('\n');
}

function fence(raw: string): string {
  const text = raw.split('\n').map(plainText).join('\n');
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}\n${text}\n${ticks}`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => (l === '' ? l : `   ${l}`))
    .join('\n');
}

function actionsMd(actions: readonly Action[]): string {
  return actions
    .map((a, i) => {
      const lines = [`${i + 1}. ${md(a.title)}`];
      if (a.element) lines.push('', indent(fence(a.element)));
      if (a.commands.length > 0) lines.push('', indent(fence(a.commands.join('\n'))));
      const chosen = a.certificate?.chosen;
      if (chosen) lines.push('', `   Why ${md(chosen.thumbprint)}: ${md(chosen.why.join('; '))}.`);
      for (const r of a.certificate?.rejected ?? [])
        lines.push(`   Not ${md(r.thumbprint)}: ${md(r.reasons.join('; '))}.`);
      if (a.appId) lines.push(`   appid ${md(a.appId.value)}: ${md(a.appId.source)}.`);
      return lines.join('\n');
    })
    .join('\n');
}
