/**
 * `reg export HKLM\SYSTEM\CurrentControlSet\Services\HTTP\Parameters\SslBindingInfo FILE.reg`
 * (UTF-16LE with BOM as reg.exe writes it, or UTF-8/ANSI; decode before calling):
 *
 *   Windows Registry Editor Version 5.00
 *
 *   [HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services\HTTP\Parameters\SslBindingInfo\0.0.0.0:443]
 *   "AppId"=hex:81,e1,c3,4d,4b,e1,21,4a,b0,22,59,fc,66,9b,09,14
 *   "DefaultCertCheckMode"=dword:00000000
 *   "SslCertHash"=hex:a1,78,87,3b,31,40,30,e1,74,63,12,2e,23,bb,28,5a,f0,c5,13,\
 *     38
 *   "SslCertStoreName"="MY"
 *
 * One binding per endpoint key under SslBindingInfo (IP:port), SslSniBindingInfo (hostname:port)
 * or SslCcsBindingInfo (Central Certificate Store, keyed `ccs:port`). `AppId` holds a GUID's 16
 * bytes in Windows order (src/ingest/config/common.ts guidFromBytes).
 */
import { configError, emptyRows, guidFromBytes, isZeroHash, splitLines, ZERO_GUID } from './common.js';
import type { ConfigRows, SslBindingRow } from './types.js';

type RegValue =
  | { kind: 'string'; text: string }
  | { kind: 'dword'; value: number }
  | { kind: 'binary'; type: number; bytes: Uint8Array }
  | { kind: 'delete' };

const BINDING_KEY = /\\HTTP\\Parameters\\(SslBindingInfo|SslSniBindingInfo|SslCcsBindingInfo)\\([^\\]+)$/i;

interface KeyState {
  endpoint: string | null;
  line: number;
  values: Map<string, { v: RegValue; line: number }>;
}

export function parseRegSslBindingInfo(text: string, file: string): ConfigRows {
  const rows = emptyRows('reg-sslbindinginfo');
  const lines = logicalLines(splitLines(text.replace(/^\uFEFF/, '')));
  const first = lines.find((l) => l.text.trim() !== '');
  if (!first || !/^(Windows Registry Editor Version 5\.00|REGEDIT4)\s*$/.test(first.text.trim())) {
    throw configError(
      file,
      first?.line ?? 1,
      `"${(first?.text ?? '').trim().slice(0, 60)}" is not a .reg header ("Windows Registry Editor Version 5.00")`,
    );
  }
  let key: KeyState | null = null;
  const flush = (): void => {
    if (key && key.endpoint !== null) rows.bindings.push(bindingOf(key, rows.warnings));
    key = null;
  };
  for (const { text: raw, line } of lines.slice(lines.indexOf(first) + 1)) {
    const t = raw.trim();
    if (t === '' || t.startsWith(';')) continue;
    if (t.startsWith('[')) {
      flush();
      if (!t.endsWith(']')) rows.warnings.push(`line ${line}: unterminated key name`);
      const name = t.slice(1, t.endsWith(']') ? -1 : undefined);
      const m = name.startsWith('-') ? null : BINDING_KEY.exec(name);
      key = { endpoint: m ? endpointOfKey(m[1]!, m[2]!) : null, line, values: new Map() };
      continue;
    }
    const parsed = parseValueLine(t);
    if (typeof parsed === 'string') rows.warnings.push(`line ${line}: ${parsed}`);
    else if (key) (key as KeyState).values.set(parsed.name.toLowerCase(), { v: parsed.value, line });
    else rows.warnings.push(`line ${line}: value outside any key`);
  }
  flush();
  return rows;
}

function endpointOfKey(container: string, name: string): string {
  const c = container.toLowerCase();
  if (c === 'sslsnibindinginfo') return name.toLowerCase();
  if (c === 'sslccsbindinginfo') return `ccs:${name.slice(name.lastIndexOf(':') + 1)}`;
  return name;
}

