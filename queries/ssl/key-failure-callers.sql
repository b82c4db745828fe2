-- id: key-failure-callers
-- title: Schannel 36870 with the process that asked for the key and the Remote Desktop events around it
-- description: Every Schannel 36870 with its `Type` (server/client), the SSPI caller Server 2022 and later name (CallerProcessImageName, CallerProcessId; PID 4 = HTTP.sys), the Remote Desktop listener events of the host within `near` of it (RemoteConnectionManager 261 connection, 1057/1058 certificate problems), and whether HTTP.sys is active on the host (any HttpEvent/HttpService event, W3SVC running, an SSL binding in the artefacts). src/correlate/key-callers.ts tells the services apart with it.
-- level: high
-- tags: ssl, schannel, private-key, rdp, correlation
-- params: near:interval=5 seconds, since:timestamp, until:timestamp, host:varchar
-- event_ids: 36870, 261, 1057, 1058
WITH rdp AS (
  SELECT host, ts, event_id, record_id, file_id
  FROM events
  WHERE provider = 'Microsoft-Windows-TerminalServices-RemoteConnectionManager' AND event_id IN (261, 1057, 1058)
),
http AS (
  SELECT DISTINCT host FROM events
  WHERE provider IN ('Microsoft-Windows-HttpEvent', 'Microsoft-Windows-HttpService')
  UNION
  SELECT DISTINCT host FROM service_changes WHERE upper(service_key) IN ('W3SVC', 'WAS') AND state_code = 4
)
SELECT s.host, s.ts, s.record_id, f.path AS file, s.error_code, s.error_name, s.error_status,
       s.tls_type, s.caller_pid, s.caller_image,
       coalesce((SELECT list({'ts': r.ts, 'event_id': r.event_id, 'record_id': r.record_id, 'file': fr.path} ORDER BY r.ts)
                   FROM rdp r LEFT JOIN files fr ON fr.file_id = r.file_id
                  WHERE r.host = s.host AND ((r.event_id = 261 AND r.ts BETWEEN s.ts - $near::INTERVAL AND s.ts + $near::INTERVAL)
                                             OR (r.event_id IN (1057, 1058) AND r.ts BETWEEN s.ts - INTERVAL '1 day' AND s.ts))), [])
         AS rdp_events,
       (SELECT count(*) FROM rdp r WHERE r.host = s.host)::INTEGER AS rdp_events_on_host,
       (s.host IN (SELECT host FROM http)
        OR EXISTS (SELECT 1 FROM ssl_bindings sb WHERE sb.source <> 'config'
                     AND lower(split_part(sb.host, '.', 1)) = lower(split_part(s.host, '.', 1)))) AS http_sys_active
FROM ssl_events s
LEFT JOIN files f ON f.file_id = s.file_id
WHERE s.kind = 'private_key_error' AND s.provider = 'Schannel'
  AND ($host::VARCHAR IS NULL OR s.host = $host)
  AND ($since::TIMESTAMP IS NULL OR s.ts >= $since::TIMESTAMP)
  AND ($until::TIMESTAMP IS NULL OR s.ts <= $until::TIMESTAMP)
ORDER BY s.host, s.ts, s.record_id;
