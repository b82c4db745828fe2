-- id: notable-event-counts
-- title: Notable events counted per host, hour and kind
-- description: The same events as notable-events, counted per host, UTC hour, provider and event id (with their
-- description: category): the timeline's aggregate of routine events, bounded whatever the log size.
-- level: info
-- tags: timeline, overview, counts
-- params: since:timestamp, until:timestamp, host:varchar
-- event_ids: 7036, 6005, 6006, 6008, 6009, 12, 13, 15300, 15301, 15302, 119, 15021, 36870, 36874, 36887, 36888, 4688, 5061
SELECT n.host, n.category, n.provider, n.event_id, date_trunc('hour', n.ts) AS bucket_start,
       date_trunc('hour', n.ts) + INTERVAL 1 HOUR AS bucket_end, count(*)::BIGINT AS count
FROM notable_events n
WHERE ($host::VARCHAR IS NULL OR n.host = $host)
  AND ($since::TIMESTAMP IS NULL OR n.ts >= $since::TIMESTAMP)
  AND ($until::TIMESTAMP IS NULL OR n.ts <= $until::TIMESTAMP)
GROUP BY ALL
ORDER BY bucket_start, n.host, n.provider, n.event_id;
