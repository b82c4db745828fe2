/** Typed errors. Only the CLI entry turns them into exit codes and one-line messages. */
import { EvtxError } from './evtx/errors.js';

export class BindtrailError extends Error {
  override name = 'BindtrailError';
}

/** The user asked for something that cannot work (bad flag, missing argument). */
export class UsageError extends BindtrailError {
  override name = 'UsageError';
}

/** An input file is missing, unreadable, of the wrong type or damaged beyond use. */
export class InputError extends BindtrailError {
  override name = 'InputError';
  constructor(
    message: string,
    readonly file?: string,
    readonly offset?: number,
    readonly suggestion?: string,
  ) {
    super(message);
  }
}

/** A bounds-checked read ran past the data it was given. */
export class FormatError extends BindtrailError {
  override name = 'FormatError';
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * One-line text for an error shown to the user: `file @ 0xoffset: message (suggestion)`
 * (the EVTX reader's errors too).
 */
export function describeError(err: unknown): string {
  if (err instanceof InputError) {
    const where = err.file ? `${err.file}${err.offset !== undefined ? ` @ 0x${err.offset.toString(16)}` : ''}: ` : '';
    return `${where}${err.message}${err.suggestion ? ` (${err.suggestion})` : ''}`;
  }
  if (err instanceof FormatError) return `@ 0x${err.offset.toString(16)}: ${err.message}`;
  if (err instanceof EvtxError) {
    const at = err.offset !== undefined ? `@ 0x${err.offset.toString(16)}` : '';
    const where = err.file ? `${err.file}${at ? ` ${at}` : ''}: ` : at ? `${at}: ` : '';
    return `${where}${err.message}`;
  }
  if (err instanceof Error) return err.message;
  return String(err);
}
