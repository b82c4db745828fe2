/** Character classes of the XML tokenizer (XML 1.0 §2.3). */

export const Ch = {
  Tab: 0x09,
  Lf: 0x0a,
  Cr: 0x0d,
  Space: 0x20,
  Bang: 0x21,
  Quot: 0x22,
  Apos: 0x27,
  Minus: 0x2d,
  Dot: 0x2e,
  Slash: 0x2f,
  Colon: 0x3a,
  Lt: 0x3c,
  Eq: 0x3d,
  Gt: 0x3e,
  Question: 0x3f,
  Under: 0x5f,
  Bom: 0xfeff,
} as const;

export const isSpace = (c: number): boolean => c === Ch.Space || c === Ch.Lf || c === Ch.Tab || c === Ch.Cr;

/** ASCII name classes: 1 = may start a name, 2 = may continue one. */
const NAME_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const start = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === Ch.Under || c === Ch.Colon;
  NAME_CLASS[c] = start ? 3 : (c >= 0x30 && c <= 0x39) || c === Ch.Minus || c === Ch.Dot ? 2 : 0;
}

// Beyond ASCII the tokenizer is permissive: any character from U+00B7/U+00C0 on (except the BOM).
export const isNameStart = (c: number): boolean => (c < 128 ? (NAME_CLASS[c]! & 1) !== 0 : c >= 0xc0 && c !== Ch.Bom);
export const isNameChar = (c: number): boolean =>
  c < 128 ? NAME_CLASS[c]! !== 0 : c === 0xb7 || (c >= 0xc0 && c !== Ch.Bom);

export function isAllSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isSpace(s.charCodeAt(i))) return false;
  return true;
}
