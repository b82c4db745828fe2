-- id: reboots
-- title: Reboots, clean shutdowns and unexpected shutdowns
-- description: EventLog 6005/6006/6008/6009 and Kernel-General 12/13 in time order; `unexpected` marks 6008 (the previous shutdown was not clean).
-- level: info
-- tags: boot
-- params: since:timestamp, until:timestamp, host:varchar
-- event_ids: 6005, 6006, 6008, 6009, 12, 13
SELECT r.ts, r.host, r.kind, r.event_id, r.provider, r.event_id = 6008 AS unexpected, r.record_id, f.path AS file
FROM reboots r
LEFT JOIN files f ON f.file_id = r.file_id
WHERE ($host::VARCHAR IS NULL OR r.host = $host)
  AND ($since::TIMESTAMP IS NULL OR r.ts >= $since::TIMESTAMP)
  AND ($until::TIMESTAMP IS NULL OR r.ts <= $until::TIMESTAMP)
ORDER BY r.ts, r.host, r.record_id;
