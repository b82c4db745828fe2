/** Helpers shared by the configuration-artefact parsers: hashes, GUIDs, endpoints, errors. */
import { InputError } from '../../errors.js';
import type { ConfigKind, ConfigRows } from './types.js';

export const ZERO_GUID = '{00000000-0000-0000-0000-000000000000}';

/** A parse failure at a line of an artefact: `line 12: …`. */
export function configError(file: string, line: number | null, message: string, suggestion?: string): InputError {
  return new InputError(line === null ? message : `line ${line}: ${message}`, file, undefined, suggestion);
}

export function emptyRows(kind: ConfigKind): ConfigRows {
  return { kind, host: null, metadata: [], bindings: [], certificates: [], ipListen: [], protocols: [], warnings: [] };
}

/**
 * A thumbprint as written by netsh (`a1b2…`), certutil (`a1 b2 …` or `a1b2…`) or IIS: uppercase
 * hex without separators; null when empty or `(null)`; undefined when it is not hex at all.
 */
export function normaliseHash(text: string | null | undefined): string | null | undefined {
  if (text === null || text === undefined) return null;
  const t = text.trim();
  if (t === '' || t.toLowerCase() === '(null)') return null;
  const hex = t.replace(/[\s:-]/g, '');
  return /^[0-9A-Fa-f]+$/.test(hex) && hex.length % 2 === 0 ? hex.toUpperCase() : undefined;
}

/** True for a hash of only zero digits. */
export const isZeroHash = (hex: string): boolean => /^0+$/.test(hex);

/** `{xxxxxxxx-…}` in any case, with or without braces → `{UPPERCASE}`; null if not a GUID. */
export function normaliseGuid(text: string | null | undefined): string | null {
  const m = /^\{?([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})\}?$/.exec(
    (text ?? '').trim(),
  );
  return m ? `{${m[1]!.toUpperCase()}}` : null;
}

/**
 * A GUID's 16 bytes as Windows stores them (registry `AppId`): Data1 (u32), Data2 and Data3 (u16)
 * little-endian, Data4 the 8 bytes as they are.
 */
export function guidFromBytes(b: Uint8Array): string | null {
  if (b.length !== 16) return null;
  const h = (i: number): string => b[i]!.toString(16).padStart(2, '0');
  const rev = (from: number, n: number): string => Array.from({ length: n }, (_, k) => h(from + n - 1 - k)).join('');
  const fwd = (from: number, n: number): string => Array.from({ length: n }, (_, k) => h(from + k)).join('');
  return `{${rev(0, 4)}-${rev(4, 2)}-${rev(6, 2)}-${fwd(8, 2)}-${fwd(10, 6)}}`.toUpperCase();
}

/**
 * HTTP.sys endpoint of an IIS binding (`bindingInformation` = `IP:port:hostHeader`):
 * `*` or empty IP → `0.0.0.0`; `[IPv6]` kept; an SNI binding (sslFlags bit 0) is keyed by
 * `hostHeader:port`; a Central Certificate Store binding (bit 1) by `ccs:port`.
 */
export function endpointOfBinding(info: string, sslFlags: number | null): string | null {
  const m = /^(\[[^\]]*\]|[^:]*):(\d{1,5}):(.*)$/.exec(info.trim());
  if (!m) return null;
  const [ip, port, host] = [m[1]!, m[2]!, m[3]!];
  const flags = sslFlags ?? 0;
  if (flags & 2) return `ccs:${port}`;
  if (flags & 1 && host !== '') return `${host.toLowerCase()}:${port}`;
  return `${ip === '' || ip === '*' ? '0.0.0.0' : ip}:${port}`;
}

/** Split text into lines (CRLF, LF or CR); index + 1 is the line number. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}
