/**
 * Child process of the benchmark: reads one file with `readEvtx` and prints one JSON line
 * `{records, errors, warnings, seconds}`. Modes: `parse` (iterate only: record walk, no
 * rendering), `event` (also `event()` on every record), `xml` (also `xml()`).
 *
 *   node dist/bench/parse.js FILE parse|event|xml
 */
import { readEvtx } from '../src/evtx/index.js';

const MODES = ['parse', 'event', 'xml'] as const;
type Mode = (typeof MODES)[number];

async function main(): Promise<void> {
  const [file, modeArg] = process.argv.slice(2);
  const mode = modeArg as Mode;
  if (!file || !MODES.includes(mode)) throw new Error('usage: parse.js FILE parse|event|xml');
  let records = 0;
  let errors = 0;
  let warnings = 0;
  let sink = 0;
  const t0 = process.hrtime.bigint();
  for await (const item of readEvtx(file)) {
    if (item.kind === 'record') {
      records++;
      if (mode === 'event') sink += item.event().values.length;
      else if (mode === 'xml') sink += item.xml().length;
    } else if (item.kind === 'error') errors++;
    else warnings++;
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  process.stdout.write(JSON.stringify({ records, errors, warnings, seconds, sink }) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`parse: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
