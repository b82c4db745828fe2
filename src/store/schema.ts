/**
 * DuckDB schema: tables, macros and the domain tables. Names here are the stable, documented
 * interface that saved queries, reports and external tools (duckdb CLI, Python, DBeaver) rely on.
 * Times are UTC, TIMESTAMP_NS. See README "Database schema".
 */

import { SERVICE_STATES, SERVICE_STATE_NAMES } from '../knowledge/localized-event-text.js';

export const SCHEMA_VERSION = 3;

export const TABLES_SQL = `
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);

CREATE SEQUENCE IF NOT EXISTS file_id_seq START 1;
CREATE TABLE IF NOT EXISTS files (
  file_id      INTEGER PRIMARY KEY DEFAULT nextval('file_id_seq'),
  path         VARCHAR NOT NULL,
  sha256       VARCHAR NOT NULL,
  size         BIGINT NOT NULL,
  kind         VARCHAR NOT NULL,        -- evtx | xml | applicationHost.config | netsh-sslcert | reg-sslbindinginfo | certutil-store | netsh-iplisten | reg-schannel-protocols
  hosts        VARCHAR[],
  first_ts     TIMESTAMP_NS,
  last_ts      TIMESTAMP_NS,
  records      BIGINT NOT NULL DEFAULT 0,
  warnings     INTEGER NOT NULL DEFAULT 0,
  errors       INTEGER NOT NULL DEFAULT 0,
  ingested_at  TIMESTAMP NOT NULL DEFAULT current_timestamp,
  duplicates   BIGINT NOT NULL DEFAULT 0  -- records not kept: another file already holds them
);

CREATE TABLE IF NOT EXISTS events (
  file_id        INTEGER NOT NULL,
  host           VARCHAR,                -- System/Computer
  channel        VARCHAR,
  provider       VARCHAR,
  provider_guid  VARCHAR,                -- {UPPERCASE}
  event_source   VARCHAR,                -- Provider/@EventSourceName
  event_id       INTEGER,
  qualifiers     INTEGER,
  version        SMALLINT,
  level          SMALLINT,
  task           INTEGER,
  opcode         SMALLINT,
  keywords       VARCHAR,                -- 0x8080000000000000
  record_id      UBIGINT,                -- System/EventRecordID
  header_record_id UBIGINT,              -- record-header number (differs in filtered exports)
  ts             TIMESTAMP_NS,           -- System/TimeCreated, UTC
  written_ts     TIMESTAMP_NS,           -- record-header FILETIME
  process_id     UBIGINT,
  thread_id      UBIGINT,
  user_sid       VARCHAR,
  activity_id    VARCHAR,
  data           JSON,                   -- EventData by Name ("#n" for unnamed Data, "Binary" hex) / UserData tree
  params         VARCHAR[],              -- insertion strings %1..%n in document order
  message        VARCHAR,                -- rendered from the bundled catalogue, NULL when unknown
  recovered      BOOLEAN NOT NULL DEFAULT false,  -- carved from slack space / damaged chunk
  chunk          INTEGER,
  file_offset    BIGINT,                 -- absolute offset of the record in the .evtx (NULL for XML exports)
  related_activity_id VARCHAR            -- System/Correlation/@RelatedActivityID
);

CREATE TABLE IF NOT EXISTS ingest_errors (
  file_id    INTEGER,
  path       VARCHAR NOT NULL,
  severity   VARCHAR NOT NULL,           -- error | warning
  chunk      INTEGER,
  file_offset BIGINT,
  record_id  UBIGINT,
  message    VARCHAR NOT NULL
);

-- Files read only in part: what was lost (one row per damaged file; see src/model/damage.ts).
CREATE TABLE IF NOT EXISTS file_damage (
  file_id          INTEGER NOT NULL,
  path             VARCHAR NOT NULL,
  size             BIGINT NOT NULL,
  expected_size    BIGINT,                -- announced by the file header when the file is shorter
  chunks_unread    INTEGER NOT NULL,
  chunks_partly_read INTEGER NOT NULL,
  records_damaged  INTEGER NOT NULL,
  gaps             JSON NOT NULL,         -- [{first, last, after, before}]: record numbers that may be missing
  summary          VARCHAR NOT NULL       -- what was lost, one line
);

-- applicationHost.config <customMetadata> properties (IIS 6 metabase leftovers).
CREATE TABLE IF NOT EXISTS config_metadata (
  file_id      INTEGER NOT NULL,
  host         VARCHAR,
  key_path     VARCHAR NOT NULL,         -- e.g. LM/W3SVC/1
  property_id  INTEGER NOT NULL,         -- 5506 cert hash, 5511 store name, 2161, 1018…
  data_type    VARCHAR,
  user_type    VARCHAR,
  attributes   VARCHAR,
  value        VARCHAR,
  decoded      VARCHAR                   -- 5506: 40-hex-digit thumbprint (uppercase); 5511: store name
);

-- SSL bindings from every source: applicationHost.config sites, netsh output, registry export.
CREATE TABLE IF NOT EXISTS ssl_bindings (
  file_id      INTEGER NOT NULL,
  host         VARCHAR,
  source       VARCHAR NOT NULL,         -- config | netsh | registry
  endpoint     VARCHAR,                  -- IP:port, [IPv6]:port or hostname:port
  site         VARCHAR,                  -- config: site name
  binding_information VARCHAR,           -- config: IP:port:hostheader as written
  ssl_flags    INTEGER,
  cert_hash    VARCHAR,                  -- uppercase hex thumbprint, NULL when empty
  cert_store   VARCHAR,
  app_id       VARCHAR,                  -- {UPPERCASE}
  problems     VARCHAR[]                 -- parser-flagged: empty-hash, null-appid, …
);

-- certutil -v -store my
CREATE TABLE IF NOT EXISTS certificates (
  file_id        INTEGER NOT NULL,
  host           VARCHAR,
  store          VARCHAR,
  thumbprint     VARCHAR NOT NULL,       -- uppercase hex, 40 digits
  subject        VARCHAR,
  issuer         VARCHAR,
  serial         VARCHAR,
  not_before     TIMESTAMP,
  not_after      TIMESTAMP,
  has_private_key BOOLEAN,
  provider       VARCHAR,
  key_container  VARCHAR,
  key_spec       INTEGER,                -- 1 AT_KEYEXCHANGE, 2 AT_SIGNATURE
  exportable     BOOLEAN,
  eku            VARCHAR[],              -- Enhanced Key Usage OIDs in force; NULL = no restriction
  chain_problems VARCHAR[],              -- certutil chain verdicts: untrusted-root, wrong-usage, …
  dns_names      VARCHAR[]               -- Subject Alternative Name DNS names (certutil -v)
);

-- netsh http show iplisten: HTTP.sys listens only on these addresses (no rows: every address).
CREATE TABLE IF NOT EXISTS http_iplisten (
  file_id      INTEGER NOT NULL,
  host         VARCHAR,
  address      VARCHAR NOT NULL          -- as listed, lower case: 10.0.0.5, ::
);

-- reg export of HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols
CREATE TABLE IF NOT EXISTS schannel_protocols (
  file_id      INTEGER NOT NULL,
  host         VARCHAR,
  protocol     VARCHAR NOT NULL,         -- as the key names it: TLS 1.2, SSL 3.0, …
  side         VARCHAR NOT NULL,         -- Server | Client
  enabled      BIGINT,                   -- DWORD Enabled (0 = off), NULL when absent
  disabled_by_default BIGINT             -- DWORD DisabledByDefault (1 = only on request), NULL when absent
);

-- Cryptographic / Win32 error codes (filled from the knowledge base at schema creation).
CREATE TABLE IF NOT EXISTS error_codes (
  code         VARCHAR PRIMARY KEY,      -- 0x8009030D
  name         VARCHAR NOT NULL,
  description  VARCHAR
);
`;

