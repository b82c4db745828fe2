/**
 * `reg export HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols FILE.reg`
 * (UTF-16LE with BOM as reg.exe writes it, or ASCII/UTF-8): per protocol and side the `Enabled` and
 * `DisabledByDefault` DWORDs.
 *
 *   [HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server]
 *   "Enabled"=dword:00000000
 *   "DisabledByDefault"=dword:00000001
 *
 * `Enabled` 0 turns the protocol off, any other value (often 0xffffffff) on; `DisabledByDefault` 1
 * means it is used only by programs that ask for it explicitly. A value or key that is absent means
 * the Windows default of that build (the analysis decides). ControlSet001… keys are read too.
 */
import { decodeText } from '../../xml/index.js';
import { configError, splitLines } from './common.js';

export type SchannelSide = 'Server' | 'Client';

export interface SchannelProtocolRow {
  /** As the key names it, e.g. `TLS 1.2`, `SSL 3.0`, `Multi-Protocol Unified Hello`. */
  protocol: string;
  side: SchannelSide;
  /** DWORD value, or null when absent. */
  enabled: number | null;
  disabledByDefault: number | null;
  line: number;
}

export interface SchannelProtocolRows {
  kind: 'reg-schannel-protocols';
  host: string | null;
  protocols: SchannelProtocolRow[];
  warnings: string[];
}

const KEY = /\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\([^\\\]]{1,64})\\(Server|Client)$/i;
const PROTOCOLS_ROOT = /\\Control\\SecurityProviders\\SCHANNEL\\Protocols(\\|$)/i;

/** True when a .reg text holds SCHANNEL\Protocols keys. */
export function looksLikeSchannelProtocolsReg(text: string): boolean {
  const head = text
    .slice(0, 64 * 1024)
    .replace(/^\uFEFF/, '')
    .trimStart();
  return (
    /^(Windows Registry Editor Version 5\.00|REGEDIT4)\s/.test(head) &&
    /\\SecurityProviders\\SCHANNEL\\Protocols/i.test(head)
  );
}

export function parseRegSchannelProtocols(input: string | Uint8Array, file: string): SchannelProtocolRows {
  const text = (typeof input === 'string' ? input : decodeText(input)).replace(/^\uFEFF/, '');
  const rows: SchannelProtocolRows = { kind: 'reg-schannel-protocols', host: null, protocols: [], warnings: [] };
  const lines = splitLines(text);
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0 || !/^(Windows Registry Editor Version 5\.00|REGEDIT4)$/.test(lines[first]!.trim())) {
    throw configError(
      file,
      first < 0 ? 1 : first + 1,
      'not a .reg export ("Windows Registry Editor Version 5.00" expected)',
    );
  }
  let cur: SchannelProtocolRow | null = null;
  let seenRoot = false;
  const byKey = new Map<string, SchannelProtocolRow>();
  for (let i = first + 1; i < lines.length; i++) {
    let t = lines[i]!.trim();
    while (t.endsWith('\\') && i + 1 < lines.length && !t.startsWith('[')) t = t.slice(0, -1) + lines[++i]!.trim();
    if (t === '' || t.startsWith(';')) continue;
    if (t.startsWith('[')) {
      const name = t.replace(/^\[|\]$/g, '');
      if (PROTOCOLS_ROOT.test(name)) seenRoot = true;
      const m = name.startsWith('-') ? null : KEY.exec(name);
      cur = null;
      if (m) {
        const protocol = m[1]!.trim();
        const side: SchannelSide = m[2]!.toLowerCase() === 'server' ? 'Server' : 'Client';
        const id = `${protocol.toLowerCase()}|${side}`;
        cur = byKey.get(id) ?? { protocol, side, enabled: null, disabledByDefault: null, line: i + 1 };
        if (!byKey.has(id)) {
          byKey.set(id, cur);
          rows.protocols.push(cur);
        }
      }
      continue;
    }
    const v = /^"([^"]{1,64})"\s*=\s*(.*)$/.exec(t);
    if (!v || !cur) continue;
    const name = v[1]!.toLowerCase();
    if (name !== 'enabled' && name !== 'disabledbydefault') continue;
    const value = dword(v[2]!.trim());
    if (value === null) {
      rows.warnings.push(
        `line ${i + 1}: "${v[1]}" of ${cur.protocol}\\${cur.side} is not a DWORD ("${v[2]!.slice(0, 40)}")`,
      );
      continue;
    }
    if (name === 'enabled') cur.enabled = value;
    else cur.disabledByDefault = value;
  }
  if (!seenRoot)
    throw configError(
      file,
      null,
      'no SCHANNEL\\Protocols key: not an export of SecurityProviders\\SCHANNEL\\Protocols',
    );
  return rows;
}

/** `dword:00000001`, `hex(4):01,00,00,00` → number; null otherwise. */
function dword(d: string): number | null {
  const m = /^dword:([0-9a-f]{1,8})$/i.exec(d);
  if (m) return parseInt(m[1]!, 16);
  const h = /^hex\(4\):([0-9a-f]{2}),([0-9a-f]{2}),([0-9a-f]{2}),([0-9a-f]{2})$/i.exec(d.replace(/\s+/g, ''));
  if (h)
    return (
      (parseInt(h[1]!, 16) | (parseInt(h[2]!, 16) << 8) | (parseInt(h[3]!, 16) << 16) | (parseInt(h[4]!, 16) << 24)) >>>
      0
    );
  return null;
}
