/**
 * `bindtrail analyze PATH… [--db FILE] [-o report.html|md|json] [--format F] [--window 2m] [--tz ZONE] [--all]`:
 * ingest (into a temporary database unless --db), correlate, print the findings summary, write
 * the report.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { buildReportModel } from '../../correlate/build-report.js';
import { parseDuration } from '../../correlate/time.js';
import { InputError, UsageError } from '../../errors.js';
import { ingestPaths } from '../../ingest/index.js';
import { TtyProgress } from '../../ingest/progress.js';
import { resolveDisplayZone } from '../../report/format-time.js';
import { openDatabase } from '../../store/db.js';
import { findingsSummary } from '../summary-table.js';
import { renderReport, reportFormat, writeReport } from '../write-report.js';

interface Opts {
  db?: string;
  output?: string;
  format?: string;
  window?: string;
  tz?: string;
  all?: boolean;
  host?: string;
  strict?: boolean;
  carve?: boolean;
}

export function register(program: Command): void {
  program
    .command('analyze')
    .description('ingest exported logs and artefacts, find the root cause, print a summary and write the incident report')
    .argument('<paths...>', 'files, directories (recursive) or globs: .evtx, XML event exports, applicationHost.config, netsh/reg/certutil exports')
    .option('--db <file>', 'keep the database in this file (default: a temporary one, removed afterwards)')
    .option('-o, --output <file>', 'report file: .html, .md or .json (default: Markdown on stdout)')
    .option('-f, --format <format>', 'md | html | json (default: from the -o extension)')
    .option('--window <duration>', 'ABO-mapper trigger → binding deletion window', '2m')
    .option('--tz <zone>', 'IANA zone for local times beside UTC in the report')
    .option('--all', 'every event in the report timeline')
    .option('--host <name>', 'host name for configuration artefacts that do not name one')
    .option('--strict', 'CRC32 mismatches are errors, not warnings')
    .option('--carve', 'also recover records from slack space and damaged chunks')
    .action(async (paths: string[], opts: Opts) => {
      const format = reportFormat(opts.format, opts.output, 'md');
      const window = parseDuration(opts.window ?? '2m');
      resolveDisplayZone(opts.tz);
      if (paths.length === 0) throw new UsageError('name at least one file, directory or pattern to analyze');
      // With the report on stdout, everything else goes to stderr.
      const info = opts.output === undefined || opts.output === '-' ? process.stderr : process.stdout;
      const named = new Set(paths.map((p) => resolve(p)));
      const skipped: string[] = [];
      let failed = 0;
      const tmp = opts.db === undefined ? mkdtempSync(join(tmpdir(), 'bindtrail-')) : null;
      try {
        const db = await openDatabase(opts.db ?? join(tmp!, 'analyze.duckdb'));
        let text: string;
        try {
          const ingest = await ingestPaths(db, paths, {
            strict: opts.strict === true,
            carve: opts.carve === true,
            host: opts.host ?? null,
            progress: process.stderr.isTTY ? new TtyProgress(process.stderr) : undefined,
            onFile: (o) => {
              if (o.status !== 'failed') return;
              // A file of no known type found while walking a folder (a README beside the logs) is
              // skipped quietly; a damaged log, or a file named on the command line, is an error.
              if (o.kind === null && !named.has(resolve(o.path))) skipped.push(o.path);
              else {
                failed += 1;
                process.stderr.write(`bindtrail: ${o.path}${o.message?.startsWith('@') ? ' ' : ': '}${o.message}\n`);
              }
            },
          });
          if (skipped.length > 0) {
            process.stderr.write(`bindtrail: skipped ${skipped.length} file(s) that are neither event logs nor known artefacts (${skipped.slice(0, 3).map((p) => basename(p)).join(', ')}${skipped.length > 3 ? ', …' : ''})\n`);
          }
          if (ingest.files.every((f) => f.status === 'failed')) {
            // Each failure already has its line; without one, say why there is no report.
            if (failed === 0) throw new InputError('nothing could be ingested', paths.join(' '), undefined, 'give .evtx files, XML event exports or configuration artefacts');
            process.exitCode = 1;
            return;
          }
          if (failed > 0) process.exitCode = 1;
          const model = await buildReportModel(db.conn, { window, all: opts.all, timeZone: opts.tz ?? 'UTC' });
          info.write(findingsSummary(model));
          text = renderReport(model, format, opts.tz);
        } finally {
          db.close();
        }
        writeReport(text, opts.output);
        if (opts.output !== undefined && opts.output !== '-') info.write(`report written to ${opts.output}\n`);
        if (opts.db !== undefined) info.write(`database kept in ${opts.db} (bindtrail query|timeline|report --db ${opts.db})\n`);
      } finally {
        if (tmp) rmSync(tmp, { recursive: true, force: true });
      }
    });
}
