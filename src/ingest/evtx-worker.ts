/** Worker-thread entry: receives UnitJobs, posts UnitResults with their buffers transferred. */
import { parentPort } from 'node:worker_threads';
import { BufferPool, batchTransferables } from '../store/row-batch.js';
import { parseUnit, type UnitJob } from './evtx-units.js';

if (parentPort) {
  const port = parentPort;
  const pool = new BufferPool();
  port.on('message', (job: UnitJob) => {
    try {
      if (job.recycle) pool.give(job.recycle);
      const result = parseUnit(job, pool);
      // The unit's input buffer goes back too, for the next read.
      const input = job.bytes.buffer as ArrayBuffer;
      port.postMessage({ ok: true, result, input }, [...result.batches.flatMap(batchTransferables), input]);
    } catch (e) {
      port.postMessage({ ok: false, seq: job.seq, message: e instanceof Error ? e.message : String(e) });
    }
  });
}
