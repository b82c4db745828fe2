/** What an input file is, decided by its content (never by its extension). */
import { open } from 'node:fs/promises';
import { decodeText } from '../xml/index.js';
import { detectConfigKind, type ConfigKind } from './config/index.js';

export type InputKind = 'evtx' | 'xml' | ConfigKind;

/** Archives: zip and gzip are unpacked; the others are named so the message can say how to unpack them. */
export type ArchiveKind = 'zip' | 'gzip' | '7z' | 'rar' | 'tar';

const HEAD_BYTES = 64 * 1024;
const EVTX_MAGIC = 'ElfFile\0';

/** The kind of the file, or null when it is none bindtrail reads. Throws on I/O errors. */
export async function detectKind(path: string): Promise<InputKind | null> {
  return kindOfHead(await readHead(path));
}

/** The first bytes of a file, for `kindOfHead` and `archiveOfHead`. Throws on I/O errors. */
export async function readHead(path: string): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  let head: Uint8Array;
  try {
    const buf = new Uint8Array(HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
    head = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  return head;
}

/** The archive format of the first bytes, by their magic numbers, or null. */
export function archiveOfHead(head: Uint8Array): ArchiveKind | null {
  const starts = (...bytes: number[]): boolean => bytes.every((b, i) => head[i] === b);
  // Local file header, or the end record of an empty archive.
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'zip';
  if (starts(0x1f, 0x8b)) return 'gzip';
  if (starts(0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c)) return '7z';
  if (starts(0x52, 0x61, 0x72, 0x21, 0x1a, 0x07)) return 'rar';
  if (head.length >= 262 && String.fromCharCode(...head.subarray(257, 262)) === 'ustar') return 'tar';
  return null;
}

/** Detection on the first bytes of a file. */
export function kindOfHead(head: Uint8Array): InputKind | null {
  if (head.length >= 8 && String.fromCharCode(...head.subarray(0, 8)) === EVTX_MAGIC) return 'evtx';
  if (head.length === 0 || looksBinary(head)) return null;
  const text = decodeText(head);
  if (isEventExport(text)) return 'xml';
  return detectConfigKind(text);
}

/**
 * An event export starts (after a BOM, white space, an XML declaration and comments) with an
 * `<Events>` or `<Event>` element.
 */
export function isEventExport(text: string): boolean {
  let s = text.replace(/^\uFEFF/, '');
  for (;;) {
    s = s.trimStart();
    if (s.startsWith('<?')) {
      const end = s.indexOf('?>');
      if (end < 0) return false;
      s = s.slice(end + 2);
    } else if (s.startsWith('<!--')) {
      const end = s.indexOf('-->');
      if (end < 0) return false;
      s = s.slice(end + 3);
    } else break;
  }
  return /^<([A-Za-z_][\w.-]*:)?Events?[\s>/]/.test(s);
}

/** NUL bytes that are not UTF-16 padding: a binary file. */
function looksBinary(head: Uint8Array): boolean {
  const n = Math.min(head.length, 4096);
  let zeros = 0;
  for (let i = 0; i < n; i++) if (head[i] === 0) zeros++;
  if (zeros === 0) return false;
  // UTF-16 text has a NUL in about every other byte; anything else with NULs is binary.
  return zeros < n / 4 || zeros > (n * 3) / 4;
}
