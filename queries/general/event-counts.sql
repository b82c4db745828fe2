-- id: event-counts
-- title: Event counts per host, provider and day
-- description: Number of events per host, provider, event id and UTC day: the shape of the logs, and the days when a provider suddenly gets loud.
-- level: info
-- tags: overview
-- params: since:timestamp, until:timestamp, host:varchar
-- event_ids:
SELECT host, CAST(ts AS DATE) AS day, provider, event_id, count(*)::INTEGER AS events
FROM events
WHERE ($host::VARCHAR IS NULL OR host = $host)
  AND ($since::TIMESTAMP IS NULL OR ts >= $since::TIMESTAMP)
  AND ($until::TIMESTAMP IS NULL OR ts <= $until::TIMESTAMP)
GROUP BY ALL
ORDER BY host, day, events DESC, provider, event_id;
