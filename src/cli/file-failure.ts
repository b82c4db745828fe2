/** The lines a file that could not be loaded, or was loaded only in part, gets on stderr while ingest goes on. */
import type { FileOutcome } from '../ingest/index.js';

/** `bindtrail: PATH: message`, or `bindtrail: PATH @ 0x…: message` when the message starts with an offset. */
export function fileFailureLine(o: FileOutcome): string {
  return `bindtrail: ${o.path}${o.message?.startsWith('@') ? ' ' : ': '}${o.message}\n`;
}

/** `bindtrail: PATH: truncated at … bytes: …` for a file read in part; empty for one read whole. */
export function fileDamageLine(o: FileOutcome): string {
  return o.damage === null ? '' : `bindtrail: ${o.path}: ${o.damage.summary}\n`;
}
