/**
 * python-evtx 0.6.1 renders a string array (0x81) as one element holding `<string>…</string>`
 * lines, found with an unanchored regex over the UTF-16 bytes (Evtx/Nodes.py
 * WstringArrayTypeNode.string): leading empty strings are moved after the first non-empty one.
 * This reproduces that text from our items so both can be compared exactly.
 */

export function pythonStringArray(items: string[]): string {
  let bin = Buffer.from(items.join('\0') + '\0', 'utf16le');
  const acc: string[] = [];
  const frag = /(?:[^\x00][^\n])+/;
  while (bin.length > 0) {
    const m = frag.exec(bin.toString('latin1'));
    if (m) {
      acc.push('<string>', Buffer.from(m[0], 'latin1').toString('utf16le'), '</string>\n');
      bin = bin.subarray(m[0].length + 2);
      if (bin.length === 0) break;
    }
    let zeros = 0;
    while (zeros < bin.length && bin[zeros] === 0) zeros++;
    for (let i = 0; i < zeros >> 1; i++) acc.push('<string></string>\n');
    bin = bin.subarray(zeros);
    if (!m && zeros === 0) break;
  }
  return acc.join('');
}
