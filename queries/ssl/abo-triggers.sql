-- id: abo-triggers
-- title: Events that start the IIS 6 ABO mapper
-- description: What makes the ABO mapper rebuild its tree and re-apply legacy certificate hashes (KB 2025598): IISADMIN, SMTPSVC, MSFTPSVC or an SCCM SMS_* service reaching running (7036 state 4), inetmgr6.exe or adsutil.vbs started (4688), and boots (EventLog 6005/6009). The mapper logs to Abomapper.log, not to the event log, so these are the visible triggers.
-- level: info
-- tags: abo-mapper, ssl, correlation
-- params: since:timestamp, until:timestamp, host:varchar
-- event_ids: 7036, 4688, 6005, 6009
SELECT t.ts, t.host, t.trigger_type, t.trigger_name, t.provider, t.event_id, t.record_id, f.path AS file
FROM abo_triggers t
LEFT JOIN files f ON f.file_id = t.file_id
WHERE ($host::VARCHAR IS NULL OR t.host = $host)
  AND ($since::TIMESTAMP IS NULL OR t.ts >= $since::TIMESTAMP)
  AND ($until::TIMESTAMP IS NULL OR t.ts <= $until::TIMESTAMP)
ORDER BY t.ts, t.host, t.record_id;
