-- id: ingested-files
-- title: Files in the database
-- description: Every ingested file with its kind, hash, hosts, time range and record, warning and error counts.
-- level: info
-- tags: overview
-- params:
-- event_ids:
SELECT path, kind, sha256, size, coalesce(hosts, []) AS hosts, first_ts, last_ts, records, warnings, errors, ingested_at
FROM files
ORDER BY path;
