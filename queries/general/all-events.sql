-- id: all-events
-- title: Every event, one line each
-- description: All ingested events in time order with the rendered message (or provider and event id when the message catalogue does not know the event), source file and EventRecordID.
-- level: info
-- tags: timeline, overview
-- params: since:timestamp, until:timestamp, host:varchar
-- event_ids:
SELECT e.ts, e.host, e.provider, e.event_id, e.record_id, f.path AS file, 'event' AS category,
       -- whitespace runs as one space; the regular expression only where there is such a run
       coalesce(nullif(CASE WHEN strpos(e.message, '  ') > 0 OR strpos(e.message, chr(9)) > 0 OR strpos(e.message, chr(10)) > 0
                                 OR strpos(e.message, chr(12)) > 0 OR strpos(e.message, chr(13)) > 0
                            THEN regexp_replace(e.message, '\s+', ' ', 'g') ELSE e.message END, ''),
                e.provider || ' ' || e.event_id || coalesce(' ' || nullif(array_to_string(e.params, ' | '), ''), '')) AS summary
FROM events e
LEFT JOIN files f ON f.file_id = e.file_id
WHERE ($host::VARCHAR IS NULL OR e.host = $host)
  AND ($since::TIMESTAMP IS NULL OR e.ts >= $since::TIMESTAMP)
  AND ($until::TIMESTAMP IS NULL OR e.ts <= $until::TIMESTAMP)
ORDER BY e.ts, e.host, e.record_id;
