-- id: host-summary
-- title: Hosts in the database
-- description: Per host (the Computer field of its events): number of events, channels and the time range.
-- level: info
-- tags: overview
-- params:
-- event_ids:
SELECT host, count(*)::BIGINT AS events, list_sort(list(DISTINCT channel) FILTER (WHERE channel IS NOT NULL)) AS channels,
       min(ts) AS first_ts, max(ts) AS last_ts
FROM events
WHERE host IS NOT NULL
GROUP BY host
ORDER BY host;
