-- id: notable-events
-- title: Events that matter for SSL binding incidents, one line each
-- description: The timeline's raw material: IIS/SCCM service state changes, reboots and shutdowns, SSL binding deletions/creations, HTTP.sys and Schannel SSL errors, IIS administration tools started and Security 5061 failures, each with a one-line summary, its source file and EventRecordID.
-- description: per_hour leaves out routine repeats: the events of a kind (provider, event id) on a host in an hour
-- description: when there are more than per_hour of them (notable-event-counts counts them); max_rows caps the rows.
-- level: info
-- tags: timeline, overview
-- params: since:timestamp, until:timestamp, host:varchar, per_hour:integer, max_rows:integer
-- event_ids: 7036, 6005, 6006, 6008, 6009, 12, 13, 15300, 15301, 15302, 119, 15021, 36870, 36874, 36887, 36888, 4688, 5061
WITH k AS (
  SELECT n.*
  FROM notable_events n
  WHERE ($host::VARCHAR IS NULL OR n.host = $host)
    AND ($since::TIMESTAMP IS NULL OR n.ts >= $since::TIMESTAMP)
    AND ($until::TIMESTAMP IS NULL OR n.ts <= $until::TIMESTAMP)
),
-- the events per kind and hour are counted only when per_hour is given (the window sees no row otherwise)
kept AS (
  SELECT * EXCLUDE (in_hour)
  FROM (SELECT k.*, count(*) OVER (PARTITION BY k.host, k.provider, k.event_id, date_trunc('hour', k.ts)) AS in_hour
        FROM k WHERE $per_hour::INTEGER IS NOT NULL)
  WHERE in_hour <= $per_hour::INTEGER
  UNION ALL
  SELECT * FROM k WHERE $per_hour::INTEGER IS NULL
)
SELECT k.ts, k.host, k.provider, k.event_id, k.record_id, f.path AS file, k.category, k.summary
FROM kept k
LEFT JOIN files f ON f.file_id = k.file_id
ORDER BY k.ts, k.host, k.record_id
LIMIT $max_rows::INTEGER;