export const MACROS_SQL = `
-- Normalise an error code written as 0x… (any case) or decimal to 0xXXXXXXXX.
CREATE OR REPLACE MACRO hex_code(v) AS
  CASE WHEN v IS NULL OR trim(v) = '' THEN NULL
       WHEN lower(trim(v)) LIKE '0x%' THEN printf('0x%08X', TRY_CAST(trim(v) AS UBIGINT))
       ELSE printf('0x%08X', TRY_CAST(trim(v) AS BIGINT) & 4294967295) END;
-- Text of a hex Binary holding UTF-16LE ASCII (Service Control Manager "IISADMIN/4").
CREATE OR REPLACE MACRO utf16_hex_text(h) AS
  rtrim(TRY(decode(unhex(regexp_replace(h, '([0-9A-Fa-f]{2})00', '\\1', 'g')))), chr(0));
-- First insertion string shaped like an endpoint: IP:port, [IPv6]:port or hostname:port.
CREATE OR REPLACE MACRO endpoint_of(p) AS
  list_filter(p, x -> regexp_full_match(x, '(\\[[0-9A-Fa-f:.%]+\\]|[A-Za-z0-9_.*+-]+):[0-9]{1,5}'))[1];
`;

/** SQL CASE giving the 7036 state code of a rendered state name in any known language (`Ausgeführt` → 4). */
function stateCodeOfText(expr: string): string {
  const whens = SERVICE_STATE_NAMES.map(
    (n) => `WHEN '${n.text.toLowerCase().replace(/'/g, "''")}' THEN ${SERVICE_STATES[n.key]}`,
  );
  return `CASE lower(trim(${expr})) ${whens.join(' ')} END`;
}

