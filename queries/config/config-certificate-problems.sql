-- id: config-certificate-problems
-- title: Certificates used by SSL bindings without a private key, with KeySpec 2 (AT_SIGNATURE), expired, without Server Authentication usage or with an untrusted root
-- description: Certificates of certutil -store my that an SSL binding uses (netsh, registry or applicationHost.config hash) — or every certificate when the host has no binding data — with no usable private key (Missing stored keyset, no key provider information, failed key test), KeySpec 2 (AT_SIGNATURE: Schannel needs AT_KEYEXCHANGE, 0x8009030D), or NotAfter before the reference time: the latest event of the host, or now when the host has no events; and bound certificates whose Enhanced Key Usage (certutil -v) lacks Server Authentication 1.3.6.1.5.5.7.3.1 and anyEKU 2.5.29.37.0 (CERT_E_WRONG_USAGE 0x800B0110) or whose chain certutil reports ending in an untrusted root (CERT_E_UNTRUSTEDROOT 0x800B0109). Exportability, EKU, chain verdicts and SAN DNS names are reported beside them. certutil prints NotBefore/NotAfter in the host's local time: expiry is exact to a day.
-- level: high
-- tags: config, certificates, private-key, keyspec
-- params: host:varchar
-- event_ids: 36870, 5061
WITH c AS (
  SELECT c.*, f.path AS file,
         coalesce((SELECT list_sort(list(DISTINCT b.endpoint)) FROM ssl_bindings b
                    WHERE b.cert_hash = c.thumbprint AND b.endpoint IS NOT NULL
                      AND lower(split_part(coalesce(b.host, c.host, ''), '.', 1)) = lower(split_part(coalesce(c.host, b.host, ''), '.', 1))), []) AS endpoints,
         EXISTS (SELECT 1 FROM ssl_bindings b WHERE b.source IN ('netsh', 'registry')
                    AND lower(split_part(coalesce(b.host, c.host, ''), '.', 1)) = lower(split_part(coalesce(c.host, b.host, ''), '.', 1))) AS host_has_bindings,
         coalesce((SELECT max(e.ts) FROM events e
                    WHERE c.host IS NULL OR lower(split_part(e.host, '.', 1)) = lower(split_part(c.host, '.', 1))),
                  current_timestamp::TIMESTAMP) AS reference_ts
  FROM certificates c LEFT JOIN files f ON f.file_id = c.file_id
)
SELECT file, host, store, thumbprint, subject, issuer, serial, not_before, not_after, has_private_key, provider,
       key_container, key_spec, exportable, eku, coalesce(chain_problems, []) AS chain_problems,
       coalesce(dns_names, []) AS dns_names, endpoints, len(endpoints) > 0 AS bound, reference_ts,
       coalesce(not_after < reference_ts, false) AS expired,
       (len(endpoints) > 0 AND eku IS NOT NULL
          AND NOT list_contains(eku, '1.3.6.1.5.5.7.3.1') AND NOT list_contains(eku, '2.5.29.37.0')) AS wrong_usage,
       (len(endpoints) > 0 AND list_contains(coalesce(chain_problems, []), 'untrusted-root')) AS untrusted_root
FROM c
WHERE (len(endpoints) > 0 OR NOT host_has_bindings)
  AND (has_private_key = false OR key_spec = 2 OR coalesce(not_after < reference_ts, false)
       OR (len(endpoints) > 0 AND eku IS NOT NULL
           AND NOT list_contains(eku, '1.3.6.1.5.5.7.3.1') AND NOT list_contains(eku, '2.5.29.37.0'))
       OR (len(endpoints) > 0 AND list_contains(coalesce(chain_problems, []), 'untrusted-root')))
  AND ($host::VARCHAR IS NULL OR host IS NULL OR lower(split_part(host, '.', 1)) = lower(split_part($host, '.', 1)))
ORDER BY host, thumbprint;
