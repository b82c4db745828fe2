-- id: security-5061-failures
-- title: Cryptographic operation failures (Security 5061)
-- description: Security 5061 audit failures per host, return code and key container: the key a failing Schannel handshake tried to open (seen beside 36870 0x80090016).
-- level: medium
-- tags: ssl, security, private-key
-- params: since:timestamp, until:timestamp, host:varchar
-- event_ids: 5061
SELECT host, return_code, any_value(return_name) AS return_name, key_name, key_provider, algorithm, operation,
       count(*)::INTEGER AS events, min(ts) AS first_ts, max(ts) AS last_ts
FROM crypto_failures
WHERE ($host::VARCHAR IS NULL OR host = $host)
  AND ($since::TIMESTAMP IS NULL OR ts >= $since::TIMESTAMP)
  AND ($until::TIMESTAMP IS NULL OR ts <= $until::TIMESTAMP)
  AND return_code IS NOT NULL AND return_code <> '0x00000000'
GROUP BY ALL
ORDER BY host, first_ts;
