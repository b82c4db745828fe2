/** Worker-thread entry: receives UnitJobs, posts UnitResults with their buffers transferred. */
import { parentPort } from 'node:worker_threads';
import { batchTransferables } from '../store/row-batch.js';
import { parseUnit, type UnitJob } from './evtx-units.js';
import { buffersReleased } from './release.js';

if (parentPort) {
  const port = parentPort;
  port.on('message', (job: UnitJob) => {
    try {
      const result = parseUnit(job);
      port.postMessage({ ok: true, result }, result.batches.flatMap(batchTransferables));
      buffersReleased(job.bytes.byteLength * 4);
    } catch (e) {
      port.postMessage({ ok: false, seq: job.seq, message: e instanceof Error ? e.message : String(e) });
    }
  });
}
