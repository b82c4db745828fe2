-- id: ssl-binding-changes
-- title: SSL bindings deleted and created per endpoint
-- description: HTTP.sys SSL certificate settings deleted (HttpEvent 15300, HttpService 119) and created (15301) per host and endpoint, with the deletions that no re-create followed within the window and the in-place updates (15302, a renewal). One deletion logged as both 15300 and 119 counts once (the 119 is `duplicate_of` its 15300); a routine 119 of a localhost listener (client Windows, beside 111/112/113) is not counted as a deletion.
-- level: medium
-- tags: ssl, http.sys, bindings
-- params: window:interval=2 minutes, since:timestamp, until:timestamp, host:varchar
-- event_ids: 15300, 15301, 15302, 119
WITH b AS (
  SELECT s.*,
         kind = 'binding_deleted' AND NOT EXISTS (
           SELECT 1 FROM ssl_events r
           WHERE r.kind = 'binding_created' AND r.host = s.host AND r.endpoint IS NOT DISTINCT FROM s.endpoint
             AND r.ts >= s.ts AND r.ts <= s.ts + $window::INTERVAL) AS orphan
  FROM ssl_events s
  WHERE s.kind IN ('binding_deleted', 'binding_created', 'binding_updated')
    AND s.duplicate_of IS NULL AND NOT s.routine
    AND ($host::VARCHAR IS NULL OR s.host = $host)
    AND ($since::TIMESTAMP IS NULL OR s.ts >= $since::TIMESTAMP)
    AND ($until::TIMESTAMP IS NULL OR s.ts <= $until::TIMESTAMP)
)
SELECT host, endpoint,
       count(*) FILTER (WHERE kind = 'binding_deleted')::INTEGER AS deleted,
       count(*) FILTER (WHERE kind = 'binding_created')::INTEGER AS created,
       count(*) FILTER (WHERE orphan)::INTEGER AS deleted_not_recreated,
       count(*) FILTER (WHERE kind = 'binding_updated')::INTEGER AS updated,
       min(ts) AS first_ts,
       max(ts) AS last_ts
FROM b
GROUP BY host, endpoint
ORDER BY host, endpoint;