/*
 * The columns that make one deletion count once (ssl_events). Windows 10 / Server 2016 and later log
 * one deletion twice: HttpEvent 15300 and HttpService 119 for the same endpoint within a second or
 * two; the 119 names its 15300 in `duplicate_of`. A 119 with no 15300 twin, at Information level,
 * for a loopback endpoint, beside 111/112/113 URL-group events of the same process is `routine`: an
 * app (IIS Express, a local agent) applying its own localhost binding on client Windows.
 */
// Every 15300 of the database with its endpoint, read once for both look-ups of SSL_TWIN_COLUMNS.
const SSL_TWIN_SOURCE = `
deletions_15300 AS MATERIALIZED (
  SELECT host, ts, record_id, endpoint_of(params) AS endpoint
  FROM events WHERE provider = 'Microsoft-Windows-HttpEvent' AND event_id = 15300
)`;

const SSL_TWIN_COLUMNS = `
       CASE WHEN s.event_id = 119 THEN
         (SELECT min(x.record_id) FROM deletions_15300 x
           WHERE x.host = s.host AND x.endpoint IS NOT DISTINCT FROM s.endpoint
             AND x.ts BETWEEN s.ts - INTERVAL '2 seconds' AND s.ts + INTERVAL '2 seconds') END AS duplicate_of,
       coalesce(s.event_id = 119 AND coalesce(s.level, 4) IN (0, 4)
         AND regexp_matches(lower(coalesce(s.endpoint, '')), '^(localhost|127\\.[0-9.]+|\\[::1\\]):[0-9]+$')
         AND NOT EXISTS (SELECT 1 FROM deletions_15300 x
           WHERE x.host = s.host AND x.endpoint IS NOT DISTINCT FROM s.endpoint
             AND x.ts BETWEEN s.ts - INTERVAL '2 seconds' AND s.ts + INTERVAL '2 seconds')
         AND EXISTS (SELECT 1 FROM events u
           WHERE u.provider = 'Microsoft-Windows-HttpService' AND u.event_id IN (111, 112, 113) AND u.host = s.host
             AND (u.process_id IS NULL OR s.process_id IS NULL OR u.process_id = s.process_id)
             AND u.ts BETWEEN s.ts - INTERVAL '2 seconds' AND s.ts + INTERVAL '1 second'), false) AS routine`;

/*
 * Domain tables. Each is the result of its SELECT below, materialised at ingest from the events of
 * one file at a time (src/store/domain-tables.ts wraps the SELECT as `… WHERE file_id = $1`), so a
 * SELECT must be row-local: a row may depend on its own event and on the constant tables
 * (error_codes, VALUES lists), never on other events (those may arrive in a later file; windows
 * and cross-event matching belong in the saved queries). The one exception is the 15300/119 twin
 * test of ssl_events, which looks at the events of the same host within two seconds: both events
 * are in that host's System log, so they arrive in the same file. Column names, order and types come from
 * the SELECT: the table is created from it.
 */

