/**
 * `bindtrail ingest PATH… --db FILE.duckdb [--strict] [--carve] [--force] [--host NAME]`: load
 * event logs (.evtx, XML exports) and configuration artefacts into a database. Files that cannot
 * be read are reported one line each; the rest is loaded; the exit code is 1 when any failed.
 */
import Table from 'cli-table3';
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { ingestPaths, type FileOutcome, type IngestSummary } from '../../ingest/index.js';
import { TtyProgress } from '../../ingest/progress.js';
import { openDatabase } from '../../store/db.js';

interface IngestFlags {
  db?: string;
  strict?: boolean;
  carve?: boolean;
  force?: boolean;
  host?: string;
}

export function register(program: Command): void {
  program
    .command('ingest')
    .description('load .evtx files, XML event exports and IIS/HTTP.sys configuration artefacts into a DuckDB database')
    .argument('<paths...>', 'files, directories (recursive) or glob patterns; types are detected by content')
    .requiredOption('--db <file>', 'database file (created when missing)')
    .option('--strict', 'CRC32 mismatches are errors, not warnings')
    .option('--carve', 'also recover records from slack space and damaged chunks')
    .option('--force', 'load files again even when the same content (sha256) is already loaded')
    .option('--host <name>', 'host name for configuration artefacts')
    .action(async (paths: string[], flags: IngestFlags) => {
      const summary = await runIngest(paths, flags);
      if (summary.failed > 0) process.exitCode = 1;
    });
}

export async function runIngest(paths: string[], flags: IngestFlags): Promise<IngestSummary> {
  if (!flags.db) throw new UsageError('--db FILE is required');
  if (paths.length === 0) throw new UsageError('name at least one file, directory or pattern to ingest');
  const db = await openDatabase(flags.db);
  try {
    const summary = await ingestPaths(db, paths, {
      strict: flags.strict === true,
      carve: flags.carve === true,
      force: flags.force === true,
      host: flags.host ?? null,
      progress: process.stderr.isTTY ? new TtyProgress(process.stderr) : undefined,
      onFile: (o) => {
        if (o.status === 'failed') process.stderr.write(`bindtrail: ${o.path}${o.message?.startsWith('@') ? ' ' : ': '}${o.message}\n`);
      },
    });
    process.stdout.write(summaryTable(summary) + '\n');
    return summary;
  } finally {
    db.close();
  }
}

/** The closing table: one line per file and a total. */
export function summaryTable(s: IngestSummary): string {
  const t = new Table({ head: ['file', 'kind', 'records', 'warnings', 'errors', 'time'], colAligns: ['left', 'left', 'right', 'right', 'right', 'right'], style: { head: [], border: [] } });
  for (const o of s.files) t.push([o.path, o.kind ?? '-', records(o), o.warnings, o.errors, `${o.seconds.toFixed(2)}s`]);
  const mb = s.bytes / (1024 * 1024);
  t.push([`total: ${s.files.length} file(s), ${s.failed} failed`, `${mb.toFixed(1)} MB`, s.records, s.warnings, s.errors, `${s.seconds.toFixed(2)}s`]);
  return t.toString();
}

function records(o: FileOutcome): string {
  if (o.status === 'skipped') return 'skipped (already loaded)';
  if (o.status === 'failed') return 'failed';
  return o.duplicates > 0 ? `${o.records} (${o.duplicates} dup)` : String(o.records);
}
