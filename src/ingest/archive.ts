/**
 * Archives a responder brings (`case.zip`, zips inside zips, `System.evtx.gz`): each entry is
 * unpacked into a private temporary folder, with the limits below enforced while it streams, and
 * named `case.zip!WEB01/System.evtx` wherever bindtrail shows or stores its path. Entry names are
 * never used to build a path on disk (entries are numbered), so a hostile name cannot write
 * outside that folder; names that try to are refused anyway, one line each.
 */
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import yauzl from 'yauzl';

/** Limits against hostile archives (zip bombs, path escapes), per archive named on the command line. */
export interface ArchiveLimits {
  /** Bytes all entries of one archive (nested ones included) may unpack to. */
  maxTotalBytes: number;
  /** Entries one archive may hold. */
  maxEntries: number;
  /** Largest uncompressed/compressed ratio of an entry larger than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** Archives inside archives, the outer one counting 1. */
  maxDepth: number;
}

export const ARCHIVE_LIMITS: ArchiveLimits = {
  maxTotalBytes: 16 * 1024 ** 3,
  maxEntries: 10_000,
  maxRatio: 200,
  ratioFloorBytes: 1024 ** 2,
  maxDepth: 3,
};

/** An unpacked entry: `name` as shown and stored, `file` where its bytes are. */
export interface UnpackedEntry {
  name: string;
  file: string;
}

/** An archive or entry not unpacked, with the reason. */
export interface RefusedEntry {
  name: string;
  message: string;
}

export interface Unpacked {
  entries: UnpackedEntry[];
  refused: RefusedEntry[];
}

/** Where entries go and how much of the budget of the outermost archive is spent. */
export interface UnpackBudget {
  dir: string;
  limits: ArchiveLimits;
  /** Bytes unpacked so far. */
  used: number;
  /** Files written so far into `dir` (shared by every archive of one walk: entries are numbered). */
  written: { count: number };
}

const GIB = 1024 ** 3;

/** The entries of the zip `file` (shown as `name`), regular files only, directories and symlinks left out. */
export async function unpackZip(file: string, name: string, budget: UnpackBudget): Promise<Unpacked> {
  const out: Unpacked = { entries: [], refused: [] };
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, decodeStrings: false, autoClose: false });
  } catch (e) {
    out.refused.push({ name, message: `not a readable zip archive (${(e as Error).message})` });
    return out;
  }
  try {
    if (zip.entryCount > budget.limits.maxEntries) {
      out.refused.push({
        name,
        message: `refused: ${zip.entryCount} entries, more than the ${budget.limits.maxEntries} an archive may hold`,
      });
      return out;
    }
    for await (const entry of zip.eachEntry()) {
      const entryName = yauzl.getFileNameLowLevel(
        entry.generalPurposeBitFlag,
        entry.fileNameRaw,
        entry.extraFields,
        false,
      );
      const shown = `${name}!${entryName}`;
      if (entryName.endsWith('/') || isSymlink(entry)) continue;
      const why = refusal(entry, entryName, budget);
      if (why !== null) {
        out.refused.push({ name: shown, message: `refused: ${why}` });
        continue;
      }
      try {
        const target = nextFile(budget);
        await writeLimited(await zip.openReadStreamPromise(entry), target, budget, entry.uncompressedSize);
        out.entries.push({ name: shown, file: target });
      } catch (e) {
        out.refused.push({ name: shown, message: unpackFailure(e) });
      }
    }
  } catch (e) {
    out.refused.push({
      name,
      message: `damaged zip archive (${(e as Error).message}); the entries before it were read`,
    });
  } finally {
    zip.close();
  }
  return out;
}

