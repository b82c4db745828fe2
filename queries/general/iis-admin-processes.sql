-- id: iis-admin-processes
-- title: IIS administration tools started (Security 4688)
-- description: Process creation of inetmgr6.exe (IIS 6 Manager), cscript/wscript running adsutil.vbs, iisreset.exe, net.exe/net1.exe and sc.exe (service control), appcmd.exe and netsh.exe.
-- level: info
-- tags: process, iis, abo-mapper
-- params: since:timestamp, until:timestamp, host:varchar
-- event_ids: 4688
SELECT p.ts, p.host,
       CASE WHEN lower(p.command_line) LIKE '%adsutil.vbs%' THEN 'adsutil.vbs'
            ELSE lower(regexp_extract(p.image, '[^\\/]+$')) END AS tool,
       p.image, p.command_line, p.user_domain, p.user_name, p.parent_image, p.record_id, f.path AS file
FROM process_starts p
LEFT JOIN files f ON f.file_id = p.file_id
WHERE (lower(regexp_extract(p.image, '[^\\/]+$')) IN
         ('inetmgr6.exe', 'iisreset.exe', 'net.exe', 'net1.exe', 'sc.exe', 'appcmd.exe', 'netsh.exe')
       OR lower(p.command_line) LIKE '%adsutil.vbs%')
  AND ($host::VARCHAR IS NULL OR p.host = $host)
  AND ($since::TIMESTAMP IS NULL OR p.ts >= $since::TIMESTAMP)
  AND ($until::TIMESTAMP IS NULL OR p.ts <= $until::TIMESTAMP)
ORDER BY p.ts, p.host, p.record_id;
