/**
 * What a file holds before its chunks are read: the file header, the chunk slots counted from
 * the file size, and the file-level findings.
 */
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { EvtxInputError } from './errors.js';
import { chunkSlots, fileHeaderFindings, parseFileHeader } from './file-header.js';
import type { ChunkSlot, FileHeader } from './file-header.js';
import type { EvtxItem } from './items.js';
import { FILE_HEADER_SIZE } from './types.js';

/** What a file holds before its chunks are read. */
export interface EvtxLayout {
  fileName: string;
  fileSize: number;
  header: FileHeader;
  /** Chunk slots counted from the file size (not the header's count). */
  chunks: ChunkSlot[];
  /** File-level findings (header CRC, stale or excessive chunk count). */
  warnings: string[];
}

/** The EvtxInputError for a failed open/stat/read of the file. */
export function ioError(e: unknown, fileName: string, offset: number): EvtxInputError {
  const err = e as NodeJS.ErrnoException;
  const why =
    err.code === 'ENOENT'
      ? 'no such file'
      : err.code === 'EISDIR'
        ? 'is a directory'
        : err.code === 'EACCES'
          ? 'permission denied'
          : err.message;
  return new EvtxInputError(`cannot read: ${why}`, fileName, offset);
}

/** Layout of an in-memory file. Throws EvtxInputError when the bytes are not EVTX. */
export function layoutOf(bytes: Uint8Array, fileName = '<buffer>'): EvtxLayout {
  const header = parseFileHeader(bytes, fileName);
  return {
    fileName,
    fileSize: bytes.length,
    header,
    chunks: chunkSlots(bytes.length),
    warnings: fileHeaderFindings(header, bytes.length),
  };
}

/**
 * Read the file header and enumerate the chunks of a file on disk. Throws EvtxInputError for a
 * missing, unreadable or non-EVTX file.
 */
export async function readFileHeader(path: string, fileName = path): Promise<EvtxLayout> {
  let fh: FileHandle;
  try {
    fh = await open(path, 'r');
  } catch (e) {
    throw ioError(e, fileName, 0);
  }
  try {
    return (await layoutFromHandle(fh, fileName)).layout;
  } finally {
    await fh.close();
  }
}

/** The layout of an open file, with the header block it was read from (up to 4096 bytes). */
export async function layoutFromHandle(
  fh: FileHandle,
  fileName: string,
): Promise<{ layout: EvtxLayout; head: Uint8Array }> {
  let size: number;
  let head: Uint8Array;
  try {
    size = (await fh.stat()).size;
    head = new Uint8Array(Math.min(FILE_HEADER_SIZE, size));
    await fh.read(head, 0, head.length, 0);
  } catch (e) {
    throw ioError(e, fileName, 0);
  }
  const header = parseFileHeader(head, fileName);
  return {
    layout: { fileName, fileSize: size, header, chunks: chunkSlots(size), warnings: fileHeaderFindings(header, size) },
    head,
  };
}

/** The file-level findings of a layout as warning items. */
export function fileWarnings(layout: EvtxLayout): EvtxItem[] {
  return layout.warnings.map((message) => ({
    kind: 'warning',
    file: layout.fileName,
    chunkIndex: null,
    offset: 0,
    message,
  }));
}
