/** Numbers of System fields given as text (XML exports, attribute text): decimal or `0x` hex. */

/** A finite number, or null for empty/non-numeric text. */
export function parseNumber(s: string | null): number | null {
  if (s === null || s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** An unsigned integer of any size (decimal or `0x…`), or null. */
export function parseBigInt(s: string | null): bigint | null {
  if (s === null || !/^\s*(0x[0-9a-f]+|\d+)\s*$/i.test(s)) return null;
  return BigInt(s.trim());
}
