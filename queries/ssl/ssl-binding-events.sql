-- id: ssl-binding-events
-- title: SSL binding deletions and re-creations, one row each
-- description: Every HttpEvent 15300/15301/15302 and HttpService 119 in time order, with the source file and EventRecordID, for reading a binding's history event by event. `duplicate_of` names the 15300 a 119 repeats (one deletion logged twice); `routine` marks a 119 of a localhost listener beside 111/112/113 (client Windows).
-- level: info
-- tags: ssl, http.sys, bindings
-- params: since:timestamp, until:timestamp, host:varchar
-- event_ids: 15300, 15301, 15302, 119
SELECT s.ts, s.host, s.endpoint, s.kind, s.event_id, s.provider, s.record_id, f.path AS file, s.duplicate_of, s.routine
FROM ssl_events s
LEFT JOIN files f ON f.file_id = s.file_id
WHERE s.kind IN ('binding_deleted', 'binding_created', 'binding_updated')
  AND ($host::VARCHAR IS NULL OR s.host = $host)
  AND ($since::TIMESTAMP IS NULL OR s.ts >= $since::TIMESTAMP)
  AND ($until::TIMESTAMP IS NULL OR s.ts <= $until::TIMESTAMP)
ORDER BY s.ts, s.host, s.record_id;
