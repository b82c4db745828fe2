/** How wide and how framed the terminal tables of a command are, from its output stream. */
import type { FitOptions } from '../report/terminal/fit.js';
import { terminalWidth } from '../report/terminal/fit.js';

/**
 * On a TTY: framed, fitted to `COLUMNS` or the terminal's width (80 at least). In a pipe: plain
 * text, fitted only when `COLUMNS` is set, else one line per row (for grep).
 */
export function tableFitFor(
  stream: { isTTY?: boolean; columns?: number },
  env: Readonly<Record<string, string | undefined>> = process.env,
): FitOptions {
  const isTTY = stream.isTTY === true;
  const width = isTTY || (env.COLUMNS ?? '').trim() !== '' ? terminalWidth(env, stream.columns) : Infinity;
  return { width, isTTY };
}
