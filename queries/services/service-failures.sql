-- id: service-failures
-- title: Services that crashed or terminated unexpectedly
-- description: Service Control Manager 7031 (terminated, recovery action taken) and 7034 (terminated unexpectedly) per host and service, from the insertion strings.
-- level: medium
-- tags: services
-- params: since:timestamp, until:timestamp, host:varchar
-- event_ids: 7031, 7034
SELECT e.host, coalesce(e.data->>'param1', e.params[1]) AS service, e.event_id,
       count(*)::INTEGER AS events, min(e.ts) AS first_ts, max(e.ts) AS last_ts
FROM events e
WHERE e.provider = 'Service Control Manager' AND e.event_id IN (7031, 7034)
  AND ($host::VARCHAR IS NULL OR e.host = $host)
  AND ($since::TIMESTAMP IS NULL OR e.ts >= $since::TIMESTAMP)
  AND ($until::TIMESTAMP IS NULL OR e.ts <= $until::TIMESTAMP)
GROUP BY ALL
ORDER BY e.host, first_ts;