// The three fields are read with one JSON parse per event, the Binary decoded once.
export const SERVICE_CHANGES_SELECT = `
SELECT s.file_id, s.host, s.ts, s.record_id, s.event_id,
       coalesce(nullif(split_part(s.bin, '/', 1), ''), k.service_key) AS service_key,
       s.display_name, s.state,
       coalesce(TRY_CAST(nullif(split_part(s.bin, '/', 2), '') AS INTEGER), ${stateCodeOfText('s.state')}) AS state_code
FROM (SELECT e.file_id, e.host, e.ts, e.record_id, e.event_id, utf16_hex_text(e.v[1]) AS bin,
             coalesce(e.v[2], e.params[1]) AS display_name, coalesce(e.v[3], e.params[2]) AS state
      FROM (SELECT e.file_id, e.host, e.ts, e.record_id, e.event_id, e.params,
                   json_extract_string(e.data, ['Binary', 'param1', 'param2']) AS v
            FROM events e
            WHERE e.provider = 'Service Control Manager' AND e.event_id = 7036) e) s
LEFT JOIN (VALUES ('IIS Admin Service', 'IISADMIN'), ('World Wide Web Publishing Service', 'W3SVC'),
                  ('Windows Process Activation Service', 'WAS'), ('Simple Mail Transfer Protocol (SMTP)', 'SMTPSVC'),
                  ('Microsoft FTP Service', 'MSFTPSVC'), ('FTP Publishing Service', 'MSFTPSVC'))
          AS k(display, service_key) ON k.display = s.display_name`;

export const SSL_EVENTS_SELECT = `
WITH s AS (
SELECT e.file_id, e.host, e.ts, e.record_id, e.provider, e.event_id, e.level,
       CASE WHEN e.event_id = 15300 OR (e.event_id = 119 AND e.provider = 'Microsoft-Windows-HttpService') THEN 'binding_deleted'
            WHEN e.event_id = 15301 THEN 'binding_created'
            WHEN e.event_id = 15302 THEN 'binding_updated'
            WHEN e.event_id = 15021 THEN 'ssl_config_error'
            WHEN e.event_id = 36870 THEN 'private_key_error'
            WHEN e.event_id = 36874 THEN 'no_cipher_suite'
            WHEN e.event_id IN (36887, 36888) THEN 'tls_alert'
            ELSE 'other' END AS kind,
       CASE WHEN e.provider LIKE '%Http%' THEN endpoint_of(e.params) END AS endpoint,
       hex_code(e.data->>'ErrorCode') AS error_code,
       c.name AS error_name,
       TRY_CAST(e.data->>'ErrorStatus' AS BIGINT) AS error_status,
       TRY_CAST(e.data->>'AlertDesc' AS INTEGER) AS alert,
       TRY_CAST(e.data->>'CallerProcessId' AS BIGINT) AS caller_pid,
       e.data->>'CallerProcessImageName' AS caller_image,
       CASE WHEN e.provider = 'Schannel' THEN e.data->>'Type' END AS tls_type,
       e.message, e.process_id
FROM events e
LEFT JOIN error_codes c ON c.code = hex_code(e.data->>'ErrorCode')
WHERE (e.provider = 'Microsoft-Windows-HttpEvent' AND e.event_id IN (15300, 15301, 15302, 15021))
   OR (e.provider = 'Microsoft-Windows-HttpService' AND e.event_id = 119)
   OR (e.provider = 'Schannel' AND e.event_id IN (36870, 36874, 36887, 36888))
),
${SSL_TWIN_SOURCE}
SELECT s.* EXCLUDE (process_id),
${SSL_TWIN_COLUMNS}
FROM s`;

export const REBOOTS_SELECT = `
SELECT e.file_id, e.host, e.ts, e.record_id, e.provider, e.event_id,
       CASE WHEN e.event_id = 6005 THEN 'eventlog_started'
            WHEN e.event_id = 6006 THEN 'clean_shutdown'
            WHEN e.event_id = 6008 THEN 'unexpected_shutdown'
            WHEN e.event_id = 6009 THEN 'boot'
            WHEN e.event_id = 12 THEN 'os_start'
            WHEN e.event_id = 13 THEN 'os_shutdown' END AS kind,
       e.message
FROM events e
WHERE (e.provider = 'EventLog' AND e.event_id IN (6005, 6006, 6008, 6009))
   OR (e.provider = 'Microsoft-Windows-Kernel-General' AND e.event_id IN (12, 13))`;

