-- id: config-binding-problems
-- title: HTTP.sys SSL bindings that cannot work: empty or zero hash, null AppId, certificate not in the store
-- description: SSL bindings from netsh http show sslcert, the SslBindingInfo registry export and applicationHost.config with a problem the parser flagged (empty-hash, zero-hash, missing-hash, bad-hash, bad-hash-length, null-appid, missing-appid, bad-endpoint) or a certificate hash that the host's certificate store (certutil -store my) does not hold. Central Certificate Store bindings (ccs:port) carry no hash. Config rows without a host match every host; host names are compared without their DNS suffix.
-- level: high
-- tags: config, ssl, http.sys, netsh, registry
-- params: host:varchar
-- event_ids:
WITH b AS (
  SELECT b.*, f.path AS file,
         EXISTS (SELECT 1 FROM certificates c
                  WHERE lower(split_part(coalesce(c.host, b.host, ''), '.', 1)) = lower(split_part(coalesce(b.host, c.host, ''), '.', 1))) AS store_known,
         EXISTS (SELECT 1 FROM certificates c WHERE c.thumbprint = b.cert_hash
                    AND lower(split_part(coalesce(c.host, b.host, ''), '.', 1)) = lower(split_part(coalesce(b.host, c.host, ''), '.', 1))) AS in_store
  FROM ssl_bindings b LEFT JOIN files f ON f.file_id = b.file_id
)
SELECT file, host, source, endpoint, site, binding_information, ssl_flags, cert_hash, cert_store, app_id,
       coalesce(problems, []) AS problems, store_known,
       (cert_hash IS NOT NULL AND store_known AND NOT in_store AND NOT list_contains(coalesce(problems, []), 'zero-hash')) AS not_in_store
FROM b
WHERE (len(coalesce(problems, [])) > 0 OR (cert_hash IS NOT NULL AND store_known AND NOT in_store))
  AND ($host::VARCHAR IS NULL OR host IS NULL OR lower(split_part(host, '.', 1)) = lower(split_part($host, '.', 1)))
ORDER BY host, endpoint, source;