/** The one member of the gzip file `file` (shown as `name`), named like the file without `.gz`. */
export async function unpackGzip(file: string, name: string, budget: UnpackBudget): Promise<Unpacked> {
  const inner = `${name}!${(name.split(/[\\/!]/).pop() ?? name).replace(/\.t?gz$/i, '') || 'content'}`;
  const compressed = (await stat(file)).size;
  const target = nextFile(budget);
  try {
    const { createReadStream } = await import('node:fs');
    await writeLimited(createReadStream(file).pipe(createGunzip()), target, budget, null, compressed);
    return { entries: [{ name: inner, file: target }], refused: [] };
  } catch (e) {
    return { entries: [], refused: [{ name, message: unpackFailure(e) }] };
  }
}

function isSymlink(entry: yauzl.Entry): boolean {
  // Unix mode in the upper 16 bits of the external attributes (made on Unix: version made by 3).
  return (entry.versionMadeBy >> 8 === 3 && ((entry.externalFileAttributes >>> 16) & 0o170000) === 0o120000) || false;
}

/** Why an entry is not unpacked, or null. */
function refusal(entry: yauzl.Entry, entryName: string, budget: UnpackBudget): string | null {
  if (isEscaping(entryName)) return 'its path leaves the archive (absolute, a drive letter or "..")';
  if (entry.isEncrypted()) return 'encrypted entries are not read (unpack it with the password first)';
  if (!entry.canDecodeFileData()) return `compression method ${entry.compressionMethod} is not supported`;
  const { limits } = budget;
  const size = entry.uncompressedSize;
  if (size > limits.ratioFloorBytes && size > limits.maxRatio * Math.max(entry.compressedSize, 1)) {
    const ratio = Math.round(size / Math.max(entry.compressedSize, 1));
    return `compression ratio ${ratio}:1 is above ${limits.maxRatio}:1 (a zip bomb?)`;
  }
  if (budget.used + size > limits.maxTotalBytes) return overBudget(limits);
  return null;
}

/** Absolute, drive-lettered, UNC or `..`-climbing names (backslashes count as separators). */
export function isEscaping(entryName: string): boolean {
  const n = entryName.replace(/\\/g, '/');
  if (n.startsWith('/') || /^[A-Za-z]:/.test(n) || n.includes('\0')) return true;
  return n.split('/').some((seg) => seg === '..');
}

function overBudget(limits: ArchiveLimits): string {
  return `the archive would unpack to more than ${(limits.maxTotalBytes / GIB).toFixed(0)} GiB`;
}

function nextFile(budget: UnpackBudget): string {
  budget.written.count += 1;
  return join(budget.dir, `entry-${budget.written.count}`);
}

class LimitError extends Error {}

/**
 * Streams `from` into `target`, stopping as soon as the budget, the declared size (when known) or,
 * for gzip, the ratio to `compressed` bytes is exceeded.
 */
async function writeLimited(
  from: Readable,
  target: string,
  budget: UnpackBudget,
  declared: number | null,
  compressed?: number,
): Promise<void> {
  const { limits } = budget;
  let written = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, next) {
      written += chunk.length;
      budget.used += chunk.length;
      if (budget.used > limits.maxTotalBytes) return next(new LimitError(overBudget(limits)));
      if (declared !== null && written > declared) return next(new LimitError('more bytes than the archive declares'));
      if (
        compressed !== undefined &&
        written > limits.ratioFloorBytes &&
        written > limits.maxRatio * Math.max(compressed, 1)
      ) {
        return next(new LimitError(`compression ratio above ${limits.maxRatio}:1 (a zip bomb?)`));
      }
      next(null, chunk);
    },
  });
  await pipeline(from, meter, createWriteStream(target, { mode: 0o600 }));
}

function unpackFailure(e: unknown): string {
  if (e instanceof LimitError) return `refused: ${e.message}`;
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOSPC')
    return 'cannot unpack: no space left in the temporary folder (set TMPDIR to a larger disk)';
  if (err.code === 'Z_DATA_ERROR' || err.code === 'Z_BUF_ERROR') return `damaged compressed data (${err.message})`;
  return `cannot unpack (${err.code ?? err.message})`;
}