export const PROCESS_STARTS_SELECT = `
SELECT e.file_id, e.host, e.ts, e.record_id,
       e.data->>'NewProcessName' AS image,
       e.data->>'CommandLine' AS command_line,
       e.data->>'SubjectUserName' AS user_name,
       e.data->>'SubjectDomainName' AS user_domain,
       e.data->>'NewProcessId' AS process_id,
       e.data->>'ParentProcessName' AS parent_image
FROM events e
WHERE e.provider = 'Microsoft-Windows-Security-Auditing' AND e.event_id = 4688`;

// Security 4624: the fields are read with one JSON parse per event (a logon log holds many of them).
export const LOGONS_SELECT = `
SELECT file_id, host, ts, record_id, v[1] AS logon_type, v[2] AS user_name, v[3] AS user_domain, v[4] AS ip,
       v[5] AS workstation, v[6] AS logon_process, v[7] AS auth_package, v[8] AS process_name, v[9] AS logon_id
FROM (SELECT e.file_id, e.host, e.ts, e.record_id,
             json_extract_string(e.data, ['LogonType', 'TargetUserName', 'TargetDomainName', 'IpAddress',
                                          'WorkstationName', 'LogonProcessName', 'AuthenticationPackageName',
                                          'ProcessName', 'TargetLogonId']) AS v
      FROM events e
      WHERE e.provider = 'Microsoft-Windows-Security-Auditing' AND e.event_id = 4624)`;

export const CRYPTO_FAILURES_SELECT = `
SELECT e.file_id, e.host, e.ts, e.record_id,
       e.data->>'ProviderName' AS key_provider,
       e.data->>'AlgorithmName' AS algorithm,
       e.data->>'KeyName' AS key_name,
       e.data->>'KeyType' AS key_type,
       e.data->>'Operation' AS operation,
       hex_code(e.data->>'ReturnCode') AS return_code,
       c.name AS return_name
FROM events e
LEFT JOIN error_codes c ON c.code = hex_code(e.data->>'ReturnCode')
WHERE e.provider = 'Microsoft-Windows-Security-Auditing' AND e.event_id = 5061`;

// What starts the IIS 6 ABO mapper (KB 2025598): IISADMIN/SMTPSVC/MSFTPSVC or an SCCM SMS_* service
// reaching running, inetmgr6.exe or adsutil.vbs started, a boot. The mapper logs to Abomapper.log,
// not to the event log, so these events are its visible triggers. Reads the domain tables above.
export const ABO_TRIGGERS_SELECT = `
SELECT host, ts, file_id, record_id, 'service' AS trigger_type, service_key AS trigger_name,
       'Service Control Manager' AS provider, 7036 AS event_id
FROM service_changes
WHERE state_code = 4
  AND (upper(service_key) IN ('IISADMIN', 'SMTPSVC', 'MSFTPSVC') OR upper(service_key) LIKE 'SMS%'
       OR upper(display_name) LIKE 'SMS%')
UNION ALL
SELECT host, ts, file_id, record_id, 'process',
       CASE WHEN lower(command_line) LIKE '%adsutil.vbs%' THEN 'adsutil.vbs' ELSE 'inetmgr6.exe' END,
       'Microsoft-Windows-Security-Auditing', 4688
FROM process_starts
WHERE lower(image) LIKE '%inetmgr6.exe' OR lower(command_line) LIKE '%adsutil.vbs%'
UNION ALL
SELECT host, ts, file_id, record_id, 'boot', kind, provider, event_id
FROM reboots
WHERE provider = 'EventLog' AND event_id IN (6005, 6009)`;

/** A domain table and the SELECT whose rows it holds. */
export interface DomainTable {
  name: string;
  select: string;
}

