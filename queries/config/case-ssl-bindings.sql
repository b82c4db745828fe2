-- id: case-ssl-bindings
-- title: SSL bindings of the case for the report's answer block
-- description: Every SSL binding row (applicationHost.config sites, netsh http show sslcert, SslBindingInfo registry export) with its source file: the endpoints, certificate hashes, stores and application ids the answer block fills its commands from.
-- level: info
-- tags: report, config, ssl
-- params:
-- event_ids:
SELECT b.host, b.source, b.endpoint, b.site, b.binding_information, b.ssl_flags, b.cert_hash, b.cert_store, b.app_id,
       f.path AS file
FROM ssl_bindings b LEFT JOIN files f ON f.file_id = b.file_id
ORDER BY b.host NULLS FIRST, b.source, b.endpoint NULLS FIRST, f.path;
