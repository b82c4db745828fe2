/** `analyze --parquet GLOB…`: correlate a Parquet case dataset in place (nothing is ingested). */
import { buildReportModel } from '../correlate/build-report.js';
import { UsageError } from '../errors.js';
import type { IngestSummary } from '../ingest/index.js';
import { findingsSummary } from '../report/terminal/summary-table.js';
import type { AnalyzeOptions, AnalyzeOutcome } from './commands/analyze.js';
import { openCaseDatabase } from './open-db.js';
import { renderReport, writeReport } from './write-report.js';

const NOTHING_INGESTED: IngestSummary = {
  files: [],
  records: 0,
  duplicates: 0,
  warnings: 0,
  errors: 0,
  failed: 0,
  bytes: 0,
  seconds: 0,
  unknown: [],
};

/** The findings summary and the report of the dataset parts in `options.parquet`. */
export async function analyzeDataset(options: AnalyzeOptions): Promise<AnalyzeOutcome> {
  if (options.paths.length > 0) throw new UsageError('give PATHs to ingest or --parquet GLOB, not both');
  if (options.db !== undefined) throw new UsageError('give --db FILE or --parquet GLOB, not both');
  const info = options.output === undefined || options.output === '-' ? process.stderr : process.stdout;
  const db = await openCaseDatabase({ parquet: options.parquet });
  let text: string;
  let model: AnalyzeOutcome['model'];
  try {
    model = await buildReportModel(db.conn, {
      window: options.window,
      all: options.all,
      timeZone: options.timeZone.name,
    });
    info.write(findingsSummary(model));
    text = renderReport(model, options.format, options.timeZone.display);
  } finally {
    db.close();
  }
  writeReport(text, options.output);
  if (options.output !== undefined && options.output !== '-') info.write(`report written to ${options.output}\n`);
  return { exitStatus: 0, ingest: NOTHING_INGESTED, model };
}