/** In materialisation order: a table may read the ones before it (abo_triggers reads three). */
export const DOMAIN_TABLES: readonly DomainTable[] = [
  { name: 'service_changes', select: SERVICE_CHANGES_SELECT },
  { name: 'ssl_events', select: SSL_EVENTS_SELECT },
  { name: 'reboots', select: REBOOTS_SELECT },
  { name: 'process_starts', select: PROCESS_STARTS_SELECT },
  { name: 'logons', select: LOGONS_SELECT },
  { name: 'crypto_failures', select: CRYPTO_FAILURES_SELECT },
  { name: 'abo_triggers', select: ABO_TRIGGERS_SELECT },
];

/**
 * The events that matter for SSL binding incidents, one line each with a category and a summary:
 * IIS/SCCM service states, boots and shutdowns, SSL binding and Schannel events, IIS administration
 * tools started, failed cryptographic operations. A view over the domain tables: the timeline's
 * listing (notable-events) and its counts (notable-event-counts) read the same selection.
 */
export const NOTABLE_EVENTS_VIEW_SQL = `
CREATE OR REPLACE VIEW notable_events AS
  SELECT ts, host, file_id, record_id, 'Service Control Manager' AS provider, event_id, 'service' AS category,
         coalesce(service_key, display_name) || ' entered ' || coalesce(state, 'state ' || state_code) AS summary
  FROM service_changes
  WHERE upper(service_key) IN ('IISADMIN', 'W3SVC', 'WAS', 'SMTPSVC', 'MSFTPSVC', 'FTPSVC', 'HTTP', 'CCMEXEC')
     OR upper(service_key) LIKE 'SMS%' OR upper(display_name) LIKE 'SMS%'
  UNION ALL
  SELECT ts, host, file_id, record_id, provider, event_id, 'boot',
         CASE kind WHEN 'eventlog_started' THEN 'event log started (boot)'
                   WHEN 'clean_shutdown' THEN 'event log stopped (clean shutdown)'
                   WHEN 'unexpected_shutdown' THEN 'previous shutdown was unexpected'
                   WHEN 'boot' THEN 'boot: operating system version logged'
                   WHEN 'os_start' THEN 'operating system started'
                   WHEN 'os_shutdown' THEN 'operating system shut down' END
  FROM reboots
  UNION ALL
  SELECT ts, host, file_id, record_id, provider, event_id, 'ssl',
         CASE kind WHEN 'binding_deleted' THEN 'SSL binding deleted ' || coalesce(endpoint, '(endpoint unknown)')
                   WHEN 'binding_created' THEN 'SSL binding created ' || coalesce(endpoint, '(endpoint unknown)')
                   WHEN 'binding_updated' THEN 'SSL binding updated in place ' || coalesce(endpoint, '(endpoint unknown)')
                   WHEN 'ssl_config_error' THEN 'SSL configuration error ' || coalesce(endpoint, '')
                   WHEN 'private_key_error' THEN 'private key error ' || coalesce(error_code, '?')
                                                 || coalesce(' ' || error_name, '')
                                                 || coalesce(' (state ' || error_status || ')', '')
                   WHEN 'no_cipher_suite' THEN 'no common cipher suite'
                   WHEN 'tls_alert' THEN 'TLS fatal alert' || coalesce(' ' || alert, '')
                   ELSE 'SSL event' END
  FROM ssl_events
  UNION ALL
  SELECT ts, host, file_id, record_id, 'Microsoft-Windows-Security-Auditing', 4688, 'process',
         'started ' || coalesce(nullif(command_line, ''), image)
  FROM process_starts
  WHERE lower(regexp_extract(image, '[^\\\\/]+$')) IN
          ('inetmgr6.exe', 'iisreset.exe', 'net.exe', 'net1.exe', 'sc.exe', 'appcmd.exe', 'netsh.exe', 'certutil.exe')
     OR lower(command_line) LIKE '%adsutil.vbs%'
  UNION ALL
  SELECT ts, host, file_id, record_id, 'Microsoft-Windows-Security-Auditing', 5061, 'crypto',
         'cryptographic operation failed ' || coalesce(return_code, '?') || coalesce(' ' || return_name, '')
           || coalesce(' key ' || key_name, '')
  FROM crypto_failures
  WHERE return_code IS NOT NULL AND return_code <> '0x00000000'`;
