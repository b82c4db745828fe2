-- id: unexpected-shutdowns
-- title: Unexpected shutdowns and the boot that followed
-- description: EventLog 6008 ("the previous system shutdown was unexpected") with the boot (6005/6009) logged with it, per host.
-- level: medium
-- tags: boot
-- params: since:timestamp, until:timestamp, host:varchar
-- event_ids: 6008, 6005, 6009
SELECT u.host, u.ts, u.record_id, f.path AS file, u.message,
       (SELECT max(b.ts) FROM reboots b
         WHERE b.host = u.host AND b.event_id IN (6005, 6009) AND b.ts <= u.ts + INTERVAL '10 minutes'
           AND b.ts >= u.ts - INTERVAL '10 minutes') AS boot_ts
FROM reboots u
LEFT JOIN files f ON f.file_id = u.file_id
WHERE u.event_id = 6008
  AND ($host::VARCHAR IS NULL OR u.host = $host)
  AND ($since::TIMESTAMP IS NULL OR u.ts >= $since::TIMESTAMP)
  AND ($until::TIMESTAMP IS NULL OR u.ts <= $until::TIMESTAMP)
ORDER BY u.ts, u.host;
