/**
 * German (de-DE) text of a German Windows Server: the localized 7036/7040/1074 insertion strings
 * and the RenderingInfo an Event Viewer XML export carries (Message, Level, Opcode, Keyword names).
 * Verified from public exports: the 7036 wording «Der Dienst "…" befindet sich jetzt im Status "…"»
 * with «Ausgeführt»/«Beendet», RenderingInfo `Level` «Informationen», `Opcode` «Info», `Keyword`
 * «Klassisch». The other messages and display names are plausible German renderings
 * (unverified): a reader must key off EventData and the 7036 Binary, never off this text.
 */
/** Service key → German display name (7036 param1). */
export const SERVICES_DE: Record<string, string> = {
  IISADMIN: 'IIS-Verwaltungsdienst',
  W3SVC: 'WWW-Publishingdienst',
  WAS: 'Windows-Prozessaktivierungsdienst',
  WMSVC: 'Webverwaltungsdienst',
  TermService: 'Remotedesktopdienste',
  WinRM: 'Windows-Remoteverwaltung (WS-Verwaltung)',
  Dnscache: 'DNS-Client',
  gpsvc: 'Gruppenrichtlinienclient',
  W32Time: 'Windows-Zeitgeber',
  WinDefend: 'Microsoft Defender Antivirus-Dienst',
  UsoSvc: 'Update Orchestrator Service',
  TrustedInstaller: 'Windows Modules Installer',
  WinHttpAutoProxySvc: 'WinHTTP-Web Proxy Auto-Discovery-Dienst',
  sppsvc: 'Softwareschutz',
  msiserver: 'Windows Installer',
  WerSvc: 'Windows-Fehlerberichterstattungsdienst',
  BITS: 'Intelligenter Hintergrundübertragungsdienst',
  wuauserv: 'Windows Update',
  AppReadiness: 'App-Vorbereitung',
  WdiSystemHost: 'Diagnosesystemhost',
  vds: 'Virtueller Datenträger',
};

/** 7036 param2 (SERVICE_STATUS state as text). */
export const STATES_DE: Record<string, string> = { running: 'Ausgeführt', stopped: 'Beendet' };

/** 7040 param2/param3 (start type as text; unverified). */
export const START_TYPES_DE: Record<string, string> = {
  'auto start': 'Automatisch starten',
  'demand start': 'Manuell starten',
};

/** 1074 reason and shutdown type (unverified). */
export const SHUTDOWN_DE: Record<string, string> = {
  'Operating System: Service pack (Planned)': 'Betriebssystem: Service Pack (Geplant)',
  restart: 'Neu starten',
};

/** RenderingInfo `Level` names. */
export const LEVEL_DE: Record<number, string> = {
  0: 'Informationen',
  1: 'Kritisch',
  2: 'Fehler',
  3: 'Warnung',
  4: 'Informationen',
};

/** Keyword names of the RenderingInfo: only the classic bit has a name in these providers. */
export function keywordsDe(keywords: bigint): string[] {
  return (keywords & 0x0080000000000000n) !== 0n ? ['Klassisch'] : [];
}

type Data = Record<string, string>;
type Render = (d: Data, values: string[]) => string;

/** German message of an event (provider name + event id), from its EventData as text. */
export const MESSAGES_DE: Record<string, Render> = {
  'Service Control Manager/7036': (d) => `Der Dienst "${d.param1}" befindet sich jetzt im Status "${d.param2}".`,
  'Service Control Manager/7040': (d) =>
    `Der Starttyp des Diensts "${d.param1}" wurde von ${d.param2} in ${d.param3} geändert.`,
  'EventLog/6005': () => 'Der Ereignisprotokolldienst wurde gestartet.',
  'EventLog/6006': () => 'Der Ereignisprotokolldienst wurde beendet.',
  'EventLog/6009': (_d, v) => `Microsoft (R) Windows (R) ${v[0]} ${v[1]} ${v[2] ? `${v[2]} ` : ''}${v[3]}.`,
  'User32/1074': (d) =>
    `Der Vorgang "${d.param5}" für diesen Computer "${d.param2}" wurde von Prozess "${d.param1}" im Auftrag von Benutzer "${d.param7}" aus folgendem Grund initiiert: ${d.param3}\n Ursachencode: ${d.param4}\n Herunterfahrtyp: ${d.param5}\n Kommentar: ${d.param6}`,
  'Microsoft-Windows-Kernel-General/12': (d) => `Das Betriebssystem wurde zur Systemzeit ${d.StartTime} gestartet.`,
  'Microsoft-Windows-Kernel-General/13': (d) =>
    `Das Betriebssystem wird zur Systemzeit ${d.StopTime} heruntergefahren.`,
  'Microsoft-Windows-Time-Service/35': (d) =>
    `Der Zeitdienst synchronisiert die Systemzeit mit der Zeitquelle ${d.TimeSource}.`,
  'Microsoft-Windows-Time-Service/37': (d) =>
    `Der Zeitanbieter "NtpClient" empfängt jetzt gültige Zeitdaten von ${d.TimeSource}.`,
  'Microsoft-Windows-WindowsUpdateClient/44': () => 'Windows Update hat mit dem Herunterladen eines Updates begonnen.',
  'Microsoft-Windows-WindowsUpdateClient/43': (d) =>
    `Installation gestartet: Windows hat mit der Installation des folgenden Updates begonnen: ${d.updateTitle}`,
  'Microsoft-Windows-WindowsUpdateClient/19': (d) =>
    `Installation erfolgreich: Das folgende Update wurde erfolgreich installiert: ${d.updateTitle}`,
  'Microsoft-Windows-HttpEvent/15300': (_d, v) => `SSL-Zertifikateinstellungen für Endpunkt : ${v[1]} gelöscht.`,
  'Microsoft-Windows-HttpEvent/15301': (_d, v) =>
    `SSL-Zertifikateinstellungen für Endpunkt : ${v[1]} von einem Administratorprozess erstellt.`,
  'Microsoft-Windows-HttpService/119': (_d, v) => `SSL-Zertifikateinstellungen für Endpunkt : ${v[0]} gelöscht.`,
  'Schannel/36870': (d) =>
    `Beim Zugriff auf den privaten Schlüssel der TLS-Serveranmeldeinformationen ist ein schwerwiegender Fehler aufgetreten. Vom Kryptografiemodul wurde folgender Fehlercode zurückgegeben: ${d.ErrorCode}. Der interne Fehlerstatus ist ${d.ErrorStatus}.`,
  'Schannel/36887': (d) =>
    `Vom Remoteendpunkt wurde eine schwerwiegende Warnung empfangen. Der im TLS-Protokoll definierte Code für die schwerwiegende Warnung lautet ${d.AlertDesc}.`,
};
