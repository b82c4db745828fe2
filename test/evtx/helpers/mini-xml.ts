/**
 * A small XML reader for comparing rendered events in tests: elements, attributes, text,
 * CDATA and the predefined/character entities. Whitespace-only text between elements is dropped.
 */

export interface XEl {
  name: string;
  attrs: Map<string, string>;
  children: XEl[];
  text: string;
}

const ENT: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
    return ENT[e] ?? m;
  });
}

export function parseXml(xml: string): XEl {
  const root: XEl = { name: '#root', attrs: new Map(), children: [], text: '' };
  const stack: XEl[] = [root];
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? xml.length : lt;
    if (textEnd > i) stack[stack.length - 1]!.text += unescapeXml(xml.slice(i, textEnd));
    if (lt < 0) break;
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt);
      stack[stack.length - 1]!.text += xml.slice(lt + 9, end);
      i = end + 3;
    } else if (xml.startsWith('<?', lt) || xml.startsWith('<!--', lt)) {
      i = xml.indexOf(xml[lt + 1] === '?' ? '?>' : '-->', lt) + (xml[lt + 1] === '?' ? 2 : 3);
    } else if (xml[lt + 1] === '/') {
      const end = xml.indexOf('>', lt);
      const name = xml.slice(lt + 2, end).trim();
      const top = stack.pop()!;
      if (top.name !== name) throw new Error(`mismatched </${name}> closing <${top.name}>`);
      i = end + 1;
    } else {
      const re = /\s*([^\s=/>]+)\s*=\s*"([^"]*)"|\s*([^\s=/>]+)\s*=\s*'([^']*)'/y;
      const nameMatch = /<([^\s/>]+)/y;
      nameMatch.lastIndex = lt;
      const nm = nameMatch.exec(xml)!;
      const el: XEl = { name: nm[1]!, attrs: new Map(), children: [], text: '' };
      let p = nameMatch.lastIndex;
      for (;;) {
        re.lastIndex = p;
        const m = re.exec(xml);
        if (!m) break;
        el.attrs.set(m[1] ?? m[3]!, unescapeXml(m[2] ?? m[4]!));
        p = re.lastIndex;
      }
      while (xml[p] === ' ' || xml[p] === '\n' || xml[p] === '\t' || xml[p] === '\r') p++;
      stack[stack.length - 1]!.children.push(el);
      if (xml[p] === '/') i = p + 2;
      else {
        stack.push(el);
        i = p + 1;
      }
    }
  }
  const clean = (e: XEl): void => {
    if (e.children.length > 0 && e.text.trim() === '') e.text = '';
    e.children.forEach(clean);
  };
  clean(root);
  return root.children[0]!;
}
