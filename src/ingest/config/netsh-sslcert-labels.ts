/**
 * Labels of `netsh http show sslcert` by language. Verified: English (Windows Server 2008–2022
 * listings) and the German labels seen in public scripts and tests (REAL-WORLD.md §5). The French
 * and Spanish labels are the translations Windows is expected to use, NOT verified against a real
 * listing: the parser reads values by shape where a label is unknown, so a wrong guess here costs a
 * warning, never an entry.
 */

export type NetshField = 'ip' | 'host' | 'ccs' | 'hash' | 'appid' | 'store';

export interface NetshLabel {
  /** Lower case, as the line writes it before ` : `. */
  label: string;
  field: NetshField;
  lang: 'en' | 'de' | 'fr' | 'es';
  verified: boolean;
}

export const NETSH_LABELS: readonly NetshLabel[] = [
  { label: 'ip:port', field: 'ip', lang: 'en', verified: true },
  { label: 'hostname:port', field: 'host', lang: 'en', verified: true },
  { label: 'central certificate store', field: 'ccs', lang: 'en', verified: true },
  { label: 'certificate hash', field: 'hash', lang: 'en', verified: true },
  { label: 'application id', field: 'appid', lang: 'en', verified: true },
  { label: 'certificate store name', field: 'store', lang: 'en', verified: true },
  // German: IP:Port and Hostname:Port match the English labels case-insensitively
  { label: 'zertifikathash', field: 'hash', lang: 'de', verified: true },
  { label: 'anwendungs-id', field: 'appid', lang: 'de', verified: true },
  { label: 'zertifikatspeichername', field: 'store', lang: 'de', verified: true },
  { label: 'zentraler zertifikatspeicher', field: 'ccs', lang: 'de', verified: false },
  { label: 'hostname:anschluss', field: 'host', lang: 'de', verified: false },
  // French
  { label: "nom d'hôte:port", field: 'host', lang: 'fr', verified: false },
  { label: 'magasin de certificats central', field: 'ccs', lang: 'fr', verified: false },
  { label: 'hachage du certificat', field: 'hash', lang: 'fr', verified: false },
  { label: "id de l'application", field: 'appid', lang: 'fr', verified: false },
  { label: "id. d'application", field: 'appid', lang: 'fr', verified: false },
  { label: 'nom du magasin de certificats', field: 'store', lang: 'fr', verified: false },
  // Spanish
  { label: 'ip:puerto', field: 'ip', lang: 'es', verified: false },
  { label: 'nombre de host:puerto', field: 'host', lang: 'es', verified: false },
  { label: 'almacén central de certificados', field: 'ccs', lang: 'es', verified: false },
  { label: 'hash de certificado', field: 'hash', lang: 'es', verified: false },
  { label: 'id. de aplicación', field: 'appid', lang: 'es', verified: false },
  { label: 'id de aplicación', field: 'appid', lang: 'es', verified: false },
  { label: 'nombre del almacén de certificados', field: 'store', lang: 'es', verified: false },
];

/** Header lines (lower case, trailing colon and spaces removed). German verified; French/Spanish not. */
export const NETSH_HEADERS: readonly string[] = [
  'ssl certificate bindings',
  'ssl-zertifikatbindungen',
  'liaisons de certificat ssl',
  'liaisons de certificats ssl',
  'enlaces de certificado ssl',
  'enlaces de certificados ssl',
];

const BY_LABEL = new Map(NETSH_LABELS.map((l) => [l.label, l]));

/** The field a label names, or undefined when the table does not know it. */
export function fieldOfLabel(label: string): NetshLabel | undefined {
  return BY_LABEL.get(label.trim().toLowerCase().replace(/\s+/g, ' '));
}
