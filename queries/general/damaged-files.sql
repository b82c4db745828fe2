-- id: damaged-files
-- title: Files read in part or not at all
-- description: Every damaged file (truncated, a chunk skipped or read in part, damaged records) with what
-- description: was lost and the record numbers that may be missing; and every input that could not be
-- description: loaded at all, except files of no known type.
-- level: medium
-- tags: overview, damage
-- params:
-- event_ids:
SELECT d.path, 'damaged' AS status, coalesce(f.hosts, []) AS hosts, d.size, d.expected_size, d.chunks_unread,
       d.chunks_partly_read, d.records_damaged, d.gaps, d.summary
FROM file_damage d JOIN files f USING (file_id)
UNION ALL
SELECT e.path, 'unreadable', [], NULL, NULL, 0, 0, 0, '[]'::JSON, e.message
FROM ingest_errors e
WHERE e.file_id IS NULL
  AND e.message <> 'not an EVTX file, XML event export or known configuration artefact'
ORDER BY path;
