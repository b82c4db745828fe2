/**
 * `mkdir -p` that cannot loop: Node's `mkdirSync(p, { recursive: true })` retries forever where
 * mkdir answers ENOENT although the parent exists (`/proc/x` as root). Here each missing folder is
 * made once, from the deepest existing one down, and the first failure is thrown as it is.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Makes `path` and its missing parents; throws the file system's error (ENOTDIR, EACCES, ENOENT…). */
export function makeDirs(path: string): void {
  const missing: string[] = [];
  let p = resolve(path);
  for (;;) {
    try {
      if (!statSync(p).isDirectory()) {
        throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${p}'`), { code: 'ENOTDIR', path: p });
      }
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      missing.push(p);
      const up = dirname(p);
      if (up === p) break;
      p = up;
    }
  }
  for (const dir of missing.reverse()) {
    try {
      mkdirSync(dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}
