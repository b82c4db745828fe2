-- id: schannel-36870-by-code
-- title: Schannel private key errors (36870) by error code
-- description: Schannel 36870 "fatal error accessing the SSL server credential private key" per host and error code, with the winerror.h name, the internal error states and the calling processes.
-- level: high
-- tags: ssl, schannel, private-key
-- params: since:timestamp, until:timestamp, host:varchar
-- event_ids: 36870
SELECT host, error_code, any_value(error_name) AS error_name,
       count(*)::INTEGER AS events,
       min(ts) AS first_ts, max(ts) AS last_ts,
       list_sort(list(DISTINCT error_status) FILTER (WHERE error_status IS NOT NULL)) AS error_states,
       list_sort(list(DISTINCT caller_image) FILTER (WHERE caller_image IS NOT NULL)) AS callers
FROM ssl_events
WHERE kind = 'private_key_error'
  AND ($host::VARCHAR IS NULL OR host = $host)
  AND ($since::TIMESTAMP IS NULL OR ts >= $since::TIMESTAMP)
  AND ($until::TIMESTAMP IS NULL OR ts <= $until::TIMESTAMP)
GROUP BY host, error_code
ORDER BY host, first_ts;
