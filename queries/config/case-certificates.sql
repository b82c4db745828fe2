-- id: case-certificates
-- title: Certificates of the case for the report's answer block
-- description: Every certificate of the store listings (certutil -v -store my) with validity, private key and KeySpec: the candidates the answer block chooses the certificate to bind from.
-- level: info
-- tags: report, config, certificates
-- params:
-- event_ids:
SELECT c.host, c.store, c.thumbprint, c.subject, c.issuer, c.not_before, c.not_after, c.has_private_key, c.key_spec,
       f.path AS file
FROM certificates c LEFT JOIN files f ON f.file_id = c.file_id
ORDER BY c.host NULLS FIRST, c.thumbprint, f.path;
