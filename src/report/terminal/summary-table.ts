/** The findings summary `bindtrail analyze` prints: one row per finding, or the no-incident line. */
import Table from 'cli-table3';
import type { ReportModel } from '../../model/index.js';
import { plainText } from '../text-safety.js';

/** The verdict, the counts and a table of the findings (terminal text, log strings made plain). */
export function findingsSummary(model: ReportModel): string {
  const s = model.summary;
  const head =
    `${s.verdict === 'incident' ? 'INCIDENT' : 'no incident'}: ${plainText(s.headline)}\n` +
    `${s.files} file(s), ${s.hosts} host(s), ${s.events} event(s), ${model.findings.length} finding(s)\n`;
  if (model.findings.length === 0) return head;
  const table = new Table({
    head: ['#', 'level', 'confidence', 'host', 'kind', 'first (UTC)', 'occ.', 'finding'],
    style: { head: [], border: [] },
    wordWrap: true,
    colWidths: [null, null, null, null, null, null, null, 60],
  });
  model.findings.forEach((f, i) => {
    table.push([
      String(i + 1),
      f.level,
      f.confidence,
      plainText(f.host ?? '—'),
      f.kind,
      f.start ? f.start.slice(0, 19).replace('T', ' ') : '—',
      String(f.occurrences),
      plainText(f.title),
    ]);
  });
  return `${head}${table.toString()}\n`;
}
