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
matched AS (
  SELECT d.*, t.ts AS trigger_ts, t.file_id AS trigger_file_id, t.record_id AS trigger_record_id,
         t.trigger_type, t.trigger_name, t.provider AS trigger_provider, t.event_id AS trigger_event_id,
         row_number() OVER (PARTITION BY d.file_id, d.record_id
                            ORDER BY (t.ts > d.ts), abs(epoch_ns(d.ts) - epoch_ns(t.ts)),
                                     CASE t.trigger_type WHEN 'process' THEN 0 WHEN 'service' THEN 1 ELSE 2 END) AS rn
  FROM deletions d
  JOIN abo_triggers t ON t.host = d.host AND t.ts >= d.ts - $window::INTERVAL AND t.ts <= d.ts + $slack::INTERVAL
),
chains AS (
  SELECT m.* EXCLUDE (rn),
         (SELECT arg_min({'ts': r.ts, 'file_id': r.file_id, 'record_id': r.record_id, 'event_id': r.event_id}, r.ts)
            FROM ssl_events r
           WHERE r.kind = 'binding_created' AND r.host = m.host AND r.endpoint IS NOT DISTINCT FROM m.endpoint
             AND r.ts >= m.ts AND r.ts <= m.ts + $window::INTERVAL) AS recreate
  FROM matched m
  WHERE m.rn = 1
),
failures AS (
  SELECT c.file_id AS chain_file_id, c.record_id AS chain_record_id, s.ts, s.file_id, s.record_id, s.event_id,
         s.error_code, s.error_name, s.endpoint, s.alert
  FROM chains c
  JOIN ssl_events s
    ON s.host = c.host
   AND (s.kind IN ('private_key_error', 'ssl_config_error')
        -- 36887: the client rejected the certificate (RFC 5246 alerts 42-46 bad/unsupported/revoked/expired/
        -- unknown certificate, 48 unknown CA): what a binding re-created on the wrong certificate looks like
        OR (s.event_id = 36887 AND s.alert IN (42, 43, 44, 45, 46, 48)))
   AND s.ts > coalesce(c.recreate.ts, c.ts)
   AND s.ts <= coalesce(c.recreate.ts, c.ts) + $horizon::INTERVAL
   AND (c.next_deletion_ts IS NULL OR s.ts < c.next_deletion_ts)
   AND (s.endpoint IS NULL OR s.endpoint IS NOT DISTINCT FROM c.endpoint)
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
