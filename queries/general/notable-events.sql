-- id: notable-events
-- title: Events that matter for SSL binding incidents, one line each
-- description: The timeline's raw material: IIS/SCCM service state changes, reboots and shutdowns, SSL binding deletions/creations, HTTP.sys and Schannel SSL errors, IIS administration tools started and Security 5061 failures, each with a one-line summary, its source file and EventRecordID.
-- description: per_hour leaves out routine repeats: the events of a kind (provider, event id) on a host in an hour
-- description: when there are more than per_hour of them (notable-event-counts counts them); max_rows caps the rows.
-- level: info
-- tags: timeline, overview
-- params: since:timestamp, until:timestamp, host:varchar, per_hour:integer, max_rows:integer
-- event_ids: 7036, 6005, 6006, 6008, 6009, 12, 13, 15300, 15301, 15302, 119, 15021, 36870, 36874, 36887, 36888, 4688, 5061
WITH n AS (
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
  WHERE lower(regexp_extract(image, '[^\\/]+$')) IN
          ('inetmgr6.exe', 'iisreset.exe', 'net.exe', 'net1.exe', 'sc.exe', 'appcmd.exe', 'netsh.exe', 'certutil.exe')
     OR lower(command_line) LIKE '%adsutil.vbs%'
  UNION ALL
  SELECT ts, host, file_id, record_id, 'Microsoft-Windows-Security-Auditing', 5061, 'crypto',
         'cryptographic operation failed ' || coalesce(return_code, '?') || coalesce(' ' || return_name, '')
           || coalesce(' key ' || key_name, '')
  FROM crypto_failures
  WHERE return_code IS NOT NULL AND return_code <> '0x00000000'
), k AS (
  SELECT n.*, count(*) OVER (PARTITION BY n.host, n.provider, n.event_id, date_trunc('hour', n.ts)) AS in_hour
  FROM n
  WHERE ($host::VARCHAR IS NULL OR n.host = $host)
    AND ($since::TIMESTAMP IS NULL OR n.ts >= $since::TIMESTAMP)
    AND ($until::TIMESTAMP IS NULL OR n.ts <= $until::TIMESTAMP)
)
SELECT k.ts, k.host, k.provider, k.event_id, k.record_id, f.path AS file, k.category, k.summary
FROM k
LEFT JOIN files f ON f.file_id = k.file_id
WHERE $per_hour::INTEGER IS NULL OR k.in_hour <= $per_hour::INTEGER
ORDER BY k.ts, k.host, k.record_id
LIMIT $max_rows::INTEGER;
