/**
 * Configuration artefacts exported beside the logs (DOMAIN.md §4): kind detection by content and
 * the parsers. Pure: text in (decode bytes first, e.g. src/xml decodeText: UTF-16LE .reg files),
 * rows out (src/ingest/config/types.ts); src/ingest/load-config.ts hands them to the store's
 * writer of config_metadata, ssl_bindings, certificates, http_iplisten and schannel_protocols.
 */
import { parseAppHostConfig } from './app-host-config.js';
import { parseCertutilStore } from './certutil-store.js';
import { emptyRows } from './common.js';
import { looksLikeNetshIpListen, parseNetshIpListen } from './netsh-iplisten.js';
import { looksLikeNetshSslCert, parseNetshSslCert } from './netsh-sslcert.js';
import { looksLikeSchannelProtocolsReg, parseRegSchannelProtocols } from './reg-schannel-protocols.js';
import { parseRegSslBindingInfo } from './reg-sslbindinginfo.js';
import type { ConfigKind, ConfigRows } from './types.js';

export type { ConfigKind, ConfigRows, ConfigMetadataRow, SslBindingRow, CertificateRow } from './types.js';
export { CONFIG_KINDS } from './types.js';
export { parseAppHostConfig, parseCertutilStore, parseNetshSslCert, parseRegSslBindingInfo };

/** How much of the text detection looks at. */
const HEAD_CHARS = 64 * 1024;

/**
 * The artefact kind by content (first 64 KiB), or null when the text is none of them.
 * applicationHost.config declares the `system.applicationHost` section group near its top.
 */
export function detectConfigKind(text: string): ConfigKind | null {
  const head = text.slice(0, HEAD_CHARS).replace(/^\uFEFF/, '');
  const start = head.trimStart();
  if (/^(Windows Registry Editor Version 5\.00|REGEDIT4)\s/.test(start)) {
    if (/\\HTTP\\Parameters\\Ssl(Sni|Ccs)?BindingInfo/i.test(head)) return 'reg-sslbindinginfo';
    return looksLikeSchannelProtocolsReg(head) ? 'reg-schannel-protocols' : null;
  }
  if (start.startsWith('<')) {
    return /<configuration[\s>]/.test(head) && /system\.applicationHost|<customMetadata[\s/>]/.test(head)
      ? 'applicationHost.config'
      : null;
  }
  if (/^=+ ?Certificate \d+ ?=+\s*$/m.test(head) && /Cert Hash\(sha1\)|Serial Number:/i.test(head))
    return 'certutil-store';
  if (looksLikeNetshSslCert(head)) return 'netsh-sslcert';
  if (looksLikeNetshIpListen(head)) return 'netsh-iplisten';
  return null;
}

/** Parse one artefact of a known kind; `file` names it in errors and warnings. Throws InputError. */
export function parseConfigArtefact(kind: ConfigKind, text: string, file: string): ConfigRows {
  switch (kind) {
    case 'applicationHost.config':
      return parseAppHostConfig(text, file);
    case 'netsh-sslcert':
      return parseNetshSslCert(text, file);
    case 'reg-sslbindinginfo':
      return parseRegSslBindingInfo(text, file);
    case 'certutil-store':
      return parseCertutilStore(text, file);
    case 'netsh-iplisten': {
      const r = parseNetshIpListen(text, file);
      return { ...emptyRows(kind), ipListen: r.addresses, warnings: r.warnings };
    }
    case 'reg-schannel-protocols': {
      const r = parseRegSchannelProtocols(text, file);
      const protocols = r.protocols.map(({ protocol, side, enabled, disabledByDefault }) => ({
        protocol,
        side,
        enabled,
        disabledByDefault,
      }));
      return { ...emptyRows(kind), protocols, warnings: r.warnings };
    }
  }
}
