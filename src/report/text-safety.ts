/**
 * Escaping for strings that come from logs and artefacts. Event data is attacker-controlled
 * (a service display name, a command line, a host name can hold markup or terminal escapes), so
 * every renderer passes every model string through one of these before output.
 */

// C0 controls (ESC starts terminal escape sequences), DEL, C1 controls, and the Unicode bidi
// overrides/isolates that can make a line read differently from its bytes (U+202A–U+202E,
// U+2066–U+2069), plus line/paragraph separators that break single-line output.
const UNSAFE_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u2028\u2029]/g;
const LINE_BREAKS = /[\t\r\n]+/g;

/** One line of plain text: controls and bidi overrides become U+FFFD, tabs/newlines a space. */
export function plainText(value: string): string {
  return value.replace(LINE_BREAKS, ' ').replace(UNSAFE_CHARS, '\uFFFD');
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/**
 * Escape for HTML/SVG text and for double- or single-quoted attribute values (the same escape
 * is safe in both contexts). Control characters are replaced first.
 */
export function escapeHtml(value: string): string {
  return plainText(value).replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c] ?? c);
}

// CommonMark: any ASCII punctuation may be backslash-escaped. These are the ones that can start
// emphasis, code, links, raw HTML, entities, autolinks, strikethrough (GFM) or end a table cell.
const MD_INLINE = /[\\`*_[\]<>|~&$]/g;
// Block starters matter only at the start of a line (a list item's content counts): headings,
// bullets, quotes, thematic breaks, setext underlines, ordered lists (`1. ` / `1) `).
const MD_LINE_START = /^(\s*)([#+\-=>]|\d{1,9}(?=[.)](?:\s|$)))/;

/**
 * Escape a string for Markdown inline text or a GFM table cell: one line, no markup, no raw HTML,
 * pipes escaped. The result renders as the literal input text.
 */
export function escapeMarkdown(value: string): string {
  const text = plainText(value).replace(MD_INLINE, (c) => `\\${c}`);
  return text.replace(MD_LINE_START, (_m, space: string, lead: string) =>
    /^\d/.test(lead) ? `${space}${lead}\\` : `${space}\\${lead}`,
  );
}

/** A URL safe to put in an href: http(s) only, no spaces or quotes; otherwise null. */
export function safeHttpUrl(value: string): string | null {
  return /^https?:\/\/[^\s"'<>`\\]+$/i.test(value) ? value : null;
}
