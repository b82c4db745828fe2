-- id: config-ssl-lookup
-- title: Per host, the HTTP.sys SSL bindings and the certificates they name, for the certificate lookup (stale IP bindings beside SNI bindings)
-- description: One row per host with SSL bindings: every binding HTTP.sys holds (netsh http show sslcert, else the SslBindingInfo / SslSniBindingInfo registry export, else the https bindings of applicationHost.config; one per endpoint) with its certificate hash, AppId and the IIS site binding of the same endpoint; the host's certificates (certutil) with validity, private key, Enhanced Key Usage, chain verdicts and SAN DNS names; the reference time (latest event of the host, or now); and the TLS certificate failures of the host (Schannel 36887 with a certificate alert 42–46 or 48 received from the client, HttpEvent 15021). The correlation models HTTP.sys's lookup order (SNI hostname:port, then IP:port, then 0.0.0.0:port) over these rows. Config rows without a host match every host; host names are compared without their DNS suffix.
-- level: info
-- tags: config, ssl, http.sys, sni, certificates
-- params: host:varchar
-- event_ids: 36887, 15021
WITH raw AS (
  SELECT b.host, lower(b.endpoint) AS endpoint, b.cert_hash, b.app_id, b.source, f.path AS file,
         lower(split_part(coalesce(b.host, ''), '.', 1)) AS hkey,
         CASE b.source WHEN 'netsh' THEN 1 WHEN 'registry' THEN 2 ELSE 3 END AS rank
  FROM ssl_bindings b LEFT JOIN files f ON f.file_id = b.file_id
  WHERE b.endpoint IS NOT NULL
),
best AS (SELECT hkey, min(rank) AS rank FROM raw GROUP BY hkey),
bound AS (
  SELECT r.* FROM raw r JOIN best USING (hkey)
  WHERE r.rank = best.rank
  QUALIFY row_number() OVER (PARTITION BY r.hkey, r.endpoint ORDER BY r.file) = 1
),
hosts AS (
  SELECT hkey, coalesce(max(host) FILTER (WHERE host LIKE '%.%'), max(host)) AS host FROM bound GROUP BY hkey
)
SELECT h.host,
       list({'endpoint': b.endpoint, 'cert_hash': b.cert_hash, 'app_id': b.app_id, 'source': b.source, 'file': b.file,
             'site': (SELECT min(c.site) FROM ssl_bindings c WHERE c.source = 'config' AND lower(c.endpoint) = b.endpoint
                        AND lower(split_part(coalesce(c.host, ''), '.', 1)) IN (b.hkey, '')),
             'binding_information': (SELECT min(c.binding_information) FROM ssl_bindings c WHERE c.source = 'config'
                        AND lower(c.endpoint) = b.endpoint AND lower(split_part(coalesce(c.host, ''), '.', 1)) IN (b.hkey, ''))}
            ORDER BY b.endpoint) AS bindings,
       coalesce((SELECT list({'thumbprint': c.thumbprint, 'subject': c.subject, 'not_before': c.not_before, 'not_after': c.not_after,
                              'has_private_key': c.has_private_key, 'eku': c.eku, 'chain_problems': c.chain_problems,
                              'dns_names': c.dns_names} ORDER BY c.thumbprint)
                 FROM certificates c WHERE lower(split_part(coalesce(c.host, ''), '.', 1)) IN (h.hkey, '')), []) AS certificates,
       coalesce((SELECT max(e.ts) FROM events e WHERE lower(split_part(e.host, '.', 1)) = h.hkey),
                current_timestamp::TIMESTAMP)::VARCHAR AS reference_ts,
       (SELECT count(*) FROM ssl_events s WHERE lower(split_part(s.host, '.', 1)) = h.hkey
          AND ((s.event_id = 36887 AND s.alert IN (42, 43, 44, 45, 46, 48)) OR s.event_id = 15021))::INTEGER AS cert_failures,
       (SELECT {'ts': s.ts, 'file': fs.path, 'record_id': s.record_id, 'event_id': s.event_id, 'alert': s.alert}
          FROM ssl_events s LEFT JOIN files fs ON fs.file_id = s.file_id
         WHERE lower(split_part(s.host, '.', 1)) = h.hkey
           AND ((s.event_id = 36887 AND s.alert IN (42, 43, 44, 45, 46, 48)) OR s.event_id = 15021)
         ORDER BY s.ts LIMIT 1) AS first_failure,
       (SELECT {'ts': s.ts, 'file': fs.path, 'record_id': s.record_id, 'event_id': s.event_id, 'alert': s.alert}
          FROM ssl_events s LEFT JOIN files fs ON fs.file_id = s.file_id
         WHERE lower(split_part(s.host, '.', 1)) = h.hkey
           AND ((s.event_id = 36887 AND s.alert IN (42, 43, 44, 45, 46, 48)) OR s.event_id = 15021)
         ORDER BY s.ts DESC LIMIT 1) AS last_failure
FROM bound b JOIN hosts h USING (hkey)
WHERE ($host::VARCHAR IS NULL OR h.host IS NULL OR lower(split_part(h.host, '.', 1)) = lower(split_part($host, '.', 1)))
GROUP BY h.host, h.hkey
ORDER BY h.host;
