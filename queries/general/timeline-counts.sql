-- id: timeline-counts
-- title: Events per host and hour for the report's timeline
-- description: The routine background of the report's timeline: every event counted per host and UTC hour, so the timeline draws the whole log as counts while listing only the events that matter.
-- level: info
-- tags: report, timeline, overview
-- params: since:timestamp, until:timestamp, host:varchar
-- event_ids:
SELECT host, date_trunc('hour', ts) AS hour, count(*)::BIGINT AS events
FROM events
WHERE ts IS NOT NULL
  AND ($host::VARCHAR IS NULL OR host = $host)
  AND ($since::TIMESTAMP IS NULL OR ts >= $since::TIMESTAMP)
  AND ($until::TIMESTAMP IS NULL OR ts <= $until::TIMESTAMP)
GROUP BY ALL
ORDER BY hour, host NULLS FIRST;
