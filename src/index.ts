/**
 * bindtrail as a library: the supported API, the same functions the CLI runs. Read and write
 * EVTX, open a database and ingest logs and artefacts into it, run saved queries, correlate into
 * a report model, render it as Markdown, HTML or JSON (or terminal text).
 */

// EVTX: streaming reader (file path or bytes) and the writer.
export { readEvtx, readEvtxChunks } from './evtx/index.js';
export type { ElementNode, EvtxErrorItem, EvtxItem, EvtxRecord, EvtxWarningItem, ReadOptions } from './evtx/index.js';
export type { EvtxEvent, JsonValue } from './evtx/index.js';
export { recordJson } from './evtx/index.js';
export { EvtxWriter, FileSink, MemorySink, writeEvtx, v } from './evtx/index.js';
export type {
  DataItem,
  EventDataSpec,
  EventSpec,
  EvtxSink,
  ProviderSpec,
  TypedValue,
  UserDataSpec,
  WriterOptions,
} from './evtx/index.js';

// Database: open (a file or ':memory:') and ingest paths (files, folders, globs).
export { openDatabase } from './store/db.js';
export type { Database } from './store/db.js';
export { ingestPaths } from './ingest/index.js';
export type { FileOutcome, IngestOptions, IngestSummary, InputKind } from './ingest/index.js';

// Saved queries: the bundled folder, loading, resolving an id or a .sql file, running.
export { queriesDir } from './paths.js';
export { loadSavedQueries, resolveSavedQuery } from './store/saved-query.js';
export type { QueryParam, SavedQuery } from './store/saved-query.js';
export { runSavedQuery } from './store/run-query.js';
export type { QueryResult, Row } from './store/run-query.js';

// Correlation: findings, the timeline, the report model.
export { findAll } from './correlate/correlate.js';
export type { CorrelateOptions } from './correlate/correlate.js';
export { buildTimeline } from './correlate/timeline.js';
export type { TimelineOptions } from './correlate/timeline.js';
export { buildReportModel } from './correlate/build-report.js';
export type { ReportOptions } from './correlate/build-report.js';
export { LEVELS } from './model/index.js';
export type { Confidence, Evidence, Finding, FindingKind, Level } from './model/index.js';
export { REPORT_SCHEMA_VERSION } from './model/index.js';
export type { FileSummary, HostSummary, ReportModel, TimelineEntry } from './model/index.js';

// Rendering: one call per format, or by format name as `bindtrail report` does.
export { renderMarkdown } from './report/render-md.js';
export type { RenderOptions } from './report/render-md.js';
export { renderHtml } from './report/render-html.js';
export { renderJson } from './report/render-json.js';
export { REPORT_FORMATS, renderReport } from './cli/write-report.js';
export type { ReportFormat } from './cli/write-report.js';
export { findingsSummary } from './report/terminal/summary-table.js';
export { renderTimelineTable } from './report/terminal/timeline-table.js';
export type { TimelineTableOptions } from './report/terminal/timeline-table.js';
export { ROW_FORMATS, formatRows } from './report/terminal/format-rows.js';
export type { RowFormat, RowSet } from './report/terminal/format-rows.js';

// Errors every call may throw.
export { BindtrailError, InputError, UsageError, describeError } from './errors.js';
export { EvtxError, EvtxInputError } from './evtx/index.js';
