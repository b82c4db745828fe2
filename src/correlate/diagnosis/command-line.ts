/**
 * Reading Windows command lines from Security 4688 (`NewProcessName`, `CommandLine`): image base
 * names, `netsh http … sslcert` arguments, PowerShell `-EncodedCommand`, `IIS:\SslBindings` paths
 * and appcmd `bindingInformation`. All input is untrusted: lengths are capped before any regex.
 */

/** Characters of a command line looked at (Windows caps a command line at 32,767 characters). */
export const COMMAND_LINE_CAP = 32 * 1024;
/** Base64 characters of an `-EncodedCommand` decoded at most. */
const ENCODED_CAP = 48 * 1024;

/** Lower-case file name of a path (`C:\Windows\System32\netsh.exe`, `"\\srv\share\wacs.exe"`). */
export function baseName(path: string | null | undefined): string {
  const p = (path ?? '').trim().replace(/^"+|"+$/g, '');
  const i = Math.max(p.lastIndexOf('\\'), p.lastIndexOf('/'));
  return p.slice(i + 1).toLowerCase();
}

/** The program of a command line: its first token, quoted or not. */
export function firstToken(cmd: string): string {
  const t = cmd.trimStart();
  if (t.startsWith('"')) {
    const end = t.indexOf('"', 1);
    return end < 0 ? t.slice(1) : t.slice(1, end);
  }
  const m = /^\S+/.exec(t);
  return m ? m[0] : '';
}

/** `0.0.0.0:443`, `[::]:443`, `www.contoso.com:443` (lower case), `ccs:443` — the endpoint form of 15300/netsh. */
export function normaliseEndpoint(e: string): string {
  const t = e
    .trim()
    .replace(/^["']+|["']+$/g, '')
    .toLowerCase();
  return t.startsWith('ccs=') ? `ccs:${t.slice(4)}` : t;
}

export interface NetshSslCommand {
  verb: 'delete' | 'add' | 'update' | 'show';
  /** Endpoints the command names (`ipport=`, `hostnameport=`, `ccs=`, `scopedccs=`); empty when none could be read. */
  endpoints: string[];
}

/**
 * `netsh http delete sslcert ipport=0.0.0.0:443` (also `netsh.exe`, quoted values, any case,
 * `hostnameport=`, `ccs=`, `scopedccs=`); null when the text holds no `netsh http … sslcert`.
 */
export function parseNetshSsl(text: string): NetshSslCommand | null {
  const t = text.slice(0, COMMAND_LINE_CAP);
  const m =
    /\bnetsh(?:\.exe)?"?\s+(?:[^\s]+\s+){0,3}?http\s+(delete|add|update|show)\s+sslcert\b([^&|;\r\n]{0,2000})/i.exec(t);
  if (!m) return null;
  const verb = m[1]!.toLowerCase() as NetshSslCommand['verb'];
  const endpoints: string[] = [];
  const arg = /\b(ipport|hostnameport|ccs|scopedccs)\s*=\s*("[^"]{0,300}"|'[^']{0,300}'|[^\s"']{1,300})/gi;
  for (let a = arg.exec(m[2]!); a; a = arg.exec(m[2]!)) {
    const key = a[1]!.toLowerCase();
    const value = a[2]!
      .replace(/^["']|["']$/g, '')
      .trim()
      .toLowerCase();
    endpoints.push(
      key === 'ccs' ? `ccs:${value}` : key === 'scopedccs' ? `ccs:${value.slice(value.lastIndexOf(':') + 1)}` : value,
    );
  }
  return { verb, endpoints };
}

/**
 * The script of `powershell.exe -EncodedCommand <base64 of UTF-16LE>` (any unambiguous prefix:
 * `-e`, `-en`, `-enc`, `-ec`; `/` or an en dash instead of `-`). Returns null when there is none,
 * `undefined` when it is there but not decodable (bad base64, odd length, not text).
 */
export function decodeEncodedCommand(cmd: string): string | null | undefined {
  const m =
    /(?:^|\s)[-/\u2013](?:e|ec|en|enc|enco|encod|encode|encoded|encodedc|encodedco|encodedcom|encodedcomm|encodedcomma|encodedcomman|encodedcommand)\s+"?([^\s"]+)/i.exec(
      cmd.slice(0, COMMAND_LINE_CAP),
    );
  if (!m) return null;
  const b64 = m[1]!;
  if (b64.length > ENCODED_CAP || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64) || b64.length % 4 === 1) return undefined;
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.length < 2 || bytes.length % 2 !== 0) return undefined;
  const text = bytes.toString('utf16le');
  // script text: printable characters, tabs and line breaks; garbage decodes to CJK/control soup
  const printable = text.replace(/[^\t\r\n\x20-\x7E\u00A0-\u024F\u2010-\u201F]/g, '').length;
  return printable / text.length >= 0.9 ? text : undefined;
}

/**
 * Endpoints of `IIS:\SslBindings\0.0.0.0!443` (IP binding) and `IIS:\SslBindings\!443!www.contoso.com`
 * (SNI binding) paths of the WebAdministration PowerShell provider.
 */
export function sslBindingPaths(text: string): string[] {
  const out: string[] = [];
  const re = /IIS:\\+SslBindings\\+([0-9a-f.:*[\]]{0,64})!(\d{1,5})(?:!([^\s"'\\]{1,253}))?/gi;
  const t = text.slice(0, COMMAND_LINE_CAP);
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const ip = m[1]!;
    out.push(
      m[3] ? `${m[3].toLowerCase()}:${m[2]}` : `${ip === '' || ip === '*' ? '0.0.0.0' : ip.toLowerCase()}:${m[2]}`,
    );
  }
  return out;
}

/**
 * Endpoints an appcmd / IIS binding text names: `bindingInformation='*:443:www.contoso.com'` →
 * `0.0.0.0:443` and `www.contoso.com:443` (without sslFlags an SNI binding cannot be told apart).
 */
export function bindingInformationEndpoints(text: string): string[] {
  const out: string[] = [];
  const re = /bindingInformation\s*=\s*['"]?(\[[0-9a-f:.]*\]|[0-9.*]*):(\d{1,5}):([^'"\],\s]{0,253})/gi;
  const t = text.slice(0, COMMAND_LINE_CAP);
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const ip = m[1]!;
    out.push(`${ip === '' || ip === '*' ? '0.0.0.0' : ip.toLowerCase()}:${m[2]}`);
    if (m[3]) out.push(`${m[3].toLowerCase()}:${m[2]}`);
  }
  return out;
}

/**
 * Endpoints of `Remove-WebBinding` / `Set-WebBinding` parameters (`-Port 443 -IPAddress * -HostHeader www…`):
 * the IP endpoint, plus hostname:port when a host header is named.
 */
export function webBindingParamEndpoints(text: string): string[] {
  const t = text.slice(0, COMMAND_LINE_CAP);
  const param = (name: string): string | null => {
    const m = new RegExp(`-${name}\\s+['"]?([^\\s'"]{1,253})`, 'i').exec(t);
    return m ? m[1]! : null;
  };
  const port = param('Port');
  if (port === null || !/^\d{1,5}$/.test(port)) return [];
  const ip = param('IPAddress') ?? '*';
  const host = param('HostHeader');
  return [`${ip === '*' ? '0.0.0.0' : ip.toLowerCase()}:${port}`, ...(host ? [`${host.toLowerCase()}:${port}`] : [])];
}
