-- id: config-tls-protocols
-- title: SCHANNEL\Protocols settings per export: Enabled and DisabledByDefault of each protocol and side
-- description: One row per .reg export of HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols with every protocol key it holds (TLS 1.0 … 1.3, SSL 2.0/3.0, …), its side (Server or Client) and the DWORDs Enabled (0 = off) and DisabledByDefault (1 = used only when a program asks for it; HTTP.sys does not), NULL when the value is absent (the Windows default of the build). Beside them the host's Schannel handshake failures (36874 no common protocol or cipher suite, 36888 fatal alert generated) as symptoms. The correlation decides whether modern clients can still connect. Config rows without a host match every host; host names are compared without their DNS suffix.
-- level: info
-- tags: config, schannel, tls, registry
-- params: host:varchar
-- event_ids: 36874, 36888
SELECT f.path AS file, p.host,
       list({'protocol': p.protocol, 'side': p.side, 'enabled': p.enabled, 'disabled_by_default': p.disabled_by_default}
            ORDER BY p.protocol, p.side) AS protocols,
       (SELECT count(*) FROM ssl_events s WHERE s.event_id IN (36874, 36888)
          AND (any_value(p.host) IS NULL OR lower(split_part(s.host, '.', 1)) = lower(split_part(any_value(p.host), '.', 1))))::INTEGER AS handshake_failures
FROM schannel_protocols p LEFT JOIN files f ON f.file_id = p.file_id
WHERE ($host::VARCHAR IS NULL OR p.host IS NULL OR lower(split_part(p.host, '.', 1)) = lower(split_part($host, '.', 1)))
GROUP BY f.path, p.file_id, p.host
ORDER BY p.host, f.path;
