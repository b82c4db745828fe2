/**
 * Where commands write (`-o`, `--db`, `export --parquet DIR`), checked before the work starts, and
 * file-system errors as one line saying what to do.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { makeDirs } from '../util/make-dirs.js';

/** What to do about a file-system error code, in words. */
const ADVICE: Record<string, string> = {
  EACCES: 'permission denied; choose a folder you can write or fix its permissions',
  EPERM: 'operation not permitted; choose another location',
  EROFS: 'read-only file system; choose another location',
  ENOTDIR: 'a part of the path is a file, not a folder; choose another path',
  EISDIR: 'is a folder; name a file',
  ENOENT: 'no such file or folder; check the path',
  ENOSPC: 'no space left on the device; free some or choose another disk',
  EEXIST: 'already exists',
  ELOOP: 'too many symbolic links; check the path',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files; raise the limit (ulimit -n)',
  EBUSY: 'busy; close the program using it',
};

/** The error code of a Node file-system error, or undefined. */
export function systemErrorCode(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && code in ADVICE ? code : undefined;
}

/** A Node file-system error as an InputError naming `path` (default: the error's own path). */
export function fileSystemError(e: unknown, what: string, path?: string): InputError {
  const err = e as NodeJS.ErrnoException;
  const code = systemErrorCode(e);
  const advice = code ? ADVICE[code]! : (err.message ?? String(e));
  return new InputError(`${what}: ${advice}`, path ?? err.path ?? '');
}

/** Throws InputError unless a file can be written at `file` (its folder exists and is writable). */
export function checkOutputFile(file: string, what: string): void {
  const abs = resolve(file);
  try {
    const st = statSync(abs, { throwIfNoEntry: false });
    if (st?.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    if (st) accessSync(abs, constants.W_OK);
    else {
      const dir = statSync(dirname(abs));
      if (!dir.isDirectory()) throw Object.assign(new Error('ENOTDIR'), { code: 'ENOTDIR' });
      accessSync(dirname(abs), constants.W_OK);
    }
  } catch (e) {
    throw fileSystemError(e, `cannot write ${what}`, file);
  }
}

/** Makes the output folder `dir` (and its parents); throws InputError naming it on failure. */
export function prepareOutputDir(dir: string, what: string): void {
  try {
    makeDirs(dir);
    accessSync(dir, constants.W_OK);
  } catch (e) {
    // mkdir answers ENOENT where the parent exists but takes no folders (/proc, /sys).
    if (systemErrorCode(e) === 'ENOENT')
      throw new InputError(`cannot write ${what}: cannot make a folder there; choose another path`, dir);
    throw fileSystemError(e, `cannot write ${what}`, dir);
  }
}
