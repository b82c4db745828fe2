-- id: binding-deletions
-- title: SSL binding deletions and in-place updates with the candidates that could explain them
-- description: Every SSL binding deletion (HttpEvent 15300 or HttpService 119, one deletion logged both ways counted once, routine localhost 119s left out) and every in-place update (15302), with: the 15301 re-creating the endpoint within `window` (and a later one), the nearest ABO-mapper trigger within `window` before it (or `slack` after), and from the `lookback` before it (up to `window` after): Security 4688 process starts, 4624 logons of type 2/7/10/11, 7045 service installs. Also what the logs could show: 4688 and 4624 counts in the hour before, how many 4688 carry a command line, where the Security log starts. The correlation (src/correlate/binding-deletions.ts) ranks the candidates.
-- level: critical
-- tags: ssl, bindings, culprit, correlation
-- params: window:interval=2 minutes, slack:interval=5 seconds, lookback:interval=1 hour, since:timestamp, until:timestamp, host:varchar
-- event_ids: 15300, 15301, 15302, 119, 7036, 4688, 4624, 7045, 6005, 6009
WITH ssl AS MATERIALIZED (
  SELECT * FROM ssl_events WHERE kind IN ('binding_deleted', 'binding_created', 'binding_updated')
),
-- only programs diagnosis/culprit.ts may classify are handed over (a coarse pre-filter on image and command line)
procs AS MATERIALIZED (
  SELECT *, regexp_matches(lower(coalesce(image, '') || ' ' || coalesce(command_line, '')),
              'netsh|rsconfigtool|powershell|pwsh|wacs|letsencrypt|certify|msiexec|trustedinstaller|tiworker|setup\.exe|appcmd|inetmgr|iisreset|adsutil|iisadmin|smtpsvc|msftpsvc|webbinding|sslbindings|iis\.?administration|exchangecertificate|posh-acme|pacertificate|submit-renewal')
            AS maybe_binding_tool
  FROM process_starts
),
changes AS (
  SELECT d.*, CASE WHEN d.kind = 'binding_updated' THEN 'updated' ELSE 'deleted' END AS change
  FROM ssl d
  WHERE ((d.kind = 'binding_deleted' AND d.duplicate_of IS NULL AND NOT d.routine) OR d.kind = 'binding_updated')
    AND ($host::VARCHAR IS NULL OR d.host = $host)
    AND ($since::TIMESTAMP IS NULL OR d.ts >= $since::TIMESTAMP)
    AND ($until::TIMESTAMP IS NULL OR d.ts <= $until::TIMESTAMP)
),
security AS (
  SELECT host, min(ts) AS first_ts, count(*) AS events
  FROM events
  WHERE channel = 'Security'
  GROUP BY host
),
-- the few rows the per-deletion look-ups read, taken from events once
logons AS (
  SELECT host, ts, file_id, record_id, data->>'LogonType' AS logon_type, data->>'TargetUserName' AS user_name,
         data->>'TargetDomainName' AS domain, data->>'IpAddress' AS ip, data->>'WorkstationName' AS workstation
  FROM events
  WHERE provider = 'Microsoft-Windows-Security-Auditing' AND event_id = 4624
),
installs AS (
  SELECT host, ts, file_id, record_id, coalesce(data->>'ServiceName', params[1]) AS service,
         coalesce(data->>'ImagePath', params[2]) AS image, coalesce(data->>'AccountName', params[5]) AS account
  FROM events
  WHERE provider = 'Service Control Manager' AND event_id = 7045
),
one_host AS (SELECT count(DISTINCT host) = 1 AS yes FROM events)
SELECT c.host, c.endpoint, c.change, c.ts, (epoch($window::INTERVAL) * 1000)::BIGINT AS window_ms, c.event_id, c.provider, c.record_id, f.path AS file,
       (SELECT arg_min({'ts': t.ts, 'record_id': t.record_id, 'file': ft.path, 'event_id': t.event_id}, t.record_id)
          FROM ssl t LEFT JOIN files ft ON ft.file_id = t.file_id
         WHERE t.host = c.host AND t.duplicate_of = c.record_id AND c.event_id = 15300) AS twin,
       (SELECT arg_min({'ts': r.ts, 'record_id': r.record_id, 'file': fr.path, 'event_id': r.event_id}, r.ts)
          FROM ssl r LEFT JOIN files fr ON fr.file_id = r.file_id
         WHERE r.kind = 'binding_created' AND r.host = c.host AND r.endpoint IS NOT DISTINCT FROM c.endpoint
           AND r.ts >= c.ts AND r.ts <= c.ts + $window::INTERVAL) AS recreate,
       (SELECT arg_min({'ts': r.ts, 'record_id': r.record_id, 'file': fr.path, 'event_id': r.event_id}, r.ts)
          FROM ssl r LEFT JOIN files fr ON fr.file_id = r.file_id
         WHERE r.kind = 'binding_created' AND r.host = c.host AND r.endpoint IS NOT DISTINCT FROM c.endpoint
           AND r.ts > c.ts + $window::INTERVAL) AS recreated_later,
       (SELECT arg_min({'ts': t.ts, 'record_id': t.record_id, 'file': fa.path, 'event_id': t.event_id,
                        'provider': t.provider, 'trigger_type': t.trigger_type, 'trigger_name': t.trigger_name},
                       abs(epoch_ns(c.ts) - epoch_ns(t.ts)))
          FROM abo_triggers t LEFT JOIN files fa ON fa.file_id = t.file_id
         WHERE t.host = c.host AND t.ts >= c.ts - $window::INTERVAL AND t.ts <= c.ts + $slack::INTERVAL) AS abo_trigger,
       coalesce((SELECT list({'ts': p.ts, 'record_id': p.record_id, 'file': fp.path, 'image': p.image,
                              'command_line': p.command_line, 'parent': p.parent_image, 'user': p.user_name,
                              'domain': p.user_domain} ORDER BY p.ts DESC)[1:500]
                   FROM procs p LEFT JOIN files fp ON fp.file_id = p.file_id
                  WHERE p.host = c.host AND p.ts >= c.ts - $lookback::INTERVAL - $window::INTERVAL
                    AND p.ts <= c.ts + $window::INTERVAL AND p.maybe_binding_tool), []) AS processes,
       coalesce((SELECT list({'ts': l.ts, 'record_id': l.record_id, 'file': fl.path,
                              'logon_type': l.logon_type, 'user': l.user_name,
                              'domain': l.domain, 'ip': l.ip,
                              'workstation': l.workstation} ORDER BY l.ts DESC)[1:200]
                   FROM logons l LEFT JOIN files fl ON fl.file_id = l.file_id
                  WHERE l.host = c.host AND l.logon_type IN ('2', '7', '10', '11')
                    AND l.ts >= c.ts - $lookback::INTERVAL - $window::INTERVAL AND l.ts <= c.ts), []) AS logons,
       coalesce((SELECT list({'ts': s.ts, 'record_id': s.record_id, 'file': fs.path,
                              'service': s.service, 'image': s.image, 'account': s.account} ORDER BY s.ts DESC)[1:50]
                   FROM installs s LEFT JOIN files fs ON fs.file_id = s.file_id
                  WHERE s.host = c.host AND s.ts >= c.ts - $lookback::INTERVAL - $window::INTERVAL AND s.ts <= c.ts), [])
         AS service_installs,
       (SELECT count(*) FROM procs p
         WHERE p.host = c.host AND p.ts >= c.ts - INTERVAL '1 hour' AND p.ts <= c.ts)::INTEGER AS process_starts_before,
       (SELECT count(*) FROM procs p
         WHERE p.host = c.host AND p.ts >= c.ts - INTERVAL '1 hour' AND p.ts <= c.ts
           AND coalesce(p.command_line, '') <> '')::INTEGER AS command_lines_before,
       (SELECT count(*) FROM logons l
         WHERE l.host = c.host AND l.ts >= c.ts - INTERVAL '1 hour' AND l.ts <= c.ts)::INTEGER AS logons_before,
       (SELECT count(*) FROM logons l
         WHERE l.host = c.host AND l.logon_type IN ('2', '10', '11')
           AND l.ts >= c.ts - INTERVAL '1 hour' AND l.ts <= c.ts)::INTEGER AS interactive_logons_before,
       (SELECT count(*) FROM service_changes sc
         WHERE sc.host = c.host AND sc.ts >= c.ts - $window::INTERVAL AND sc.ts <= c.ts + $slack::INTERVAL)::INTEGER
         AS service_changes_in_window,
       -- certutil certificates of this host (for the re-create command): names compared without DNS suffix;
       -- a file with no host name belongs to the only host when there is one
       coalesce((SELECT list({'thumbprint': ce.thumbprint, 'subject': ce.subject, 'not_after': ce.not_after,
                              'has_private_key': ce.has_private_key,
                              'bound': ce.thumbprint IN (SELECT sb.cert_hash FROM ssl_bindings sb
                                                          WHERE sb.cert_hash IS NOT NULL AND sb.source <> 'config'
                                                            AND (lower(split_part(sb.host, '.', 1)) = lower(split_part(c.host, '.', 1))
                                                                 OR (sb.host IS NULL AND (SELECT yes FROM one_host))))}
                             ORDER BY ce.thumbprint)
                   FROM certificates ce
                  WHERE lower(split_part(ce.host, '.', 1)) = lower(split_part(c.host, '.', 1))
                     OR (ce.host IS NULL AND (SELECT yes FROM one_host))), []) AS certificates,
       sec.first_ts AS security_log_start,
       coalesce(sec.events, 0)::INTEGER AS security_events
FROM changes c
LEFT JOIN files f ON f.file_id = c.file_id
LEFT JOIN security sec ON sec.host = c.host
ORDER BY c.host, c.ts, c.record_id;