function bindingOf(key: KeyState, warnings: string[]): SslBindingRow {
  const row: SslBindingRow = {
    source: 'registry',
    endpoint: key.endpoint,
    site: null,
    bindingInformation: null,
    sslFlags: null,
    certHash: null,
    certStore: null,
    appId: null,
    problems: [],
  };
  const hash = key.values.get('sslcerthash');
  if (hash?.v.kind === 'binary') {
    row.certHash = hash.v.bytes.length === 0 ? null : Buffer.from(hash.v.bytes).toString('hex').toUpperCase();
    if (row.certHash === null) row.problems.push('empty-hash');
    else if (isZeroHash(row.certHash)) row.problems.push('zero-hash');
    else if (hash.v.bytes.length !== 20) row.problems.push('bad-hash-length');
  } else if (!row.endpoint?.startsWith('ccs:')) {
    row.problems.push(hash ? 'bad-hash' : 'missing-hash');
    if (hash) warnings.push(`line ${hash.line}: SslCertHash is not a binary value`);
  }
  const store = key.values.get('sslcertstorename');
  if (store?.v.kind === 'string') row.certStore = store.v.text === '' ? null : store.v.text;
  else if (store?.v.kind === 'binary' && (store.v.type === 1 || store.v.type === 2))
    row.certStore = utf16z(store.v.bytes) || null;
  const app = key.values.get('appid');
  if (app?.v.kind === 'binary') {
    row.appId = guidFromBytes(app.v.bytes);
    if (row.appId === null) warnings.push(`line ${app.line}: AppId has ${app.v.bytes.length} bytes, a GUID has 16`);
  } else if (app?.v.kind === 'string') row.appId = app.v.text.toUpperCase() || null;
  if (row.appId === null || row.appId === ZERO_GUID) row.problems.push(app ? 'null-appid' : 'missing-appid');
  return row;
}

/** Join lines continued with a trailing backslash (hex values wrap at 80 columns). */
function logicalLines(lines: string[]): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let text = lines[i]!;
    while (/\\\s*$/.test(text) && !/^\s*\[/.test(text) && i + 1 < lines.length)
      text = text.replace(/\\\s*$/, '') + lines[++i]!.trim();
    out.push({ text, line: start + 1 });
  }
  return out;
}

/** `"Name"=…` or `@=…` → name and value, or the reason it cannot be read. */
function parseValueLine(t: string): { name: string; value: RegValue } | string {
  let name: string;
  let rest: string;
  if (t.startsWith('@=')) {
    name = '';
    rest = t.slice(2);
  } else {
    const q = readQuoted(t, 0);
    if (!q || t[q.end] !== '=') return `expected "Name"=value, got "${t.slice(0, 60)}"`;
    name = q.text;
    rest = t.slice(q.end + 1);
  }
  const value = parseData(rest.trim());
  return typeof value === 'string' ? `value "${name}": ${value}` : { name, value };
}

function parseData(d: string): RegValue | string {
  if (d === '-') return { kind: 'delete' };
  if (d.startsWith('"')) {
    const q = readQuoted(d, 0);
    return q && d.slice(q.end).trim() === '' ? { kind: 'string', text: q.text } : 'unterminated string';
  }
  const dw = /^dword:([0-9A-Fa-f]{1,8})$/i.exec(d);
  if (dw) return { kind: 'dword', value: parseInt(dw[1]!, 16) };
  const hx = /^hex(?:\(([0-9A-Fa-f]+)\))?:(.*)$/i.exec(d);
  if (!hx) return `unknown data "${d.slice(0, 40)}"`;
  const body = hx[2]!.replace(/\s+/g, '');
  const parts = body === '' ? [] : body.split(',');
  if (parts.some((p) => !/^[0-9A-Fa-f]{1,2}$/.test(p))) return `malformed hex bytes "${body.slice(0, 60)}"`;
  return {
    kind: 'binary',
    type: hx[1] === undefined ? 3 : parseInt(hx[1], 16),
    bytes: Uint8Array.from(parts.map((p) => parseInt(p, 16))),
  };
}

/** A .reg quoted string at `i` (escapes `\\` and `\"`); null when unterminated. */
function readQuoted(s: string, i: number): { text: string; end: number } | null {
  if (s[i] !== '"') return null;
  let out = '';
  for (let k = i + 1; k < s.length; k++) {
    const c = s[k]!;
    if (c === '\\' && k + 1 < s.length) out += s[++k];
    else if (c === '"') return { text: out, end: k + 1 };
    else out += c;
  }
  return null;
}

function utf16z(b: Uint8Array): string {
  return Buffer.from(b).toString('utf16le').replace(/\0+$/, '');
}
