/**
 * The one walk over what the user named, shared by `ingest` and `analyze`: files, folders
 * (recursive), globs and archives (unpacked, nested ones too) become typed sources. A file of no
 * known kind found while walking (a README beside the logs) is counted in `unknown`; one named on
 * the command line, or named `*.evtx`, is a failure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { ARCHIVE_LIMITS, unpackGzip, unpackZip, type ArchiveLimits, type UnpackBudget } from './archive.js';
import { archiveOfHead, kindOfHead, readHead, type ArchiveKind, type InputKind } from './detect.js';
import { expandInputs } from './inputs.js';

/** A file to load: `name` as shown and kept in `files.path`, `file` where its bytes are. */
export interface Source {
  name: string;
  file: string;
  kind: InputKind;
  size: number;
}

/** An input that cannot be loaded (missing, unreadable, unknown though named, refused archive entry). */
export interface SourceFailure {
  name: string;
  message: string;
}

export interface Sources {
  sources: Source[];
  failures: SourceFailure[];
  /** Files of no known kind met while walking folders, globs or archives: skipped. */
  unknown: string[];
  /** Removes the unpacked archive entries (call it in a `finally`). */
  cleanup(): void;
}

export const NOT_SUPPORTED = 'not an EVTX file, XML event export or known configuration artefact';

const UNPACK_HINT: Record<Exclude<ArchiveKind, 'zip' | 'gzip'>, (p: string) => string> = {
  '7z': (p) => `7-Zip archives are not read; unpack it with "7z x ${basename(p)}" and name the folder`,
  rar: (p) => `RAR archives are not read; unpack it with "unrar x ${basename(p)}" and name the folder`,
  tar: (p) => `tar archives are not read; unpack it with "tar -xf ${basename(p)}" and name the folder`,
};

/** Walks `inputs`; archives are unpacked into a temporary folder that `cleanup` removes. */
export async function collectSources(
  inputs: readonly string[],
  limits: ArchiveLimits = ARCHIVE_LIMITS,
): Promise<Sources> {
  const { files, named, missing } = await expandInputs(inputs);
  let dir: string | null = null;
  const out: Sources = {
    sources: [],
    failures: missing.map((m) => ({ name: m.input, message: m.reason })),
    unknown: [],
    cleanup: () => {
      if (dir !== null) rmSync(dir, { recursive: true, force: true });
      dir = null;
    },
  };
  const tempDir = (): string => (dir ??= mkdtempSync(join(tmpdir(), 'bindtrail-unpack-')));
  const written = { count: 0 };
  try {
    for (const f of files) {
      const budget = { dir: '', limits, used: 0, written };
      await visit(out, { name: f, file: f, named: named.has(resolve(f)), depth: 0 }, budget, tempDir);
    }
  } catch (e) {
    out.cleanup();
    throw e;
  }
  return out;
}

interface Visit {
  name: string;
  file: string;
  /** Named on the command line (an unknown kind is then an error). */
  named: boolean;
  /** Archives around it. */
  depth: number;
}

async function visit(out: Sources, v: Visit, budget: UnpackBudget, tempDir: () => string): Promise<void> {
  let head: Uint8Array;
  let size: number;
  try {
    head = await readHead(v.file);
    size = (await stat(v.file)).size;
  } catch (e) {
    out.failures.push({ name: v.name, message: cannotRead(e) });
    return;
  }
  const kind = kindOfHead(head);
  if (kind !== null) {
    out.sources.push({ name: v.name, file: v.file, kind, size });
    return;
  }
  const archive = archiveOfHead(head);
  if (archive === null) {
    // A file named like an event log that is none (empty, damaged header) is reported, not skipped.
    if (v.named || /\.evtx$/i.test(v.name))
      out.failures.push({ name: v.name, message: size === 0 ? 'empty file (0 bytes)' : NOT_SUPPORTED });
    else out.unknown.push(v.name);
    return;
  }
  if (archive !== 'zip' && archive !== 'gzip') {
    out.failures.push({ name: v.name, message: UNPACK_HINT[archive](v.name.split('!').pop() ?? v.name) });
    return;
  }
  if (v.depth + 1 > budget.limits.maxDepth) {
    out.failures.push({
      name: v.name,
      message: `refused: archives nested more than ${budget.limits.maxDepth} deep; unpack the outer ones first`,
    });
    return;
  }
  budget.dir = tempDir();
  const unpacked =
    archive === 'zip' ? await unpackZip(v.file, v.name, budget) : await unpackGzip(v.file, v.name, budget);
  out.failures.push(...unpacked.refused);
  for (const e of unpacked.entries) {
    await visit(out, { name: e.name, file: e.file, named: false, depth: v.depth + 1 }, budget, tempDir);
  }
}

function cannotRead(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'EACCES' || err.code === 'EPERM') return 'cannot read: permission denied (check its permissions)';
  if (err.code === 'EISDIR') return 'cannot read: is a directory';
  return `cannot read: ${err.code ?? err.message}`;
}
