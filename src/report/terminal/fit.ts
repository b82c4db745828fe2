/**
 * Tables fitted to the terminal width: each column has a minimum and maximum width and may be
 * marked to wrap; wrapping columns give up space first, then the others are cut with `…`.
 * On a TTY the table is framed with box-drawing characters; in a pipe it is plain text (columns
 * separated by two spaces, no box-drawing, no ANSI). Pure: width and TTY flag are arguments.
 * Cells must already be one line of safe text (text-safety.ts plainText).
 */

/** Narrowest width a table is laid out for, whatever the terminal says. */
export const MIN_TABLE_WIDTH = 80;

export interface ColumnSpec {
  header: string;
  /** Narrowest width of the cell text (default: 4). */
  min?: number;
  /** Widest width of the cell text (default: unbounded). */
  max?: number;
  /** The column wraps onto further lines instead of being cut. */
  wrap?: boolean;
  align?: 'left' | 'right';
}

export interface FitOptions {
  /** Terminal width in columns (see terminalWidth). */
  width: number;
  isTTY: boolean;
}

/**
 * Width to fit tables to: `COLUMNS` when it is a positive integer, else the stream's columns,
 * else 80; never below MIN_TABLE_WIDTH.
 */
export function terminalWidth(
  env: Readonly<Record<string, string | undefined>>,
  streamColumns?: number | null,
): number {
  const fromEnv = env.COLUMNS !== undefined && /^\d+$/.test(env.COLUMNS.trim()) ? Number(env.COLUMNS.trim()) : NaN;
  const w = fromEnv > 0 ? fromEnv : streamColumns && streamColumns > 0 ? streamColumns : MIN_TABLE_WIDTH;
  return Math.max(MIN_TABLE_WIDTH, Math.floor(w));
}

const len = (s: string): number => [...s].length;

/** Characters a table needs besides its cell text. */
export function tableOverhead(columns: number, isTTY: boolean): number {
  return isTTY ? 3 * columns + 1 : 2 * Math.max(0, columns - 1);
}

/** Column widths (cell text only) for `rows` under `specs` within `width`. */
export function fitColumnWidths(
  specs: readonly ColumnSpec[],
  rows: readonly (readonly string[])[],
  options: FitOptions,
): number[] {
  const width = Math.max(MIN_TABLE_WIDTH, options.width);
  const mins = specs.map((s) => Math.max(1, s.min ?? 4));
  const widths = specs.map((s, i) => {
    let natural = len(s.header);
    for (const r of rows) natural = Math.max(natural, len(r[i] ?? ''));
    return Math.max(mins[i]!, Math.min(s.max ?? Infinity, natural));
  });
  let excess = widths.reduce((a, b) => a + b, 0) + tableOverhead(specs.length, options.isTTY) - width;
  // Wrapping columns first, then the others; the widest column gives up one character at a time.
  for (const wrapping of [true, false]) {
    while (excess > 0) {
      let best = -1;
      for (let i = 0; i < specs.length; i++) {
        if (Boolean(specs[i]!.wrap) !== wrapping || widths[i]! <= mins[i]!) continue;
        if (best < 0 || widths[i]! > widths[best]!) best = i;
      }
      if (best < 0) break;
      widths[best]! -= 1;
      excess -= 1;
    }
  }
  return widths;
}

/** Lines of `text` at most `width` wide: broken at spaces, else after `\` `/` `.` `-`, else anywhere. */
export function wrapCell(text: string, width: number): string[] {
  const chars = [...text];
  if (chars.length <= width) return [text];
  const out: string[] = [];
  let rest = chars;
  while (rest.length > width) {
    let cut = -1;
    for (let i = width; i > 0; i--) {
      if (rest[i] === ' ') {
        cut = i;
        break;
      }
    }
    if (cut <= 0) {
      for (let i = width - 1; i > 0; i--) {
        if ('\\/.-'.includes(rest[i]!)) {
          cut = i + 1;
          break;
        }
      }
    }
    if (cut <= 0) cut = width;
    out.push(rest.slice(0, cut).join('').trimEnd());
    rest = rest.slice(cut);
    while (rest[0] === ' ') rest = rest.slice(1);
  }
  if (rest.length > 0) out.push(rest.join(''));
  return out;
}

function truncate(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - len(text)));
  return align === 'right' ? fill + text : text + fill;
}

/** The table as text fitted to `options.width` (lines joined with `\n`, no trailing newline). */
export function renderFittedTable(
  specs: readonly ColumnSpec[],
  rows: readonly (readonly string[])[],
  options: FitOptions,
): string {
  const widths = fitColumnWidths(specs, rows, options);
  const cellLines = (cells: readonly string[]): string[][] =>
    specs.map((s, i) => (s.wrap ? wrapCell(cells[i] ?? '', widths[i]!) : [truncate(cells[i] ?? '', widths[i]!)]));
  const lines = (cells: readonly string[], header: boolean): string[] => {
    const cols = cellLines(cells);
    const height = Math.max(...cols.map((c) => c.length));
    const out: string[] = [];
    for (let k = 0; k < height; k++) {
      const parts = cols.map((c, i) => pad(c[k] ?? '', widths[i]!, header ? 'left' : (specs[i]!.align ?? 'left')));
      out.push(options.isTTY ? `│ ${parts.join(' │ ')} │` : parts.join('  ').trimEnd());
    }
    return out;
  };
  const header = lines(
    specs.map((s) => s.header),
    true,
  );
  const body = rows.flatMap((r) => lines(r, false));
  if (!options.isTTY) {
    const rule = widths.map((w) => '-'.repeat(w)).join('  ');
    return [...header, rule, ...body].join('\n');
  }
  const border = (l: string, m: string, r: string): string => `${l}${widths.map((w) => '─'.repeat(w + 2)).join(m)}${r}`;
  return [border('┌', '┬', '┐'), ...header, border('├', '┼', '┤'), ...body, border('└', '┴', '┘')].join('\n');
}
