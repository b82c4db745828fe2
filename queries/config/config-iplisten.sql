-- id: config-iplisten
-- title: Non-empty HTTP.sys IP listen lists (netsh http show iplisten) and the SSL bindings of the host
-- description: One row per `netsh http show iplisten` export that lists addresses: HTTP.sys binds only to them (an empty list, the default, means every address and gives no row). Beside the addresses: every SSL binding endpoint of the host (netsh, registry, applicationHost.config), so the correlation can name the IP bindings on addresses outside the list. 0.0.0.0 stands for every IPv4 address and :: for every IPv6 address. Config rows without a host match every host; host names are compared without their DNS suffix.
-- level: medium
-- tags: config, http.sys, iplisten
-- params: host:varchar
-- event_ids:
SELECT f.path AS file, l.host,
       list(DISTINCT l.address ORDER BY l.address) AS addresses,
       coalesce((SELECT list(DISTINCT lower(b.endpoint) ORDER BY lower(b.endpoint)) FROM ssl_bindings b
                  WHERE b.endpoint IS NOT NULL
                    AND lower(split_part(coalesce(b.host, any_value(l.host), ''), '.', 1))
                      = lower(split_part(coalesce(any_value(l.host), b.host, ''), '.', 1))), []) AS endpoints
FROM http_iplisten l LEFT JOIN files f ON f.file_id = l.file_id
WHERE ($host::VARCHAR IS NULL OR l.host IS NULL OR lower(split_part(l.host, '.', 1)) = lower(split_part($host, '.', 1)))
GROUP BY f.path, l.file_id, l.host
ORDER BY l.host, f.path;
