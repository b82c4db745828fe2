-- id: abo-binding-chains
-- title: ABO-mapper chains: trigger, then SSL binding deleted, re-created or not, failures after
-- description: Per host, every SSL binding deletion (15300/119) that follows an ABO-mapper trigger within `window` (the nearest trigger before it; `slack` allows a trigger logged just after the deletion, as a 7036 "running" is written once start-up is over). Per deletion: the 15301 re-creating the same endpoint within `window` if any, and the SSL failures (36870, 15021, 36887 certificate alerts from clients) after the chain on that host, before the next deletion of the endpoint and within `horizon`. Rows with no re-create are "binding deleted"; rows with a re-create and failures are "binding re-bound to an unusable certificate"; a re-create with no failures is a normal delete/re-create.
-- level: critical
-- tags: abo-mapper, ssl, correlation
-- params: window:interval=2 minutes, slack:interval=5 seconds, horizon:interval=1 day, since:timestamp, until:timestamp, host:varchar
-- event_ids: 15300, 15301, 119, 7036, 4688, 6005, 6009, 36870, 15021, 36887
WITH deletions AS (
  -- Windows 10 / Server 2016 and later log one deletion twice: HttpEvent 15300 and HttpService 119;
  -- the 119 is `duplicate_of` its 15300 (ssl_events). A routine 119 (localhost listener) is no deletion.
  SELECT host, ts, file_id, record_id, provider, event_id, endpoint,
         lead(ts) OVER (PARTITION BY host, endpoint ORDER BY ts, record_id) AS next_deletion_ts
  FROM ssl_events d
  WHERE d.kind = 'binding_deleted' AND d.duplicate_of IS NULL AND NOT d.routine
),
-- The nearest trigger before the deletion within `window` (else the nearest after it within `slack`):
-- ASOF joins find its time, the triggers of that time are ranked by type (process, service, boot).
nearest AS (
  SELECT d.file_id, d.record_id,
         CASE WHEN b.ts >= d.ts - $window::INTERVAL AND b.ts <= d.ts + $slack::INTERVAL THEN b.ts ELSE a.ts END AS trigger_ts
  FROM deletions d
  ASOF LEFT JOIN abo_triggers b ON b.host = d.host AND d.ts >= b.ts
  ASOF LEFT JOIN abo_triggers a ON a.host = d.host AND d.ts < a.ts
  WHERE (b.ts >= d.ts - $window::INTERVAL AND b.ts <= d.ts + $slack::INTERVAL)
     OR (a.ts >= d.ts - $window::INTERVAL AND a.ts <= d.ts + $slack::INTERVAL)
),
matched AS (
  SELECT d.*, t.ts AS trigger_ts, t.file_id AS trigger_file_id, t.record_id AS trigger_record_id,
         t.trigger_type, t.trigger_name, t.provider AS trigger_provider, t.event_id AS trigger_event_id
  FROM deletions d
  JOIN nearest n ON n.file_id = d.file_id AND n.record_id = d.record_id
  JOIN abo_triggers t ON t.host = d.host AND t.ts = n.trigger_ts
  QUALIFY row_number() OVER (PARTITION BY d.file_id, d.record_id
                             ORDER BY CASE t.trigger_type WHEN 'process' THEN 0 WHEN 'service' THEN 1 ELSE 2 END,
                                      t.file_id, t.record_id) = 1
),
-- The first 15301 re-creating the endpoint at or after the deletion, within `window`.
chains AS (
  SELECT m.*,
         CASE WHEN r.ts <= m.ts + $window::INTERVAL
              THEN {'ts': r.ts, 'file_id': r.file_id, 'record_id': r.record_id, 'event_id': r.event_id} END AS recreate
  FROM matched m
  ASOF LEFT JOIN (SELECT *, coalesce(endpoint, '') AS endpoint_key FROM ssl_events WHERE kind = 'binding_created') r
    ON r.host = m.host AND r.endpoint_key = coalesce(m.endpoint, '') AND m.ts <= r.ts
),
-- Failures after a chain: after the re-create (or the deletion), within `horizon`, before the next
-- deletion of the endpoint. Per endpoint these windows do not overlap, so each failure belongs at
-- most to the latest window opened before it (an ASOF join); a failure naming no endpoint is
-- tried against the windows of every endpoint of its host.
windows AS (
  SELECT c.file_id AS chain_file_id, c.record_id AS chain_record_id, c.host, coalesce(c.endpoint, '') AS endpoint_key,
         coalesce(c.recreate.ts, c.ts) AS start_ts, c.next_deletion_ts
  FROM chains c
  WHERE (c.next_deletion_ts IS NULL OR c.next_deletion_ts > coalesce(c.recreate.ts, c.ts))
    AND coalesce(c.recreate.ts, c.ts) + $horizon::INTERVAL > coalesce(c.recreate.ts, c.ts)
),
candidates AS (
  SELECT s.ts, s.file_id, s.record_id, s.event_id, s.error_code, s.error_name, s.endpoint, s.alert, s.host,
         coalesce(s.endpoint, k.endpoint_key) AS endpoint_key
  FROM ssl_events s
  LEFT JOIN (SELECT DISTINCT host, endpoint_key FROM windows) k ON s.endpoint IS NULL AND k.host = s.host
  WHERE (s.kind IN ('private_key_error', 'ssl_config_error')
         -- 36887: the client rejected the certificate (RFC 5246 alerts 42-46 bad/unsupported/revoked/expired/
         -- unknown certificate, 48 unknown CA): what a binding re-created on the wrong certificate looks like
         OR (s.event_id = 36887 AND s.alert IN (42, 43, 44, 45, 46, 48)))
    AND (s.endpoint IS NOT NULL OR k.endpoint_key IS NOT NULL)
),
failures AS (
  SELECT w.chain_file_id, w.chain_record_id, f.ts, f.file_id, f.record_id, f.event_id,
         f.error_code, f.error_name, f.endpoint, f.alert
  FROM candidates f
  ASOF JOIN windows w ON w.host = f.host AND w.endpoint_key = f.endpoint_key AND f.ts > w.start_ts
  WHERE f.ts <= w.start_ts + $horizon::INTERVAL
    AND (w.next_deletion_ts IS NULL OR f.ts < w.next_deletion_ts)
)
SELECT c.host, c.endpoint, c.ts AS deleted_ts, c.provider AS deleted_provider, c.event_id AS deleted_event_id,
       c.record_id AS deleted_record_id, fd.path AS deleted_file,
       c.trigger_ts, c.trigger_type, c.trigger_name, c.trigger_provider, c.trigger_event_id,
       c.trigger_record_id, ft.path AS trigger_file,
       c.recreate.ts AS recreated_ts, c.recreate.record_id AS recreated_record_id, c.recreate.event_id AS recreated_event_id,
       fr.path AS recreated_file,
       (SELECT count(*) FROM failures x WHERE x.chain_file_id = c.file_id AND x.chain_record_id = c.record_id)::INTEGER AS failures,
       (SELECT list_sort(list(DISTINCT x.error_code) FILTER (WHERE x.error_code IS NOT NULL)) FROM failures x
         WHERE x.chain_file_id = c.file_id AND x.chain_record_id = c.record_id) AS failure_codes,
       (SELECT list({'ts': x.ts, 'file': fx.path, 'record_id': x.record_id, 'event_id': x.event_id,
                     'error_code': x.error_code, 'error_name': x.error_name, 'alert': x.alert} ORDER BY x.ts)[1:25]
          FROM failures x LEFT JOIN files fx ON fx.file_id = x.file_id
         WHERE x.chain_file_id = c.file_id AND x.chain_record_id = c.record_id) AS failure_events
FROM chains c
LEFT JOIN files fd ON fd.file_id = c.file_id
LEFT JOIN files ft ON ft.file_id = c.trigger_file_id
LEFT JOIN files fr ON fr.file_id = c.recreate.file_id
WHERE ($host::VARCHAR IS NULL OR c.host = $host)
  AND ($since::TIMESTAMP IS NULL OR c.ts >= $since::TIMESTAMP)
  AND ($until::TIMESTAMP IS NULL OR c.ts <= $until::TIMESTAMP)
ORDER BY c.host, c.ts, c.record_id;
