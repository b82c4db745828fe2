/**
 * Query results as text: terminal table (./fit.ts: fitted to the terminal, plain in a pipe), CSV
 * (RFC 4180), JSON, Markdown. Values from logs are attacker-controlled: the table strips terminal
 * controls, Markdown escapes markup, CSV neutralises cells a spreadsheet would take as a formula
 * (OWASP "CSV injection").
 */
import { escapeMarkdown, plainText } from '../text-safety.js';
import { renderFittedTable, type FitOptions } from './fit.js';

export const ROW_FORMATS = ['table', 'csv', 'json', 'md'] as const;
export type RowFormat = (typeof ROW_FORMATS)[number];

/** Rows to format: column names in order and one object per row (a saved query's result). */
export interface RowSet {
  columns: readonly string[];
  /** DuckDB type of each column; TIMESTAMP columns are written as ISO-8601 UTC in CSV and JSON. */
  types?: readonly string[];
  rows: ReadonlyArray<Readonly<Record<string, unknown>>>;
}

/** `2026-03-12 09:16:56.7` (DuckDB's text of a TIMESTAMP) as `2026-03-12T09:16:56.7000000Z`; other text unchanged. */
export function isoTimestamp(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d+))?$/.exec(v);
  return m ? `${m[1]}T${m[2]}.${(m[3] ?? '').padEnd(7, '0').slice(0, 7)}Z` : v;
}

/** `result` with the values of its TIMESTAMP columns (not WITH TIME ZONE) through `isoTimestamp`. */
function withIsoTimestamps(result: RowSet): RowSet {
  const ts = result.columns.filter((_c, i) => /^TIMESTAMP(_NS|_MS|_S)?$/.test(result.types?.[i] ?? ''));
  if (ts.length === 0) return result;
  return {
    ...result,
    rows: result.rows.map((r) => {
      const out = { ...r };
      for (const c of ts) out[c] = isoTimestamp(r[c]);
      return out;
    }),
  };
}

/** Leading characters that make a spreadsheet read a cell as a formula (OWASP: = + - @ tab CR). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A plain number (`-5`, `+1.5e3`): a spreadsheet reads it as the number, never as a formula. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/** A cell a spreadsheet would evaluate, prefixed with `'` so it stays text; plain numbers stay as they are. */
export function safeCsvText(s: string): string {
  return FORMULA_START.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
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
  rowSet: RowSet,
  format: RowFormat,
  fit: FitOptions = { width: Infinity, isTTY: true },
): string {
  const result = format === 'csv' || format === 'json' ? withIsoTimestamps(rowSet) : rowSet;
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

function csvCell(text: string): string {
  const s = safeCsvText(text);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
