/**
 * applicationHost.config (%windir%\System32\inetsrv\config): the `<customMetadata>` keys left from
 * the IIS 6 metabase (DOMAIN.md §3, KB 2025598) and the https bindings of `<sites>`.
 *
 *   <system.applicationHost><customMetadata><key path="LM/W3SVC/1">
 *     <property id="5506" dataType="Binary" userType="1" attributes="None" value="oXiHOzFAMOF0YxIuI7soWvDFEzg=" />
 *   <sites><site name="Default Web Site" id="1"><bindings>
 *     <binding protocol="https" bindingInformation="*:443:" sslFlags="0" />
 *
 * Read with the safe tokenizer (src/xml): DTDs and entity declarations are refused.
 */
import { XmlError, XmlTokenizer, localName } from '../../xml/index.js';
import { configError, emptyRows, endpointOfBinding, normaliseHash } from './common.js';
import type { ConfigMetadataRow, ConfigRows, SslBindingRow } from './types.js';

/** Legacy metabase property ids with a meaning bindtrail decodes. */
export const PROP_SSL_CERT_HASH = 5506;
export const PROP_SSL_STORE_NAME = 5511;

interface Walk {
  rows: ConfigRows;
  file: string;
  tok: XmlTokenizer;
  /** Element names from the root to the current element. */
  path: string[];
  keyPath: string | null;
  site: string | null;
}

/** Parse applicationHost.config text; throws InputError (file, line) when it is not well-formed. */
export function parseAppHostConfig(text: string, file: string): ConfigRows {
  const tok = new XmlTokenizer({ singleRoot: true, maxDepth: 128 });
  const w: Walk = { rows: emptyRows('applicationHost.config'), file, tok, path: [], keyPath: null, site: null };
  tok.push(text);
  tok.end();
  try {
    for (let ev = tok.next(); ev !== null; ev = tok.next()) {
      if (ev.kind === 'open') {
        if (w.path.length === 0 && localName(ev.name) !== 'configuration') {
          throw configError(
            file,
            tok.locate(ev.offset).line,
            `root element <${ev.name}> is not <configuration>: not an applicationHost.config`,
          );
        }
        w.path.push(localName(ev.name));
        openElement(w, ev.attrs, ev.offset);
      } else if (ev.kind === 'close') {
        const name = w.path.pop();
        if (name === 'key') w.keyPath = null;
        else if (name === 'site') w.site = null;
      }
    }
  } catch (e) {
    if (e instanceof XmlError)
      throw configError(
        file,
        e.line,
        `${e.reason} (column ${e.column})`,
        'applicationHost.config must be well-formed XML without a DTD',
      );
    throw e;
  }
  return w.rows;
}

function openElement(w: Walk, attrs: Record<string, string>, offset: number): void {
  const p = w.path;
  const name = p[p.length - 1];
  const parent = p[p.length - 2];
  if (name === 'key' && p.includes('customMetadata')) {
    w.keyPath = attrs.path ?? null;
    if (w.keyPath === null) w.rows.warnings.push(`line ${w.tok.locate(offset).line}: <key> without a path attribute`);
  } else if (name === 'property' && parent === 'key' && p.includes('customMetadata')) {
    const row = metadataRow(w, attrs, w.tok.locate(offset).line);
    if (row) w.rows.metadata.push(row);
  } else if (name === 'site' && parent === 'sites') {
    w.site = attrs.name ?? attrs.id ?? null;
  } else if (
    name === 'binding' &&
    parent === 'bindings' &&
    w.site !== null &&
    (attrs.protocol ?? '').toLowerCase() === 'https'
  ) {
    w.rows.bindings.push(bindingRow(w, attrs, w.tok.locate(offset).line));
  }
}

function metadataRow(w: Walk, a: Record<string, string>, line: number): ConfigMetadataRow | null {
  const id = Number(a.id);
  if (a.id === undefined || !Number.isInteger(id) || id < 0) {
    w.rows.warnings.push(`line ${line}: <property> with id "${a.id ?? ''}" is not a property id; skipped`);
    return null;
  }
  if (w.keyPath === null) return null;
  const value = a.value ?? null;
  return {
    keyPath: w.keyPath,
    propertyId: id,
    dataType: a.dataType ?? null,
    userType: a.userType ?? null,
    attributes: a.attributes ?? null,
    value,
    decoded: decodeProperty(id, value, line, w.rows.warnings),
  };
}

/** 5506: base64 of the 20-byte SHA-1 thumbprint → 40 uppercase hex digits; 5511: the store name. */
function decodeProperty(id: number, value: string | null, line: number, warnings: string[]): string | null {
  if (id === PROP_SSL_STORE_NAME) return value?.trim() || null;
  if (id !== PROP_SSL_CERT_HASH) return null;
  const v = (value ?? '').replace(/\s+/g, '');
  if (v === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(v) || v.length % 4 !== 0) {
    warnings.push(
      `line ${line}: property 5506 value "${(value ?? '').slice(0, 60)}" is not base64: no certificate hash can be read from it`,
    );
    return null;
  }
  const bytes = Buffer.from(v, 'base64');
  if (bytes.length !== 20) {
    warnings.push(`line ${line}: property 5506 decodes to ${bytes.length} bytes, not the 20 of a SHA-1 thumbprint`);
  }
  return bytes.toString('hex').toUpperCase();
}

function bindingRow(w: Walk, a: Record<string, string>, line: number): SslBindingRow {
  const info = a.bindingInformation ?? null;
  const flagsText = a.sslFlags;
  let sslFlags: number | null = null;
  if (flagsText !== undefined) {
    sslFlags = /^\d+$/.test(flagsText.trim()) ? Number(flagsText) : null;
    if (sslFlags === null) w.rows.warnings.push(`line ${line}: sslFlags "${flagsText}" is not a number`);
  }
  const problems: string[] = [];
  const endpoint = info === null ? null : endpointOfBinding(info, sslFlags);
  if (endpoint === null) {
    problems.push('bad-binding-information');
    w.rows.warnings.push(
      `line ${line}: https binding of site "${w.site}" has bindingInformation "${info ?? ''}", expected IP:port:hostHeader`,
    );
  }
  let certHash = normaliseHash(a.certificateHash);
  if (certHash === undefined) {
    problems.push('bad-hash');
    certHash = null;
  } else if (certHash !== null && certHash.length !== 40) problems.push('bad-hash-length');
  return {
    source: 'config',
    endpoint,
    site: w.site,
    bindingInformation: info,
    sslFlags,
    certHash,
    certStore: a.certificateStoreName?.trim() || null,
    appId: null,
    problems,
  };
}
