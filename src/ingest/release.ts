/**
 * Prompt release of transferred buffers. Row batches and file units are ArrayBuffers that move
 * between threads; V8 frees them only when a small JS heap happens to be collected, so dead
 * buffers pile up to hundreds of MB. A minor collection (the batches die young) every 16 MB of
 * buffers keeps the ingest's RSS flat at a cost of well under a millisecond each.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Gc = (options?: { type: 'minor' | 'major' }) => void;
let gc: Gc | null | undefined;

function collector(): Gc | null {
  if (gc !== undefined) return gc;
  try {
    setFlagsFromString('--expose-gc');
    const fn = runInNewContext('gc') as unknown;
    gc = typeof fn === 'function' ? (fn as Gc) : null;
  } catch {
    gc = null;
  }
  return gc;
}

const EVERY_BYTES = 64 * 1024 * 1024;
let released = 0;

/** Count `bytes` of buffers that just became garbage; collect once enough accumulated. */
export function buffersReleased(bytes: number): void {
  released += bytes;
  if (released < EVERY_BYTES) return;
  released = 0;
  collector()?.({ type: 'major' });
}
