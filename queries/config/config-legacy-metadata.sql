-- id: config-legacy-metadata
-- title: IIS 6 metabase leftovers in applicationHost.config <customMetadata> (5506, 5511, 2161, 1018)
-- description: One row per <customMetadata> key holding legacy properties the ABO mapper re-applies whenever an IIS 6 compatibility program starts (KB 2025598): 5506 certificate hash, 5511 certificate store name, 2161 and 1018 (left by SCCM distribution points). Lists the properties with their decoded value, the https endpoints of the file's sites and the HTTP.sys binding hashes of the host, so a 5506 that differs from the current binding shows the certificate the next ABO-mapper start would bind.
-- level: medium
-- tags: config, abo-mapper, customMetadata, sccm
-- params: host:varchar
-- event_ids:
SELECT f.path AS file, m.host, m.key_path,
       list({'id': m.property_id, 'data_type': m.data_type, 'user_type': m.user_type, 'attributes': m.attributes,
             'value': m.value, 'decoded': m.decoded} ORDER BY m.property_id) AS properties,
       list_sort(list(DISTINCT m.property_id)) AS property_ids,
       coalesce((SELECT list_sort(list(DISTINCT b.endpoint)) FROM ssl_bindings b
                  WHERE b.endpoint IS NOT NULL AND b.source = 'config' AND b.file_id = m.file_id), []) AS endpoints,
       coalesce((SELECT list_sort(list(DISTINCT b.cert_hash)) FROM ssl_bindings b
                  WHERE b.source IN ('netsh', 'registry') AND b.cert_hash IS NOT NULL
                    AND lower(split_part(coalesce(b.host, any_value(m.host), ''), '.', 1))
                      = lower(split_part(coalesce(any_value(m.host), b.host, ''), '.', 1))), []) AS binding_hashes
FROM config_metadata m LEFT JOIN files f ON f.file_id = m.file_id
WHERE m.property_id IN (5506, 5511, 2161, 1018)
  AND ($host::VARCHAR IS NULL OR m.host IS NULL OR lower(split_part(m.host, '.', 1)) = lower(split_part($host, '.', 1)))
GROUP BY f.path, m.file_id, m.host, m.key_path
ORDER BY m.host, f.path, m.key_path;
