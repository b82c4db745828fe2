/** Numbers and times of System fields given as text (XML exports, attribute text). */

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

/** `YYYY-MM-DDThh:mm:ss[.fffffff…]Z` → FILETIME ticks (100 ns since 1601), sub-tick digits dropped. */
export function ticksFromIso(s: string): bigint | null {
  const m = /^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z?$/.exec(s.trim());
  if (m === null) return null;
  const ms = Date.parse(`${m[1]}T${m[2]}Z`);
  if (Number.isNaN(ms)) return null;
  const frac = BigInt(((m[3] ?? '') + '0000000').slice(0, 7));
  return (BigInt(ms) / 1000n + 11644473600n) * 10000000n + frac;
}
