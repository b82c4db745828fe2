/** The line a file that could not be loaded gets on stderr while ingest goes on. */
import type { FileOutcome } from '../ingest/index.js';

/** `bindtrail: PATH: message`, or `bindtrail: PATH @ 0x…: message` when the message starts with an offset. */
export function fileFailureLine(o: FileOutcome): string {
  return `bindtrail: ${o.path}${o.message?.startsWith('@') ? ' ' : ': '}${o.message}\n`;
}
