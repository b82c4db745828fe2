/**
 * Bytes → text for XML and the other text artefacts: the BOM decides (UTF-8, UTF-16LE as
 * `reg export` and Event Viewer write, UTF-16BE); without one, a NUL in the second byte means
 * UTF-16LE, in the first UTF-16BE, else UTF-8. Invalid sequences become U+FFFD, never an error.
 */
import { TextDecoder } from 'node:util';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export function sniffEncoding(head: Uint8Array): { encoding: TextEncoding; bomLength: number } {
  const [a, b, c] = [head[0], head[1], head[2]];
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  if (head.length >= 2 && a !== 0 && b === 0) return { encoding: 'utf-16le', bomLength: 0 };
  if (head.length >= 2 && a === 0 && b !== 0) return { encoding: 'utf-16be', bomLength: 0 };
  return { encoding: 'utf-8', bomLength: 0 };
}

/** Decode a whole file's bytes (BOM removed). */
export function decodeText(bytes: Uint8Array): string {
  const { encoding, bomLength } = sniffEncoding(bytes.subarray(0, 4));
  return new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(bytes.subarray(bomLength));
}

/** A streaming decoder for chunks whose first chunk is `head` (BOM removed from the output). */
export function textDecoderFor(head: Uint8Array): TextDecoder {
  const { encoding } = sniffEncoding(head);
  return new TextDecoder(encoding, { fatal: false, ignoreBOM: false });
}
