/**
 * Rendered text of events saved by Event Viewer on non-English Windows, for XML exports where only
 * the rendered text is there: the 7036 state names (`param2`) and the `<Level>` names of
 * RenderingInfo. Prefer the language-independent data when present: the 7036 `<Binary>` holds
 * `ServiceKey/StateCode` in UTF-16LE, and `<System><Level>` holds the number.
 *
 * `verified` = seen in public exports or tests (German "Wird ausgeführt", French "en cours
 * d'exécution" / "arrêté" in 7036 text); the others are Windows' expected translations, unverified.
 */

export type Language = 'en' | 'de' | 'fr' | 'es';

/** SERVICE_STATUS dwCurrentState codes as 7036 writes them in the Binary (`IISADMIN/4`). */
export const SERVICE_STATES = {
  stopped: 1,
  'start-pending': 2,
  'stop-pending': 3,
  running: 4,
  'continue-pending': 5,
  'pause-pending': 6,
  paused: 7,
} as const;
export type ServiceState = keyof typeof SERVICE_STATES;

export interface LocalizedName<K extends string> {
  lang: Language;
  text: string;
  key: K;
  verified: boolean;
}

export const SERVICE_STATE_NAMES: readonly LocalizedName<ServiceState>[] = [
  { lang: 'en', text: 'running', key: 'running', verified: true },
  { lang: 'en', text: 'stopped', key: 'stopped', verified: true },
  { lang: 'en', text: 'start pending', key: 'start-pending', verified: true },
  { lang: 'en', text: 'stop pending', key: 'stop-pending', verified: true },
  { lang: 'en', text: 'paused', key: 'paused', verified: true },
  { lang: 'en', text: 'continue pending', key: 'continue-pending', verified: true },
  { lang: 'en', text: 'pause pending', key: 'pause-pending', verified: true },
  { lang: 'de', text: 'Wird ausgeführt', key: 'running', verified: true },
  // 7036 param2 of the German Event Viewer XML export (samples/localized-de)
  { lang: 'de', text: 'Ausgeführt', key: 'running', verified: false },
  { lang: 'de', text: 'Beendet', key: 'stopped', verified: false },
  { lang: 'de', text: 'Wird gestartet', key: 'start-pending', verified: false },
  { lang: 'de', text: 'Wird beendet', key: 'stop-pending', verified: false },
  { lang: 'de', text: 'Angehalten', key: 'paused', verified: false },
  { lang: 'fr', text: "en cours d'exécution", key: 'running', verified: true },
  { lang: 'fr', text: 'arrêté', key: 'stopped', verified: true },
  { lang: 'fr', text: 'démarrage en cours', key: 'start-pending', verified: false },
  { lang: 'fr', text: 'arrêt en cours', key: 'stop-pending', verified: false },
  { lang: 'fr', text: 'suspendu', key: 'paused', verified: false },
  { lang: 'es', text: 'en ejecución', key: 'running', verified: false },
  { lang: 'es', text: 'detenido', key: 'stopped', verified: false },
  { lang: 'es', text: 'inicio pendiente', key: 'start-pending', verified: false },
  { lang: 'es', text: 'detención pendiente', key: 'stop-pending', verified: false },
  { lang: 'es', text: 'en pausa', key: 'paused', verified: false },
];

/** Event levels (`<System><Level>`): 1 critical, 2 error, 3 warning, 4 information, 5 verbose; 0 = LogAlways (shown as Information). */
export type LevelName = 'critical' | 'error' | 'warning' | 'information' | 'verbose';
export const LEVEL_NUMBERS: Readonly<Record<LevelName, number>> = {
  critical: 1,
  error: 2,
  warning: 3,
  information: 4,
  verbose: 5,
};

export const LEVEL_NAMES: readonly LocalizedName<LevelName>[] = [
  { lang: 'en', text: 'Critical', key: 'critical', verified: true },
  { lang: 'en', text: 'Error', key: 'error', verified: true },
  { lang: 'en', text: 'Warning', key: 'warning', verified: true },
  { lang: 'en', text: 'Information', key: 'information', verified: true },
  { lang: 'en', text: 'Verbose', key: 'verbose', verified: true },
  { lang: 'de', text: 'Kritisch', key: 'critical', verified: false },
  { lang: 'de', text: 'Fehler', key: 'error', verified: false },
  { lang: 'de', text: 'Warnung', key: 'warning', verified: false },
  { lang: 'de', text: 'Informationen', key: 'information', verified: true },
  { lang: 'de', text: 'Ausführlich', key: 'verbose', verified: false },
  { lang: 'fr', text: 'Critique', key: 'critical', verified: false },
  { lang: 'fr', text: 'Erreur', key: 'error', verified: false },
  { lang: 'fr', text: 'Avertissement', key: 'warning', verified: false },
  { lang: 'fr', text: 'Information', key: 'information', verified: false },
  { lang: 'fr', text: 'Commentaires', key: 'verbose', verified: false },
  { lang: 'es', text: 'Crítico', key: 'critical', verified: false },
  { lang: 'es', text: 'Error', key: 'error', verified: false },
  { lang: 'es', text: 'Advertencia', key: 'warning', verified: false },
  { lang: 'es', text: 'Información', key: 'information', verified: false },
  { lang: 'es', text: 'Detallado', key: 'verbose', verified: false },
];

/** Lower case, trimmed, quotes and a trailing period removed, Unicode NFC. */
function fold(s: string): string {
  return s
    .normalize('NFC')
    .trim()
    .replace(/^["'„“«\s]+|["'“”»\s.]+$/g, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

const STATE_BY_TEXT = new Map(SERVICE_STATE_NAMES.map((n) => [fold(n.text), n]));
const LEVEL_BY_TEXT = new Map(LEVEL_NAMES.map((n) => [fold(n.text), n]));

/** The state of a 7036 `param2` in any known language (`Wird ausgeführt` → running, code 4); null when unknown. */
export function serviceStateFromText(
  text: string | null | undefined,
): { state: ServiceState; code: number; lang: Language; verified: boolean } | null {
  const n = text ? STATE_BY_TEXT.get(fold(text)) : undefined;
  return n ? { state: n.key, code: SERVICE_STATES[n.key], lang: n.lang, verified: n.verified } : null;
}

/** The level number of a RenderingInfo `<Level>` name in any known language; null when unknown. */
export function levelFromText(text: string | null | undefined): number | null {
  const n = text ? LEVEL_BY_TEXT.get(fold(text)) : undefined;
  return n ? LEVEL_NUMBERS[n.key] : null;
}

/** `IISADMIN/4` (7036 Binary as UTF-16LE text) → service key and state; null when not that shape. */
export function serviceStateFromBinary(text: string | null | undefined): { service: string; code: number } | null {
  const m = /^([^/\0]{1,256})\/(\d{1,2})\0*$/.exec((text ?? '').trim());
  return m ? { service: m[1]!, code: Number(m[2]) } : null;
}
