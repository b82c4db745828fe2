/** Rendering a report model in the format asked for (or the one the output file's extension names). */
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { InputError, UsageError } from '../errors.js';
import type { ReportModel } from '../model/index.js';
import { renderHtml } from '../report/render-html.js';
import { renderJson } from '../report/render-json.js';
import { renderMarkdown } from '../report/render-md.js';

export const REPORT_FORMATS = ['md', 'html', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** `--format` wins; else the extension of `-o` (.md/.markdown, .html/.htm, .json); else `fallback`. */
export function reportFormat(
  format: string | undefined,
  out: string | undefined,
  fallback: ReportFormat,
): ReportFormat {
  if (format !== undefined) {
    if (!(REPORT_FORMATS as readonly string[]).includes(format))
      throw new UsageError(`--format "${format}" is not one of ${REPORT_FORMATS.join('|')}`);
    return format as ReportFormat;
  }
  if (out === undefined) return fallback;
  const ext = extname(out).toLowerCase();
  if (ext === '.md' || ext === '.markdown') return 'md';
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.json') return 'json';
  throw new UsageError(`cannot tell the report format from "${out}" (use .md, .html or .json, or --format)`);
}

/**
 * The report as text in `format`. `zone` is the display zone already resolved (`--tz`); without
 * it the model's zone is used.
 */
export function renderReport(model: ReportModel, format: ReportFormat, zone?: string | null): string {
  const options = zone === undefined ? {} : { zone };
  switch (format) {
    case 'html':
      return renderHtml(model, options);
    case 'json':
      return renderJson(model);
    default:
      return renderMarkdown(model, options);
  }
}

/** Writes the report to `out`, or to stdout when `out` is undefined or `-`. */
export function writeReport(text: string, out: string | undefined): void {
  if (out === undefined || out === '-') {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(out, text);
  } catch (e) {
    throw new InputError(`cannot write the report (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, out);
  }
}
