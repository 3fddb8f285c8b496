WITH cur AS MATERIALIZED (
         SELECT c.id, c.version, c.status,
                (SELECT stamp FROM (SELECT concat_ws(':', p.id, p.row_version, cal.id, cal.xmin) AS stamp
            FROM (SELECT 1) AS one
            LEFT JOIN campaigns sc ON sc.id = c.campaign_id
            JOIN LATERAL (
              SELECT *, xmin AS row_version FROM sla_policies
               WHERE CASE WHEN sc.sla_policy_id IS NOT NULL THEN id = sc.sla_policy_id ELSE is_default END
               LIMIT 1) p ON true
            LEFT JOIN calendars cal ON cal.id = p.calendar_id) AS plan) AS sla_stamp
           FROM cases c
          WHERE c.id = $3::uuid AND c.renewal_due_by IS NULL AND ((c.assigned_bank_id = CAST($4 AS uuid)) OR (c.assigned_bank_id IS NULL AND c.status = 'assigned'
       AND EXISTS (SELECT 1 FROM case_pool_members pm WHERE pm.case_id = c.id AND pm.organization_id = CAST($4 AS uuid))))),
pick AS (SELECT v.id, v.status, cur.version AS version, v.to_status, COALESCE(v.patch, '{}') AS patch,
          COALESCE(v.meet, '{}') AS meet, COALESCE(v.cancel_open, false) AS cancel_open,
          COALESCE(v.moved_ids, '{}') AS moved_ids, COALESCE(v.moved_due, '{}') AS moved_due,
          COALESCE(v.moved_remind, '{}') AS moved_remind, COALESCE(v.opened_ids, '{}') AS opened_ids,
          COALESCE(v.opened_kinds, '{}') AS opened_kinds, COALESCE(v.opened_due, '{}') AS opened_due,
          COALESCE(v.opened_remind, '{}') AS opened_remind, COALESCE(v.new_due, v.opened_due, '{}') AS new_due,
          COALESCE(v.settle_all, false) AS settle_all, v.resolution, COALESCE(v.clear_pool, false) AS clear_pool,
          v.outbox, v.event_type, v.actor, v.event_data
                  FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, status text, version int, stamp text, to_status text, patch jsonb,
  meet text[], cancel_open boolean, moved_ids uuid[], moved_due timestamptz[], moved_remind timestamptz[],
  opened_ids uuid[], opened_kinds text[], opened_due timestamptz[], opened_remind timestamptz[], new_due timestamptz[],
  settle_all boolean, resolution text, clear_pool boolean, outbox jsonb, event_type text, actor uuid, event_data jsonb) JOIN cur ON cur.id = v.id AND cur.status = v.status
                                 AND (v.version IS NULL OR cur.version = v.version)
                                 AND cur.sla_stamp IS NOT DISTINCT FROM v.stamp),
upd AS (UPDATE cases c SET status = pick.to_status,
(assigned_bank_id, claimed_by_user_id) = (SELECT p.assigned_bank_id, p.claimed_by_user_id
                                         FROM jsonb_populate_record(c, pick.patch) AS p),
due_at = (SELECT min(d.due_at) FROM (
                 SELECT o.due_at FROM case_obligations o
                  WHERE o.case_id = c.id AND o.met_at IS NULL AND o.cancelled_at IS NULL AND NOT pick.cancel_open
                    AND o.obligation <> ALL(pick.meet) AND o.id <> ALL(pick.moved_ids)
                 UNION ALL SELECT unnest(pick.moved_due)
                 UNION ALL SELECT unnest(pick.new_due)) AS d),
escalation_level = CASE
       WHEN (pick.settle_all OR (cardinality(pick.meet) > 0 AND NOT pick.cancel_open))
        AND EXISTS (SELECT 1 FROM escalations e WHERE e.case_id = c.id AND e.status <> 'resolved' AND (pick.settle_all OR (e.obligation = ANY(pick.meet) AND NOT pick.cancel_open
  AND COALESCE((SELECT true FROM case_obligations so WHERE so.case_id = e.case_id AND so.obligation = e.obligation
                   AND so.met_at IS NULL AND so.cancelled_at IS NULL LIMIT 1), false))))
       THEN COALESCE((SELECT max(e.level) FROM escalations e
                       WHERE e.case_id = c.id AND e.status <> 'resolved' AND NOT (pick.settle_all OR (e.obligation = ANY(pick.meet) AND NOT pick.cancel_open
  AND COALESCE((SELECT true FROM case_obligations so WHERE so.case_id = e.case_id AND so.obligation = e.obligation
                   AND so.met_at IS NULL AND so.cancelled_at IS NULL LIMIT 1), false)))), 0)
       ELSE COALESCE((pick.patch->>'escalation_level')::smallint, c.escalation_level) END,
version = c.version + 1,
updated_at = now()
                FROM pick
               WHERE c.id = $3::uuid AND c.id = pick.id AND c.version = pick.version AND c.status = pick.status
              RETURNING c.*),
met AS (UPDATE case_obligations o SET met_at = $2::timestamptz, updated_at = now() FROM upd JOIN pick ON pick.id = upd.id
                WHERE o.case_id = $3::uuid AND o.case_id = upd.id AND o.obligation = ANY(pick.meet) AND o.met_at IS NULL AND o.cancelled_at IS NULL),
opened AS (INSERT INTO case_obligations (id, case_id, obligation, opened_at, due_at, remind_at)
                SELECT f.id, upd.id, f.obligation, $2::timestamptz, f.due_at, f.remind_at
                  FROM upd JOIN pick ON pick.id = upd.id,
                       unnest(pick.opened_ids, pick.opened_kinds, pick.opened_due, pick.opened_remind)
                         AS f(id, obligation, due_at, remind_at)),
pool AS (DELETE FROM case_pool_members pm USING upd JOIN pick ON pick.id = upd.id
                WHERE pm.case_id = $3::uuid AND pm.case_id = upd.id AND pick.clear_pool),
settled AS (UPDATE escalations e
                SET status = 'resolved', resolved_at = $2::timestamptz, updated_at = now(), resolution = pick.resolution
                FROM upd JOIN pick ON pick.id = upd.id
               WHERE e.case_id = $3::uuid AND e.case_id = upd.id AND e.status <> 'resolved' AND (pick.settle_all OR (e.obligation = ANY(pick.meet) AND NOT pick.cancel_open
  AND COALESCE((SELECT true FROM case_obligations so WHERE so.case_id = e.case_id AND so.obligation = e.obligation
                   AND so.met_at IS NULL AND so.cancelled_at IS NULL LIMIT 1), false)))),
event AS (INSERT INTO case_events (case_id, type, actor_user_id, at, data)
          SELECT case_id, type, actor_user_id, at, data FROM (SELECT upd.id AS case_id, pick.event_type AS type,
      pick.actor AS actor_user_id, $2::timestamptz AS at, pick.event_data AS data FROM upd JOIN pick ON pick.id = upd.id) AS rows),
audited AS (INSERT INTO audit_records (actor_user_id, at, action, entity, entity_id, status, ip, user_agent, request_id)
          SELECT $5::uuid, $6::timestamptz, $7::text,
                 $8::text, upd.id::text, 200, $9::text,
                 $10::text, $11::text
            FROM upd)
SELECT * FROM upd;
