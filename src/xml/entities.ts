/**
 * Entity and character references (XML 1.0 §4.1, §4.6): only the five predefined entities and
 * numeric references are known. There is no entity expansion of any other kind, so nothing here
 * can grow the input (billion laughs, external entities).
 */

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Longest reference accepted: `&#x10FFFF;` is 10 characters; allow leading zeros up to 32. */
const MAX_REF = 32;

/** Called with a reason and the index in `raw` where the bad reference starts; must throw. */
export type RefFailure = (reason: string, index: number) => never;

/** Decode `&…;` references in `raw` (which contains at least one `&`). */
export function decodeReferences(raw: string, fail: RefFailure): string {
  let out = '';
  let last = 0;
  let amp = raw.indexOf('&');
  while (amp >= 0) {
    const semi = raw.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp > MAX_REF) fail('"&" not followed by a reference ending in ";" (write &amp;)', amp);
    const ref = raw.slice(amp + 1, semi);
    out += raw.slice(last, amp) + resolve(ref, amp, fail);
    last = semi + 1;
    amp = raw.indexOf('&', last);
  }
  return out + raw.slice(last);
}

function resolve(ref: string, at: number, fail: RefFailure): string {
  if (ref.charCodeAt(0) === 0x23 /* # */) {
    const hex = ref.charCodeAt(1) === 0x78; /* x */
    const digits = ref.slice(hex ? 2 : 1);
    if (digits === '' || !(hex ? /^[0-9A-Fa-f]+$/ : /^[0-9]+$/).test(digits))
      fail(`malformed character reference "&${ref};"`, at);
    const cp = parseInt(digits, hex ? 16 : 10);
    // XML 1.0 Char excludes NUL and surrogates; other C0 controls are accepted because Windows
    // renders event strings containing them as references (lenient, like Event Viewer).
    if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
      fail(`character reference "&${ref};" is not a valid character`, at);
    return String.fromCodePoint(cp);
  }
  const v = PREDEFINED[ref];
  if (v === undefined) {
    fail(
      `unknown entity "&${ref};": only &lt; &gt; &amp; &quot; &apos; and character references are supported (no DTD entities)`,
      at,
    );
  }
  return v;
}
