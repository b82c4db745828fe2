/**
 * Normalising the rendering differences between python-evtx 0.6.1 and Windows-style XML
 * (../shared/corpus/MANIFEST.md), so both render the same event as the same values.
 */
import type { XEl } from './mini-xml.js';

const TIME = /^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d:\d\d)(?:\.(\d+))?Z?$/;

/** Canonical form of one value: times to microseconds, GUIDs upper-case, hex ints unpadded, bools lower-case. */
export function normValue(s: string): string {
  const t = TIME.exec(s);
  if (t) return `${t[1]} ${t[2]}.${((t[3] ?? '') + '000000').slice(0, 6)}`;
  if (/^\{[0-9a-fA-F-]{36}\}$/.test(s)) return s.toUpperCase();
  if (/^0x[0-9a-fA-F]+$/.test(s)) return '0x' + BigInt(s).toString(16);
  if (s === 'True' || s === 'False') return s.toLowerCase();
  return s;
}

function micros(t: RegExpExecArray): number {
  return Date.parse(`${t[1]}T${t[2]}Z`) * 1000 + Number(((t[3] ?? '') + '000000').slice(0, 6));
}

function base64ToHex(s: string): string | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) return null;
  return Buffer.from(s, 'base64').toString('hex').toUpperCase();
}

/** Whether two values are the same value (numbers by value, Binary hex vs base64). */
export function sameValue(ours: string, theirs: string): boolean {
  const a = normValue(ours);
  const b = normValue(theirs);
  if (a === b) return true;
  const ta = TIME.exec(a);
  const tb = TIME.exec(b);
  // python-evtx converts FILETIME through a float: its microseconds are off by up to a few units.
  if (ta && tb) return Math.abs(micros(ta) - micros(tb)) <= 4;
  if (/^[0-9A-F]+$/.test(ours) && ours.length % 2 === 0 && base64ToHex(theirs) === ours) return true;
  const x = Number(a);
  const y = Number(b);
  if (a !== '' && b !== '' && Number.isFinite(x) && Number.isFinite(y))
    return Math.abs(x - y) <= 1e-6 * Math.max(1, Math.abs(x), Math.abs(y));
  return false;
}

const STRING_ARRAY = /^(?:<string>[\s\S]*?<\/string>\n)+$/;

/** python-evtx writes a string array as one element holding `<string>…</string>` lines: split it. */
export function splitPythonArrays(e: XEl): void {
  const out: XEl[] = [];
  for (const c of e.children) {
    if (c.children.length === 0 && STRING_ARRAY.test(c.text)) {
      for (const m of c.text.matchAll(/<string>([\s\S]*?)<\/string>\n/g)) out.push({ ...c, text: m[1]!, children: [] });
    } else {
      splitPythonArrays(c);
      out.push(c);
    }
  }
  e.children = out;
}

/** First difference between our element and python-evtx's, or null. Empty attributes are ignored on both sides. */
export function diffEvent(ours: XEl, theirs: XEl, path = ''): string | null {
  const here = `${path}/${ours.name}`;
  if (ours.name !== theirs.name) return `${here}: element ${ours.name} vs ${theirs.name}`;
  const oa = [...ours.attrs].filter(([, v]) => v !== '');
  const ta = new Map([...theirs.attrs].filter(([, v]) => v !== ''));
  if (oa.length !== ta.size)
    return `${here}: attributes ${oa.map(([k]) => k).join(',')} vs ${[...ta.keys()].join(',')}`;
  for (const [k, v] of oa) {
    const tv = ta.get(k);
    if (tv === undefined || !sameValue(v, tv)) return `${here}/@${k}: ${JSON.stringify(v)} vs ${JSON.stringify(tv)}`;
  }
  if (!sameValue(ours.text, theirs.text))
    return `${here}: text ${JSON.stringify(ours.text.slice(0, 80))} vs ${JSON.stringify(theirs.text.slice(0, 80))}`;
  if (ours.children.length !== theirs.children.length) {
    return `${here}: ${ours.children.length} children vs ${theirs.children.length} (${ours.children.map((c) => c.name).join(',')} vs ${theirs.children.map((c) => c.name).join(',')})`;
  }
  for (let i = 0; i < ours.children.length; i++) {
    const d = diffEvent(ours.children[i]!, theirs.children[i]!, here);
    if (d !== null) return d;
  }
  return null;
}
