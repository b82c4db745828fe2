/**
 * Message templates of the events bindtrail explains (DOMAIN.md §1), as the providers' message
 * tables word them (English). Placeholders:
 * - `%1`…`%n`: the n-th insertion string (EventData/UserData values in document order);
 * - `%{Name}`: the EventData value named `Name`;
 * - `%{@endpoint}`: the first insertion string shaped like an endpoint (IP:port, [IPv6]:port,
 *   hostname:port) — the HttpEvent/HttpService endpoint field has no stable name or position;
 * - `[ … ]`: an optional part, kept only when every placeholder inside it has a value.
 * Keys are `provider|eventId`; a provider can be matched by name or by its event source name.
 */

export interface MessageTemplate {
  provider: string;
  eventId: number;
  text: string;
}

const HTTP = 'Microsoft-Windows-HttpEvent';
const SCM = 'Service Control Manager';
const SEC = 'Microsoft-Windows-Security-Auditing';

const SUBJECT =
  'Subject:\n\tSecurity ID:\t\t%{SubjectUserSid}\n\tAccount Name:\t\t%{SubjectUserName}\n\tAccount Domain:\t\t%{SubjectDomainName}\n\tLogon ID:\t\t%{SubjectLogonId}';

export const MESSAGE_TEMPLATES: readonly MessageTemplate[] = [
  // HTTP.sys (System log). 15300/15301 warnings: message ids 0x80003BC4 / 0x80003BC5.
  { provider: HTTP, eventId: 15300, text: 'SSL Certificate Settings deleted for endpoint : %{@endpoint} .' },
  {
    provider: HTTP,
    eventId: 15301,
    text: 'SSL Certificate Settings created by an admin process for endpoint : %{@endpoint} .',
  },
  {
    provider: HTTP,
    eventId: 15021,
    text: 'An error occurred while using SSL configuration for endpoint %{@endpoint}.  The error status code is contained within the returned data.',
  },
  {
    provider: HTTP,
    eventId: 15007,
    text: 'Reservation for namespace identified by URL prefix %2 was successfully added.',
  },
  {
    provider: 'Microsoft-Windows-HttpService',
    eventId: 119,
    text: 'SSL Certificate Settings deleted for endpoint : %{@endpoint} .',
  },
  // Schannel (System log).
  {
    provider: 'Schannel',
    eventId: 36870,
    text: 'A fatal error occurred when attempting to access the TLS %{Type} credential private key. The error code returned from the cryptographic module is %{ErrorCode}. The internal error state is %{ErrorStatus}.[ The SSPI client process is %{CallerProcessImageName} (PID: %{CallerProcessId}).]',
  },
  {
    provider: 'Schannel',
    eventId: 36874,
    text: 'An %1 connection request was received from a remote client application, but none of the cipher suites supported by the client application are supported by the server. The TLS connection request has failed.',
  },
  {
    provider: 'Schannel',
    eventId: 36887,
    text: 'A fatal alert was received from the remote endpoint. The TLS protocol defined fatal alert code is %1.',
  },
  {
    provider: 'Schannel',
    eventId: 36888,
    text: 'A fatal alert was generated and sent to the remote endpoint. This may result in termination of the connection. The TLS protocol defined fatal error code is %1. The Windows SChannel error state is %2.',
  },
  // Service Control Manager (System log, classic provider with EventSourceName).
  { provider: SCM, eventId: 7036, text: 'The %1 service entered the %2 state.' },
  { provider: SCM, eventId: 7035, text: 'The %1 service was successfully sent a %2 control.' },
  { provider: SCM, eventId: 7040, text: 'The start type of the %1 service was changed from %2 to %3.' },
  {
    provider: SCM,
    eventId: 7031,
    text: 'The %1 service terminated unexpectedly.  It has done this %2 time(s).  The following corrective action will be taken in %3 milliseconds: %5.',
  },
  { provider: SCM, eventId: 7034, text: 'The %1 service terminated unexpectedly.  It has done this %2 time(s).' },
  {
    provider: SCM,
    eventId: 7045,
    text: 'A service was installed in the system.\n\nService Name:  %1\nService File Name:  %2\nService Type:  %3\nService Start Type:  %4\nService Account:  %5',
  },
  // EventLog (System log).
  { provider: 'EventLog', eventId: 6005, text: 'The Event log service was started.' },
  { provider: 'EventLog', eventId: 6006, text: 'The Event log service was stopped.' },
  { provider: 'EventLog', eventId: 6008, text: 'The previous system shutdown at %1 on %2 was unexpected.' },
  { provider: 'EventLog', eventId: 6009, text: 'Microsoft (R) Windows (R) %1. %2 %3 %4.' },
  // Kernel-General (System log).
  {
    provider: 'Microsoft-Windows-Kernel-General',
    eventId: 12,
    text: 'The operating system started at system time %{StartTime}.',
  },
  {
    provider: 'Microsoft-Windows-Kernel-General',
    eventId: 13,
    text: 'The operating system is shutting down at system time %{StopTime}.',
  },
  // Security auditing.
  {
    provider: SEC,
    eventId: 4688,
    text: `A new process has been created.\n\nCreator ${SUBJECT}\n\nProcess Information:\n\tNew Process ID:\t\t%{NewProcessId}\n\tNew Process Name:\t%{NewProcessName}\n\tToken Elevation Type:\t%{TokenElevationType}\n\tCreator Process ID:\t%{ProcessId}[\n\tCreator Process Name:\t%{ParentProcessName}]\n\tProcess Command Line:\t%{CommandLine}`,
  },
  {
    provider: SEC,
    eventId: 5061,
    text: `Cryptographic operation.\n\n${SUBJECT}\n\nCryptographic Parameters:\n\tProvider Name:\t%{ProviderName}\n\tAlgorithm Name:\t%{AlgorithmName}\n\tKey Name:\t%{KeyName}\n\tKey Type:\t%{KeyType}\n\nCryptographic Operation:\n\tOperation:\t%{Operation}\n\tReturn Code:\t%{ReturnCode}`,
  },
  {
    provider: SEC,
    eventId: 4624,
    text: `An account was successfully logged on.\n\n${SUBJECT}\n\nLogon Type:\t\t\t%{LogonType}\n\nNew Logon:\n\tSecurity ID:\t\t%{TargetUserSid}\n\tAccount Name:\t\t%{TargetUserName}\n\tAccount Domain:\t\t%{TargetDomainName}\n\tLogon ID:\t\t%{TargetLogonId}[\n\tLogon GUID:\t\t%{LogonGuid}]\n\nProcess Information:\n\tProcess ID:\t\t%{ProcessId}\n\tProcess Name:\t\t%{ProcessName}\n\nNetwork Information:\n\tWorkstation Name:\t%{WorkstationName}\n\tSource Network Address:\t%{IpAddress}\n\tSource Port:\t\t%{IpPort}\n\nDetailed Authentication Information:\n\tLogon Process:\t\t%{LogonProcessName}\n\tAuthentication Package:\t%{AuthenticationPackageName}`,
  },
  {
    provider: SEC,
    eventId: 4634,
    text: 'An account was logged off.\n\nSubject:\n\tSecurity ID:\t\t%{TargetUserSid}\n\tAccount Name:\t\t%{TargetUserName}\n\tAccount Domain:\t\t%{TargetDomainName}\n\tLogon ID:\t\t%{TargetLogonId}\n\nLogon Type:\t\t\t%{LogonType}',
  },
];

/** Providers also known by another name in real logs (classic event source names, HTTP). */
export const PROVIDER_ALIASES: Readonly<Record<string, string>> = {
  HTTP: HTTP,
  'Microsoft-Windows-Schannel': 'Schannel',
  'Microsoft-Windows-Eventlog': 'EventLog',
  'Microsoft-Windows-Service Control Manager': SCM,
};
