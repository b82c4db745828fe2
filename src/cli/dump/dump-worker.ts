/**
 * Worker thread of `dump --threads N`: renders batches of whole chunks (./render-batch.ts) and
 * hands each batch's UTF-8 output back in its own buffer, transferred, not copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { renderTask } from './render-batch.js';
import type { DumpTask, DumpWorkerSetup } from './render-batch.js';

if (parentPort !== null && workerData !== null && typeof workerData === 'object' && 'format' in workerData) {
  const port = parentPort;
  const setup = workerData as DumpWorkerSetup;
  port.on('message', (task: DumpTask) => {
    const r = renderTask(task, setup);
    // The sink's buffer (64 KiB or more) owns its ArrayBuffer: transfer it whole.
    const own = r.out.byteOffset === 0 && r.out.buffer.byteLength >= 1 << 16;
    if (!own) r.out = new Uint8Array(r.out);
    port.postMessage(r, [r.out.buffer as ArrayBuffer]);
  });
}
