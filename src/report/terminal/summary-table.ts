/** The findings summary `bindtrail analyze` prints: one row per finding, or the no-incident line. */
import type { ReportModel } from '../../model/index.js';
import { sortFindingsForReport } from '../layout/sort.js';
import { plainText } from '../text-safety.js';
import { renderFittedTable, type ColumnSpec, type FitOptions } from './fit.js';

/** Framed and unbounded unless told otherwise (the CLI passes the terminal's width and TTY flag). */
const UNFITTED: FitOptions = { width: Infinity, isTTY: true };

// At 80 columns the minimums and the frame add up to 80: `finding` and the wrapping columns give way first.
const COLUMNS: readonly ColumnSpec[] = [
  { header: '#', min: 1, align: 'right' },
  { header: 'level', min: 8 },
  { header: 'confidence', min: 6 },
  { header: 'host', min: 6, wrap: true },
  { header: 'kind', min: 8, wrap: true },
  { header: 'first (UTC)', min: 10, wrap: true },
  { header: 'occ.', min: 4, align: 'right' },
  { header: 'finding', min: 12, max: 60, wrap: true },
];

/** The verdict, the counts and a table of the findings (terminal text, log strings made plain). */
export function findingsSummary(model: ReportModel, fit: FitOptions = UNFITTED): string {
  const s = model.summary;
  const head =
    `${s.verdict === 'incident' ? 'INCIDENT' : 'no incident'}: ${plainText(s.headline)}\n` +
    `${s.files} file(s), ${s.hosts} host(s), ${s.events} event(s), ${model.findings.length} finding(s)\n`;
  if (model.findings.length === 0) return head;
  // The report's order: level (critical first), then time, then host.
  const rows = sortFindingsForReport(model.findings).map((f, i) => [
    String(i + 1),
    f.level,
    f.confidence,
    plainText(f.host ?? '—'),
    f.kind,
    f.start ? f.start.slice(0, 19).replace('T', ' ') : '—',
    String(f.occurrences),
    plainText(f.title),
  ]);
  return `${head}${renderFittedTable(COLUMNS, rows, fit)}\n`;
}
