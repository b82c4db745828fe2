-- id: case-config-metadata
-- title: Legacy customMetadata properties of the case for the report's answer block
-- description: Every applicationHost.config <customMetadata> property (5506 certificate hash, 5511 store name, 2161, 1018 …) with its key path, as written, and its source file: the elements the answer block tells to remove.
-- level: info
-- tags: report, config, customMetadata
-- params:
-- event_ids:
SELECT m.host, m.key_path, m.property_id, m.data_type, m.user_type, m.attributes, m.value, m.decoded, f.path AS file
FROM config_metadata m LEFT JOIN files f ON f.file_id = m.file_id
ORDER BY m.host NULLS FIRST, f.path, m.key_path, m.property_id;
