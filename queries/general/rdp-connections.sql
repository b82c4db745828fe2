-- id: rdp-connections
-- title: Remote Desktop listener events (RemoteConnectionManager 261, 1057, 1058)
-- description: TerminalServices-RemoteConnectionManager 261 "Listener RDP-Tcp received a connection" (Operational log) and 1057/1058 (the RD Session Host could not create or replace its self-signed certificate), one row each. A Schannel 36870 tens of milliseconds after a 261 is the Remote Desktop listener failing on its certificate key, not IIS.
-- level: info
-- tags: rdp, schannel, services
-- params: since:timestamp, until:timestamp, host:varchar
-- event_ids: 261, 1057, 1058
SELECT e.ts, e.host, e.event_id, e.channel, coalesce(e.data->>'listenerName', e.params[1]) AS listener,
       e.process_id, e.record_id, f.path AS file
FROM events e
LEFT JOIN files f ON f.file_id = e.file_id
WHERE e.provider = 'Microsoft-Windows-TerminalServices-RemoteConnectionManager' AND e.event_id IN (261, 1057, 1058)
  AND ($host::VARCHAR IS NULL OR e.host = $host)
  AND ($since::TIMESTAMP IS NULL OR e.ts >= $since::TIMESTAMP)
  AND ($until::TIMESTAMP IS NULL OR e.ts <= $until::TIMESTAMP)
ORDER BY e.ts, e.host, e.record_id;
