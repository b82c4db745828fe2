/**
 * References as links: a finding's reference text is looked up in the knowledge catalogue
 * (knowledge/data/references.json); only an http(s) URL becomes a link, anything else stays text.
 */
import { REFERENCES } from '../knowledge/references.js';
import { safeHttpUrl } from './text-safety.js';

let byText: Map<string, string> | undefined;

/** The link of a reference text (`label` without the URL when the text ends with it), or null. */
export function referenceLink(text: string): { label: string; url: string } | null {
  byText ??= new Map([...REFERENCES.values()].filter((r) => r.url).map((r) => [r.text, r.url!]));
  const url = safeHttpUrl(byText.get(text) ?? /https?:\/\/\S+/.exec(text)?.[0] ?? '');
  if (url === null) return null;
  const label = text
    .replace(url, '')
    .replace(/[\s:,(–—-]+$/, '')
    .trim();
  return { label: label === '' ? url : label, url };
}
