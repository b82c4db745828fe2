/**
 * Query results as text: terminal table (./fit.ts: fitted to the terminal, plain in a pipe), CSV
 * (RFC 4180), JSON, Markdown. Values from logs are attacker-controlled: the table strips terminal
 * controls, Markdown escapes markup.
 */
import { escapeMarkdown, plainText } from '../text-safety.js';
import { renderFittedTable, type FitOptions } from './fit.js';

export const ROW_FORMATS = ['table', 'csv', 'json', 'md'] as const;
export type RowFormat = (typeof ROW_FORMATS)[number];

/** Rows to format: column names in order and one object per row (a saved query's result). */
export interface RowSet {
  columns: readonly string[];
  rows: ReadonlyArray<Readonly<Record<string, unknown>>>;
}

/** A cell as one line of text: null empty, lists and structs as JSON. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/**
 * `result` as text in `format`; every format ends with a newline. `fit` shapes the table (the
 * CLI's terminal); default: framed, as wide as the rows need.
 */
export function formatRows(
  result: RowSet,
  format: RowFormat,
  fit: FitOptions = { width: Infinity, isTTY: true },
): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(result.rows, null, 2)}\n`;
    case 'csv':
      return (
        [result.columns, ...result.rows.map((r) => result.columns.map((c) => cellText(r[c])))]
          .map((cells) => cells.map(csvCell).join(','))
          .join('\r\n') + '\r\n'
      );
    case 'md': {
      const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
      return (
        [
          line(result.columns.map(escapeMarkdown)),
          line(result.columns.map(() => '---')),
          ...result.rows.map((r) => line(result.columns.map((c) => escapeMarkdown(cellText(r[c]))))),
        ].join('\n') + '\n'
      );
    }
    default: {
      if (result.rows.length === 0) return `(no rows; columns: ${result.columns.join(', ')})\n`;
      const specs = result.columns.map((c) => ({ header: plainText(c), min: 4, wrap: true }));
      const rows = result.rows.map((r) => result.columns.map((c) => truncate(plainText(cellText(r[c])), 120)));
      return `${renderFittedTable(specs, rows, fit)}\n${result.rows.length} row(s)\n`;
    }
  }
}

function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
