/**
 * `netsh http show sslcert` of a German Windows, redirected by cmd (OEM code page 850, CRLF).
 * Verified from public output and scripts: the header `SSL-Zertifikatbindungen:`, `IP:Port`
 * (padded to 29 like the English labels), `Zertifikathash` (padded to 28 only), `Anwendungs-ID`,
 * `Zertifikatspeichername`. Every other label and the value words are plausible German
 * renderings, *unverified*: a parser must key off the values' shapes, not off these labels.
 */
const LABELS: Record<string, { de: string; width?: number; verified?: true }> = {
  'IP:port': { de: 'IP:Port', verified: true },
  'Hostname:port': { de: 'Hostname:Port' },
  'Certificate Hash': { de: 'Zertifikathash', width: 28, verified: true },
  'Application ID': { de: 'Anwendungs-ID', verified: true },
  'Certificate Store Name': { de: 'Zertifikatspeichername', verified: true },
  'Verify Client Certificate Revocation': { de: 'Clientzertifikatsperrung überprüfen' },
  'Verify Revocation Using Cached Client Certificate Only': {
    de: 'Sperrung nur mit zwischengespeichertem Clientzertifikat überprüfen',
  },
  'Usage Check': { de: 'Verwendungsüberprüfung' },
  'Revocation Freshness Time': { de: 'Aktualitätszeit der Sperrung' },
  'URL Retrieval Timeout': { de: 'Timeout für URL-Abruf' },
  'Ctl Identifier': { de: 'CTL-Bezeichner' },
  'Ctl Store Name': { de: 'CTL-Speichername' },
  'DS Mapper Usage': { de: 'DS-Zuordnungsverwendung' },
  'Negotiate Client Certificate': { de: 'Clientzertifikat aushandeln' },
  'Reject Connections': { de: 'Verbindungen ablehnen' },
  'Disable HTTP2': { de: 'HTTP2 deaktivieren' },
};

/** Value words (unverified). */
const VALUES: Record<string, string> = { Enabled: 'Aktiviert', Disabled: 'Deaktiviert', 'Not Set': 'Nicht festgelegt' };

/** CP 850 bytes of the German letters used here; everything else is ASCII. */
const CP850: Record<string, number> = { ä: 0x84, ö: 0x94, ü: 0x81, Ä: 0x8e, Ö: 0x99, Ü: 0x9a, ß: 0xe1 };

function oem(text: string): Uint8Array {
  return Uint8Array.from([...text], (ch) => CP850[ch] ?? ch.charCodeAt(0));
}

function line(label: string, value: string): string {
  const l = LABELS[label];
  const de = l?.de ?? label;
  const width = l?.width ?? 29;
  return `    ${de.length < width ? de.padEnd(width) : `${de} `}: ${VALUES[value] ?? value}`;
}

/** The German listing of bindings given as `[English label, value]` field lists. */
export function germanNetsh(bindings: [string, string][][]): Uint8Array {
  const L = ['', 'SSL-Zertifikatbindungen:', '-------------------------', ''];
  for (const fields of bindings) {
    for (const [label, value] of fields) L.push(line(label, value));
    L.push('');
  }
  L.push('');
  return oem(L.join('\r\n'));
}
