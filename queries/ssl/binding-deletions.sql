-- id: binding-deletions
-- title: SSL binding deletions and in-place updates with the candidates that could explain them
-- description: Every SSL binding deletion (HttpEvent 15300 or HttpService 119, one deletion logged both ways counted once, routine localhost 119s left out) and every in-place update (15302), with: the 15301 re-creating the endpoint within `window` (and a later one), the nearest ABO-mapper trigger within `window` before it (or `slack` after), and from the `lookback` before it (up to `window` after): Security 4688 process starts, 4624 logons of type 2/7/10/11, 7045 service installs. Also what the logs could show: 4688 and 4624 counts in the hour before, how many 4688 carry a command line, where the Security log starts. The correlation (src/correlate/binding-deletions.ts) ranks the candidates.
-- description: The logons are listed only for the rows they can matter to (in-place updates, deletions with neither a re-create nor an ABO trigger, rows with a process or service-install candidate), as the correlation reads them; `all_logons` true lists them for every row (up to 200 each).
-- level: critical
-- tags: ssl, bindings, culprit, correlation
-- params: window:interval=2 minutes, slack:interval=5 seconds, lookback:interval=1 hour, since:timestamp, until:timestamp, host:varchar, all_logons:boolean=false
-- event_ids: 15300, 15301, 15302, 119, 7036, 4688, 4624, 7045, 6005, 6009
-- Every look-up is a join on the materialised tables, never a per-deletion scan: counts of a time range
-- are differences of counts at look-up points (the rows and the points numbered together), candidate
-- lists the numbered candidates between two such counts, the trigger a join on (host, hour bucket):
-- a range [lo, hi] covers epoch hours lo..hi.
WITH ssl AS MATERIALIZED (
  SELECT file_id, host, ts, record_id, provider, event_id, kind, endpoint, coalesce(endpoint, '') AS endpoint_key,
         duplicate_of, routine
  FROM ssl_events WHERE kind IN ('binding_deleted', 'binding_created', 'binding_updated')
),
changes AS MATERIALIZED (
  SELECT row_number() OVER (ORDER BY d.host, d.ts, d.record_id, d.file_id) AS cid,
         d.file_id, d.host, d.ts, d.record_id, d.provider, d.event_id, d.endpoint, d.endpoint_key,
         CASE WHEN d.kind = 'binding_updated' THEN 'updated' ELSE 'deleted' END AS change,
         d.ts - $lookback::INTERVAL - $window::INTERVAL AS lookback_from,
         d.ts + $window::INTERVAL AS window_end,
         d.ts - $window::INTERVAL AS trigger_from,
         d.ts + $slack::INTERVAL AS trigger_to,
         d.ts - INTERVAL '1 hour' AS hour_before
  FROM ssl d
  WHERE ((d.kind = 'binding_deleted' AND d.duplicate_of IS NULL AND NOT d.routine) OR d.kind = 'binding_updated')
    AND ($host::VARCHAR IS NULL OR d.host = $host)
    AND ($since::TIMESTAMP IS NULL OR d.ts >= $since::TIMESTAMP)
    AND ($until::TIMESTAMP IS NULL OR d.ts <= $until::TIMESTAMP)
),
hosts AS (SELECT DISTINCT host FROM changes),
security AS (
  SELECT host, min(ts) AS first_ts, count(*) AS events
  FROM events
  WHERE channel = 'Security' AND host IN (SELECT host FROM hosts)
  GROUP BY host
),
-- only programs diagnosis/culprit.ts may classify are listed (a coarse pre-filter on image and command line)
procs AS MATERIALIZED (
  SELECT host, ts, file_id, record_id, image, command_line, parent_image, user_name, user_domain,
         regexp_matches(lower(coalesce(image, '') || ' ' || coalesce(command_line, '')),
           'netsh|rsconfigtool|powershell|pwsh|wacs|letsencrypt|certify|msiexec|trustedinstaller|tiworker|setup\.exe|appcmd|inetmgr|iisreset|adsutil|iisadmin|smtpsvc|msftpsvc|webbinding|sslbindings|iis\.?administration|exchangecertificate|posh-acme|pacertificate|submit-renewal')
           AS maybe_binding_tool
  FROM process_starts
  WHERE host IN (SELECT host FROM hosts)
),
case_logons AS (
  SELECT host, ts, file_id, record_id, logon_type, user_name, user_domain AS domain, ip, workstation
  FROM logons
  WHERE host IN (SELECT host FROM hosts)
),
installs AS MATERIALIZED (
  SELECT host, ts, file_id, record_id, coalesce(data->>'ServiceName', params[1]) AS service,
         coalesce(data->>'ImagePath', params[2]) AS image, coalesce(data->>'AccountName', params[5]) AS account
  FROM events
  WHERE provider = 'Service Control Manager' AND event_id = 7045 AND host IN (SELECT host FROM hosts)
),
one_host AS (SELECT count(DISTINCT host) = 1 AS yes FROM events),
-- counts at look-up points: for each kind of row counted (cat) the rows of a host and the points
-- of every change that kind is read at are numbered together in time order (a point of kind -1
-- before the rows of the same time, an exclusive bound; 1 after them, inclusive); a point's
-- number less its number among the points alone is the count of rows before it, and for the
-- listed kinds (pl, ll, i) the candidates' own numbers (row_number below) are those counts.
-- p: process starts, pc: of them with a command line, pl: listed ones (maybe_binding_tool),
-- i: service installs, l: logons, li: interactive ones (2/10/11), ll: listed ones (2/7/10/11),
-- s: service state changes.
marks AS (
  SELECT c.cid, c.host, m.cat, m.mark,
         (CASE m.mark WHEN 'at' THEN c.ts WHEN 'hour_before' THEN c.hour_before WHEN 'lookback_from' THEN c.lookback_from
                      WHEN 'window_end' THEN c.window_end WHEN 'trigger_from' THEN c.trigger_from ELSE c.trigger_to END)::TIMESTAMP_NS AS ts,
         CASE WHEN m.mark IN ('at', 'window_end', 'trigger_to') THEN 1 ELSE -1 END AS kind
  FROM changes c
  CROSS JOIN (VALUES ('p', 'at'), ('p', 'hour_before'), ('pc', 'at'), ('pc', 'hour_before'),
                     ('pl', 'lookback_from'), ('pl', 'window_end'), ('i', 'lookback_from'), ('i', 'at'),
                     ('l', 'at'), ('l', 'hour_before'), ('li', 'at'), ('li', 'hour_before'),
                     ('ll', 'lookback_from'), ('ll', 'at'), ('s', 'trigger_from'), ('s', 'trigger_to')) m(cat, mark)
),
stream AS (
  SELECT host, 'p' AS cat, ts::TIMESTAMP_NS AS ts, 0 AS kind, NULL::BIGINT AS cid, NULL::VARCHAR AS mark FROM procs
  UNION ALL SELECT host, 'pc', ts, 0, NULL, NULL FROM procs WHERE coalesce(command_line, '') <> ''
  UNION ALL SELECT host, 'pl', ts, 0, NULL, NULL FROM procs WHERE maybe_binding_tool
  UNION ALL SELECT host, 'i', ts, 0, NULL, NULL FROM installs
  UNION ALL SELECT host, 'l', ts, 0, NULL, NULL FROM case_logons
  UNION ALL SELECT host, 'li', ts, 0, NULL, NULL FROM case_logons WHERE logon_type IN ('2', '10', '11')
  UNION ALL SELECT host, 'll', ts, 0, NULL, NULL FROM case_logons WHERE logon_type IN ('2', '7', '10', '11')
  UNION ALL SELECT host, 's', ts, 0, NULL, NULL FROM service_changes WHERE host IN (SELECT host FROM hosts)
  UNION ALL SELECT host, cat, ts, kind, cid, mark FROM marks
),
numbered AS (
  SELECT cid, cat, mark, n
  FROM (SELECT cid, cat, mark, row_number() OVER (PARTITION BY host, cat ORDER BY ts, kind, cid, mark) AS n FROM stream)
  WHERE cid IS NOT NULL
),
counts_at AS (
  SELECT x.cid, x.cat, x.mark, x.n - m.n AS before
  FROM numbered x
  JOIN (SELECT cid, cat, mark, row_number() OVER (PARTITION BY host, cat ORDER BY ts, kind, cid, mark) AS n FROM marks) m
    ON m.cid = x.cid AND m.cat = x.cat AND m.mark = x.mark
),
counted AS (
  SELECT cid,
         any_value(before) FILTER (WHERE cat = 'p' AND mark = 'at') - any_value(before) FILTER (WHERE cat = 'p' AND mark = 'hour_before') AS process_starts_before,
         any_value(before) FILTER (WHERE cat = 'pc' AND mark = 'at') - any_value(before) FILTER (WHERE cat = 'pc' AND mark = 'hour_before') AS command_lines_before,
         any_value(before) FILTER (WHERE cat = 'l' AND mark = 'at') - any_value(before) FILTER (WHERE cat = 'l' AND mark = 'hour_before') AS logons_before,
         any_value(before) FILTER (WHERE cat = 'li' AND mark = 'at') - any_value(before) FILTER (WHERE cat = 'li' AND mark = 'hour_before') AS interactive_logons_before,
         any_value(before) FILTER (WHERE cat = 's' AND mark = 'trigger_to') - any_value(before) FILTER (WHERE cat = 's' AND mark = 'trigger_from') AS service_changes_in_window,
         any_value(before) FILTER (WHERE cat = 'pl' AND mark = 'lookback_from') AS p_from,
         any_value(before) FILTER (WHERE cat = 'pl' AND mark = 'window_end') AS p_to,
         any_value(before) FILTER (WHERE cat = 'll' AND mark = 'lookback_from') AS l_from,
         any_value(before) FILTER (WHERE cat = 'll' AND mark = 'at') AS l_to,
         any_value(before) FILTER (WHERE cat = 'i' AND mark = 'lookback_from') AS i_from,
         any_value(before) FILTER (WHERE cat = 'i' AND mark = 'at') AS i_to
  FROM counts_at GROUP BY cid
),
counts AS (
  SELECT cid, process_starts_before::INTEGER AS process_starts_before,
         command_lines_before::INTEGER AS command_lines_before, logons_before::INTEGER AS logons_before,
         interactive_logons_before::INTEGER AS interactive_logons_before
  FROM counted
),
service_counts AS (SELECT cid, service_changes_in_window::INTEGER AS service_changes_in_window FROM counted),
-- the hour buckets of each deletion's trigger range
trigger_buckets AS (
  SELECT cid, host, ts, trigger_from, trigger_to,
         unnest(range(epoch_ms(trigger_from) // 3600000, epoch_ms(trigger_to) // 3600000 + 1)) AS bucket
  FROM changes
),
-- candidate lists: the candidates of each host numbered in time order; the running counts give the
-- numbers a deletion's range spans, and its list is the newest N of them, newest first
proc_items AS (
  SELECT row_number() OVER (PARTITION BY p.host ORDER BY p.ts, p.file_id, p.record_id) AS n, p.*, fp.path AS file
  FROM procs p LEFT JOIN files fp ON fp.file_id = p.file_id
  WHERE p.maybe_binding_tool
),
logon_items AS (
  SELECT row_number() OVER (PARTITION BY l.host ORDER BY l.ts, l.file_id, l.record_id) AS n, l.*, fl.path AS file
  FROM case_logons l LEFT JOIN files fl ON fl.file_id = l.file_id
  WHERE l.logon_type IN ('2', '7', '10', '11')
),
install_items AS (
  SELECT row_number() OVER (PARTITION BY s.host ORDER BY s.ts, s.file_id, s.record_id) AS n, s.*, fs.path AS file
  FROM installs s LEFT JOIN files fs ON fs.file_id = s.file_id
),
spans AS (
  SELECT m.cid, c.host, p_from::BIGINT AS p_from, p_to::BIGINT AS p_to, l_from::BIGINT AS l_from,
         l_to::BIGINT AS l_to, i_from::BIGINT AS i_from, i_to::BIGINT AS i_to
  FROM counted m JOIN changes c ON c.cid = m.cid
),
process_lists AS (
  SELECT x.cid, list({'ts': p.ts, 'record_id': p.record_id, 'file': p.file, 'image': p.image,
                      'command_line': p.command_line, 'parent': p.parent_image, 'user': p.user_name,
                      'domain': p.user_domain} ORDER BY p.n DESC) AS processes
  FROM (SELECT cid, host, unnest(range(greatest(p_from, p_to - 500) + 1, p_to + 1)) AS n FROM spans) x
  JOIN proc_items p ON p.host = x.host AND p.n = x.n
  GROUP BY x.cid
),
install_lists AS (
  SELECT x.cid, list({'ts': s.ts, 'record_id': s.record_id, 'file': s.file, 'service': s.service,
                      'image': s.image, 'account': s.account} ORDER BY s.n DESC) AS service_installs
  FROM (SELECT cid, host, unnest(range(greatest(i_from, i_to - 50) + 1, i_to + 1)) AS n FROM spans) x
  JOIN install_items s ON s.host = x.host AND s.n = x.n
  GROUP BY x.cid
),
-- the nearest ABO-mapper trigger within [window before, slack after]
nearest_trigger AS (
  SELECT b.cid, {'ts': t.ts, 'record_id': t.record_id, 'file': fa.path, 'event_id': t.event_id,
                 'provider': t.provider, 'trigger_type': t.trigger_type, 'trigger_name': t.trigger_name} AS abo_trigger
  FROM trigger_buckets b
  JOIN abo_triggers t ON t.host = b.host AND epoch_ms(t.ts) // 3600000 = b.bucket
  LEFT JOIN files fa ON fa.file_id = t.file_id
  WHERE t.ts >= b.trigger_from AND t.ts <= b.trigger_to
  QUALIFY row_number() OVER (PARTITION BY b.cid
                             ORDER BY abs(epoch_ns(b.ts) - epoch_ns(t.ts)), t.ts, t.file_id, t.record_id) = 1
),
-- the 119 logged for the same deletion as a 15300
twins AS (
  SELECT c.cid, {'ts': t.ts, 'record_id': t.record_id, 'file': ft.path, 'event_id': t.event_id} AS twin
  FROM changes c
  JOIN ssl t ON t.host = c.host AND t.duplicate_of = c.record_id
  LEFT JOIN files ft ON ft.file_id = t.file_id
  WHERE c.event_id = 15300
  QUALIFY row_number() OVER (PARTITION BY c.cid ORDER BY t.record_id, t.file_id) = 1
),
created AS (SELECT * FROM ssl WHERE kind = 'binding_created'),
-- the first 15301 of the endpoint at or after the deletion (kept when within `window`), and the first after `window`
recreates AS (
  SELECT c.cid, r.ts AS first_ts, r2.ts AS later_ts
  FROM changes c
  ASOF LEFT JOIN created r ON r.host = c.host AND r.endpoint_key = c.endpoint_key AND c.ts <= r.ts
  ASOF LEFT JOIN created r2 ON r2.host = c.host AND r2.endpoint_key = c.endpoint_key AND c.window_end < r2.ts
),
recreate_rows AS (
  SELECT x.cid, x.which, {'ts': r.ts, 'record_id': r.record_id, 'file': fr.path, 'event_id': r.event_id} AS ev
  FROM (SELECT c.cid, c.host, c.endpoint_key, 'recreate' AS which, x.first_ts AS ts
        FROM changes c JOIN recreates x ON x.cid = c.cid WHERE x.first_ts <= c.window_end
        UNION ALL
        SELECT c.cid, c.host, c.endpoint_key, 'later', x.later_ts
        FROM changes c JOIN recreates x ON x.cid = c.cid WHERE x.later_ts IS NOT NULL) x
  JOIN created r ON r.host = x.host AND r.endpoint_key = x.endpoint_key AND r.ts = x.ts
  LEFT JOIN files fr ON fr.file_id = r.file_id
  QUALIFY row_number() OVER (PARTITION BY x.cid, x.which ORDER BY r.record_id, r.file_id) = 1
),
-- the logons are listed only for the rows they can matter to (or with all_logons = true for every row):
-- an in-place update, a deletion with neither a re-create within `window` nor an ABO trigger, a
-- row with a process or service-install candidate (logons are sessions: never a renewal tool, never
-- a command naming the endpoint)
logon_lists AS (
  SELECT x.cid, list({'ts': l.ts, 'record_id': l.record_id, 'file': l.file, 'logon_type': l.logon_type,
                      'user': l.user_name, 'domain': l.domain, 'ip': l.ip, 'workstation': l.workstation}
                     ORDER BY l.n DESC) AS logons
  FROM (SELECT sp.cid, sp.host, unnest(range(greatest(sp.l_from, sp.l_to - 200) + 1, sp.l_to + 1)) AS n
        FROM spans sp JOIN changes c ON c.cid = sp.cid
        WHERE $all_logons::BOOLEAN IS NOT false OR c.change = 'updated' OR sp.p_to > sp.p_from OR sp.i_to > sp.i_from
           OR (NOT EXISTS (SELECT 1 FROM nearest_trigger nt WHERE nt.cid = sp.cid)
               AND NOT EXISTS (SELECT 1 FROM recreate_rows rc WHERE rc.cid = sp.cid AND rc.which = 'recreate'))) x
  JOIN logon_items l ON l.host = x.host AND l.n = x.n
  GROUP BY x.cid
),
-- certutil certificates of each host (for the re-create command): names compared without DNS suffix;
-- a file with no host name belongs to the only host when there is one
host_certificates AS (
  SELECT h.host,
         coalesce((SELECT list({'thumbprint': ce.thumbprint, 'subject': ce.subject, 'not_after': ce.not_after,
                                'has_private_key': ce.has_private_key,
                                'bound': ce.thumbprint IN (SELECT sb.cert_hash FROM ssl_bindings sb
                                                            WHERE sb.cert_hash IS NOT NULL AND sb.source <> 'config'
                                                              AND (lower(split_part(sb.host, '.', 1)) = lower(split_part(h.host, '.', 1))
                                                                   OR (sb.host IS NULL AND (SELECT yes FROM one_host))))}
                               ORDER BY ce.thumbprint)
                     FROM certificates ce
                    WHERE lower(split_part(ce.host, '.', 1)) = lower(split_part(h.host, '.', 1))
                       OR (ce.host IS NULL AND (SELECT yes FROM one_host))), []) AS certificates
  FROM hosts h
)
SELECT c.host, c.endpoint, c.change, c.ts, (epoch($window::INTERVAL) * 1000)::BIGINT AS window_ms, c.event_id, c.provider, c.record_id, f.path AS file,
       tw.twin,
       rc.ev AS recreate,
       rl.ev AS recreated_later,
       nt.abo_trigger,
       coalesce(pl.processes, []) AS processes,
       coalesce(ll.logons, []) AS logons,
       coalesce(il.service_installs, []) AS service_installs,
       n.process_starts_before, n.command_lines_before, n.logons_before, n.interactive_logons_before,
       sc.service_changes_in_window,
       hc.certificates,
       sec.first_ts AS security_log_start,
       coalesce(sec.events, 0)::INTEGER AS security_events
FROM changes c
LEFT JOIN files f ON f.file_id = c.file_id
LEFT JOIN security sec ON sec.host = c.host
LEFT JOIN counts n ON n.cid = c.cid
LEFT JOIN service_counts sc ON sc.cid = c.cid
LEFT JOIN twins tw ON tw.cid = c.cid
LEFT JOIN recreate_rows rc ON rc.cid = c.cid AND rc.which = 'recreate'
LEFT JOIN recreate_rows rl ON rl.cid = c.cid AND rl.which = 'later'
LEFT JOIN nearest_trigger nt ON nt.cid = c.cid
LEFT JOIN process_lists pl ON pl.cid = c.cid
LEFT JOIN logon_lists ll ON ll.cid = c.cid
LEFT JOIN install_lists il ON il.cid = c.cid
LEFT JOIN host_certificates hc ON hc.host IS NOT DISTINCT FROM c.host
ORDER BY c.host, c.ts, c.record_id;
