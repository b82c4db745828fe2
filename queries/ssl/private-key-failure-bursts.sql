-- id: private-key-failure-bursts
-- title: Schannel private key failures grouped by code and time, with their context
-- description: Schannel 36870 per host and error code, split into bursts where failures are less than `gap` apart. Per burst: the last reboot before it (6005/6009/Kernel-General 12), the last SSL binding change before it (15300/15301/119), a binding change within `gap` after the last failure (the failures stopped after it: certificate replaced), the Security 5061 failures with the same return code (key container), and the certificates known for the host (certutil: KeySpec, exportability, private key).
-- level: high
-- tags: ssl, schannel, private-key, correlation
-- params: gap:interval=30 minutes, since:timestamp, until:timestamp, host:varchar
-- event_ids: 36870, 5061, 6005, 6009, 12, 15300, 15301, 119
WITH f AS (
  SELECT s.*, lag(s.ts) OVER (PARTITION BY s.host, s.error_code ORDER BY s.ts, s.record_id) AS prev_ts
  FROM ssl_events s
  WHERE s.kind = 'private_key_error'
    AND ($host::VARCHAR IS NULL OR s.host = $host)
    AND ($since::TIMESTAMP IS NULL OR s.ts >= $since::TIMESTAMP)
    AND ($until::TIMESTAMP IS NULL OR s.ts <= $until::TIMESTAMP)
),
g AS (
  SELECT f.*, sum(CASE WHEN prev_ts IS NULL OR ts - prev_ts > $gap::INTERVAL THEN 1 ELSE 0 END)
                OVER (PARTITION BY host, error_code ORDER BY ts, record_id ROWS UNBOUNDED PRECEDING) AS burst
  FROM f
),
bursts AS (
  SELECT g.host, g.error_code, any_value(g.error_name) AS error_name, g.burst,
         min(g.ts) AS first_ts, max(g.ts) AS last_ts, count(*)::INTEGER AS failures,
         list_sort(list(DISTINCT g.error_status) FILTER (WHERE g.error_status IS NOT NULL)) AS error_states,
         list_sort(list(DISTINCT g.caller_image) FILTER (WHERE g.caller_image IS NOT NULL)) AS callers,
         list({'ts': g.ts, 'record_id': g.record_id, 'file': fl.path} ORDER BY g.ts, g.record_id)[1:25] AS failure_events
  FROM g
  LEFT JOIN files fl ON fl.file_id = g.file_id
  GROUP BY g.host, g.error_code, g.burst
)
SELECT b.*,
       (SELECT arg_max({'ts': r.ts, 'file': fl.path, 'record_id': r.record_id, 'event_id': r.event_id,
                        'provider': r.provider, 'kind': r.kind}, r.ts)
          FROM reboots r LEFT JOIN files fl ON fl.file_id = r.file_id
         WHERE r.host = b.host AND r.ts <= b.first_ts
           AND ((r.provider = 'EventLog' AND r.event_id IN (6005, 6009))
                OR (r.provider = 'Microsoft-Windows-Kernel-General' AND r.event_id = 12))) AS reboot,
       (SELECT arg_max({'ts': s.ts, 'file': fl.path, 'record_id': s.record_id, 'event_id': s.event_id,
                        'provider': s.provider, 'kind': s.kind, 'endpoint': s.endpoint}, s.ts)
          FROM ssl_events s LEFT JOIN files fl ON fl.file_id = s.file_id
         WHERE s.host = b.host AND s.kind IN ('binding_deleted', 'binding_created') AND s.ts <= b.first_ts) AS binding_before,
       coalesce((SELECT list({'ts': s.ts, 'file': fl.path, 'record_id': s.record_id, 'event_id': s.event_id,
                              'provider': s.provider, 'kind': s.kind, 'endpoint': s.endpoint} ORDER BY s.ts)
                   FROM ssl_events s LEFT JOIN files fl ON fl.file_id = s.file_id
                  WHERE s.host = b.host AND s.kind IN ('binding_deleted', 'binding_created')
                    AND s.ts >= b.last_ts AND s.ts <= b.last_ts + $gap::INTERVAL), []) AS binding_after,
       (SELECT count(*) FROM ssl_events s
         WHERE s.host = b.host AND s.kind = 'private_key_error' AND s.error_code IS NOT DISTINCT FROM b.error_code
           AND s.ts > b.last_ts)::INTEGER AS failures_later,
       coalesce((SELECT list({'ts': c.ts, 'file': fl.path, 'record_id': c.record_id, 'key_name': c.key_name,
                              'key_provider': c.key_provider, 'algorithm': c.algorithm, 'operation': c.operation}
                             ORDER BY c.ts)[1:25]
                   FROM crypto_failures c LEFT JOIN files fl ON fl.file_id = c.file_id
                  WHERE c.host = b.host AND c.return_code = b.error_code
                    AND c.ts >= b.first_ts - INTERVAL '1 minute' AND c.ts <= b.last_ts + INTERVAL '1 minute'), []) AS key_failures,
       (SELECT count(*) FROM crypto_failures c
         WHERE c.host = b.host AND c.return_code = b.error_code
           AND c.ts >= b.first_ts - INTERVAL '1 minute' AND c.ts <= b.last_ts + INTERVAL '1 minute')::INTEGER AS key_failure_count,
       coalesce((SELECT list_sort(list(DISTINCT c.key_name) FILTER (WHERE c.key_name IS NOT NULL AND c.key_name <> '-'))
                   FROM crypto_failures c
                  WHERE c.host = b.host AND c.return_code = b.error_code
                    AND c.ts >= b.first_ts - INTERVAL '1 minute' AND c.ts <= b.last_ts + INTERVAL '1 minute'), []) AS key_names,
       -- certutil certificates of this host (names compared without DNS suffix; a file with no host name
       -- belongs to the only host when there is one)
       coalesce((SELECT list({'thumbprint': c.thumbprint, 'subject': c.subject, 'has_private_key': c.has_private_key,
                              'key_spec': c.key_spec, 'exportable': c.exportable, 'key_container': c.key_container,
                              'bound': c.thumbprint IN (SELECT sb.cert_hash FROM ssl_bindings sb
                                                         WHERE sb.cert_hash IS NOT NULL
                                                           AND (lower(split_part(sb.host, '.', 1)) = lower(split_part(b.host, '.', 1))
                                                                OR (sb.host IS NULL AND (SELECT count(DISTINCT host) FROM events) = 1))),
                              'file': fl.path} ORDER BY c.thumbprint)
                   FROM certificates c LEFT JOIN files fl ON fl.file_id = c.file_id
                  WHERE lower(split_part(c.host, '.', 1)) = lower(split_part(b.host, '.', 1))
                     OR (c.host IS NULL AND (SELECT count(DISTINCT host) FROM events) = 1)), []) AS certificates
FROM bursts b
ORDER BY b.host, b.first_ts, b.error_code;
