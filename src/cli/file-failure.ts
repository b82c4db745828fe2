/** The lines a file that could not be loaded, or was loaded only in part, gets on stderr while ingest goes on. */
import { basename } from 'node:path';
import type { FileOutcome } from '../ingest/index.js';

/** `bindtrail: PATH: message`, or `bindtrail: PATH @ 0x…: message` when the message starts with an offset. */
export function fileFailureLine(o: FileOutcome): string {
  return `bindtrail: ${o.path}${o.message?.startsWith('@') ? ' ' : ': '}${o.message}\n`;
}

/**
 * The one line for files of no known kind met while walking folders or archives (a README beside
 * the logs), or '' when there were none.
 */
export function skippedLine(unknown: readonly string[]): string {
  if (unknown.length === 0) return '';
  const some = unknown.slice(0, 3).map((p) => basename(p.split('!').pop() ?? p));
  return `bindtrail: skipped ${unknown.length} file(s) that are neither event logs nor known artefacts (${some.join(', ')}${unknown.length > 3 ? ', …' : ''})\n`;
}

/** `bindtrail: PATH: truncated at … bytes: …` for a file read in part; empty for one read whole. */
export function fileDamageLine(o: FileOutcome): string {
  return o.damage === null ? '' : `bindtrail: ${o.path}: ${o.damage.summary}\n`;
}
