-- id: config-abo-hash
-- title: customMetadata 5506 certificate hashes against the certificate store, the HTTP.sys bindings and the ABO-mapper events
-- description: Every legacy certificate hash (applicationHost.config <customMetadata> property 5506, KB 2025598) with its status: undecodable (not base64), bad-length (not the 20 bytes of a SHA-1 thumbprint), not-in-store (certutil lists the host's MY store and no certificate has that thumbprint), no-private-key (the certificate is there without a usable key), store-unknown (no certutil listing for the host) or ok. Beside it: the 5511 store name of the same key, the current HTTP.sys binding hashes (netsh/registry), the https endpoints of the host, and the ABO-mapper chains in the events of the host (SSL binding deleted, 15300/119, within `window` after a trigger: IISADMIN/SMTPSVC/MSFTPSVC/SMS* running, inetmgr6.exe or adsutil.vbs started, boot). Config rows without a host match every host; host names are compared without their DNS suffix.
-- level: high
-- tags: config, abo-mapper, customMetadata, ssl
-- params: window:interval=2 minutes, host:varchar
-- event_ids: 15300, 15301, 119, 7036, 4688, 6005, 6009
WITH props AS (
  SELECT m.file_id, f.path AS file, m.host, m.key_path, m.value, m.decoded,
         (SELECT list(DISTINCT s.decoded) FILTER (WHERE s.decoded IS NOT NULL) FROM config_metadata s
           WHERE s.file_id = m.file_id AND s.key_path = m.key_path AND s.property_id = 5511) AS store_names
  FROM config_metadata m LEFT JOIN files f ON f.file_id = m.file_id
  WHERE m.property_id = 5506
),
-- The nearest trigger before the deletion within `window` (else up to 5 s after it), found by ASOF
-- joins on the small domain tables; triggers of the same time ranked by type (process, service, boot).
nearest AS (
  SELECT d.host, d.ts, d.file_id, d.record_id, d.event_id, d.endpoint,
         CASE WHEN b.ts >= d.ts - $window::INTERVAL AND b.ts <= d.ts + INTERVAL '5 seconds' THEN b.ts ELSE a.ts END AS trigger_ts
  FROM (SELECT * FROM ssl_events WHERE kind = 'binding_deleted' AND duplicate_of IS NULL) d
  ASOF LEFT JOIN abo_triggers b ON b.host = d.host AND d.ts >= b.ts
  ASOF LEFT JOIN abo_triggers a ON a.host = d.host AND d.ts < a.ts
  WHERE (b.ts >= d.ts - $window::INTERVAL AND b.ts <= d.ts + INTERVAL '5 seconds')
     OR (a.ts >= d.ts - $window::INTERVAL AND a.ts <= d.ts + INTERVAL '5 seconds')
),
matched AS (
  SELECT d.*, t.file_id AS trigger_file_id, t.record_id AS trigger_record_id, t.trigger_type, t.trigger_name,
         t.event_id AS trigger_event_id
  FROM nearest d
  JOIN abo_triggers t ON t.host = d.host AND t.ts = d.trigger_ts
  QUALIFY row_number() OVER (PARTITION BY d.file_id, d.record_id
                             ORDER BY CASE t.trigger_type WHEN 'process' THEN 0 WHEN 'service' THEN 1 ELSE 2 END,
                                      t.file_id, t.record_id) = 1
),
chains AS (
  SELECT m.host, m.ts, m.file_id, m.record_id, m.event_id, m.endpoint,
         m.trigger_ts, m.trigger_file_id, m.trigger_record_id, m.trigger_type, m.trigger_name, m.trigger_event_id,
         coalesce(r.ts <= m.ts + $window::INTERVAL, false) AS recreated
  FROM matched m
  ASOF LEFT JOIN (SELECT host, ts, coalesce(endpoint, '') AS endpoint_key FROM ssl_events WHERE kind = 'binding_created') r
    ON r.host = m.host AND r.endpoint_key = coalesce(m.endpoint, '') AND m.ts <= r.ts
),
sole_host AS (SELECT CASE WHEN count(DISTINCT host) = 1 THEN any_value(host) END AS host FROM events)
SELECT p.file, p.host AS config_host, p.key_path, p.value, p.decoded, p.store_names,
       coalesce(p.host, (SELECT any_value(c.host) FROM chains c WHERE c.host IS NOT NULL), (SELECT host FROM sole_host)) AS host,
       CASE WHEN p.decoded IS NULL THEN 'undecodable'
            WHEN length(p.decoded) <> 40 THEN 'bad-length'
            WHEN cert.thumbprint IS NULL AND store.known THEN 'not-in-store'
            WHEN cert.has_private_key = false THEN 'no-private-key'
            WHEN cert.thumbprint IS NULL THEN 'store-unknown'
            ELSE 'ok' END AS status,
       store.known AS store_known, store.file AS store_file,
       cert.subject AS cert_subject, cert.not_after AS cert_not_after, cert.key_spec AS cert_key_spec,
       coalesce((SELECT list_sort(list(DISTINCT b.cert_hash)) FROM ssl_bindings b
                  WHERE b.source IN ('netsh', 'registry') AND b.cert_hash IS NOT NULL
                    AND lower(split_part(coalesce(b.host, p.host, ''), '.', 1)) = lower(split_part(coalesce(p.host, b.host, ''), '.', 1))), []) AS binding_hashes,
       coalesce((SELECT list_sort(list(DISTINCT b.endpoint)) FROM ssl_bindings b
                  WHERE b.endpoint IS NOT NULL AND b.source = 'config' AND b.file_id = p.file_id), []) AS endpoints,
       (SELECT count(*) FROM chains c WHERE p.host IS NULL OR lower(split_part(c.host, '.', 1)) = lower(split_part(p.host, '.', 1)))::INTEGER AS chains,
       (SELECT count(*) FILTER (WHERE NOT c.recreated) FROM chains c
         WHERE p.host IS NULL OR lower(split_part(c.host, '.', 1)) = lower(split_part(p.host, '.', 1)))::INTEGER AS chains_not_recreated,
       coalesce((SELECT list({'host': c.host, 'endpoint': c.endpoint, 'recreated': c.recreated,
                              'ts': c.ts, 'file': fd.path, 'record_id': c.record_id, 'event_id': c.event_id,
                              'trigger_ts': c.trigger_ts, 'trigger_file': ft.path, 'trigger_record_id': c.trigger_record_id,
                              'trigger_type': c.trigger_type, 'trigger_name': c.trigger_name, 'trigger_event_id': c.trigger_event_id}
                             ORDER BY c.ts)[1:20]
                   FROM chains c LEFT JOIN files fd ON fd.file_id = c.file_id LEFT JOIN files ft ON ft.file_id = c.trigger_file_id
                  WHERE p.host IS NULL OR lower(split_part(c.host, '.', 1)) = lower(split_part(p.host, '.', 1))), []) AS chain_events
FROM props p
LEFT JOIN LATERAL (
  SELECT count(*) > 0 AS known, min(fc.path) AS file FROM certificates c LEFT JOIN files fc ON fc.file_id = c.file_id
  WHERE lower(split_part(coalesce(c.host, p.host, ''), '.', 1)) = lower(split_part(coalesce(p.host, c.host, ''), '.', 1))
) store ON true
LEFT JOIN LATERAL (
  SELECT c.thumbprint, c.subject, c.not_after, c.key_spec, c.has_private_key FROM certificates c
  WHERE c.thumbprint = p.decoded
    AND lower(split_part(coalesce(c.host, p.host, ''), '.', 1)) = lower(split_part(coalesce(p.host, c.host, ''), '.', 1))
  ORDER BY c.has_private_key DESC NULLS LAST LIMIT 1
) cert ON true
WHERE ($host::VARCHAR IS NULL OR p.host IS NULL OR lower(split_part(p.host, '.', 1)) = lower(split_part($host, '.', 1)))
ORDER BY p.host, p.file, p.key_path;
