-- id: ssl-errors
-- title: HTTP.sys and Schannel SSL errors, one row each
-- description: HttpEvent 15021 (SSL configuration unusable) and Schannel 36870/36874/36887/36888 in time order with error code, name, alert number and source record.
-- level: medium
-- tags: ssl, schannel, http.sys
-- params: since:timestamp, until:timestamp, host:varchar
-- event_ids: 15021, 36870, 36874, 36887, 36888
SELECT s.ts, s.host, s.event_id, s.kind, s.endpoint, s.error_code, s.error_name, s.error_status, s.alert,
       s.caller_image, s.record_id, f.path AS file
FROM ssl_events s
LEFT JOIN files f ON f.file_id = s.file_id
WHERE s.kind IN ('ssl_config_error', 'private_key_error', 'no_cipher_suite', 'tls_alert')
  AND ($host::VARCHAR IS NULL OR s.host = $host)
  AND ($since::TIMESTAMP IS NULL OR s.ts >= $since::TIMESTAMP)
  AND ($until::TIMESTAMP IS NULL OR s.ts <= $until::TIMESTAMP)
ORDER BY s.ts, s.host, s.record_id;
