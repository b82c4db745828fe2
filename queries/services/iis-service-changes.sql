-- id: iis-service-changes
-- title: State changes of IIS, mail, FTP and SCCM services
-- description: Service Control Manager 7036 for IISADMIN, W3SVC, WAS, SMTPSVC, MSFTPSVC, FTPSVC, HTTP and the SCCM SMS_* / CcmExec services, keyed by the language-independent service name from the 7036 Binary.
-- level: info
-- tags: services, iis, abo-mapper
-- params: since:timestamp, until:timestamp, host:varchar
-- event_ids: 7036
SELECT c.ts, c.host, c.service_key, c.display_name, c.state, c.state_code, c.record_id, f.path AS file
FROM service_changes c
LEFT JOIN files f ON f.file_id = c.file_id
WHERE (upper(c.service_key) IN ('IISADMIN', 'W3SVC', 'WAS', 'SMTPSVC', 'MSFTPSVC', 'FTPSVC', 'HTTP', 'CCMEXEC')
       OR upper(c.service_key) LIKE 'SMS%' OR upper(c.display_name) LIKE 'SMS%')
  AND ($host::VARCHAR IS NULL OR c.host = $host)
  AND ($since::TIMESTAMP IS NULL OR c.ts >= $since::TIMESTAMP)
  AND ($until::TIMESTAMP IS NULL OR c.ts <= $until::TIMESTAMP)
ORDER BY c.ts, c.host, c.record_id;
