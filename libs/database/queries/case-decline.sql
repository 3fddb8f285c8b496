WITH pick AS (SELECT v.id, v.status, v.version AS version, v.to_status, COALESCE(v.patch, '{}') AS patch,
          COALESCE(v.meet, '{}') AS meet, COALESCE(v.cancel_open, false) AS cancel_open,
          COALESCE(v.moved_ids, '{}') AS moved_ids, COALESCE(v.moved_due, '{}') AS moved_due,
          COALESCE(v.moved_remind, '{}') AS moved_remind, COALESCE(v.opened_ids, '{}') AS opened_ids,
          COALESCE(v.opened_kinds, '{}') AS opened_kinds, COALESCE(v.opened_due, '{}') AS opened_due,
          COALESCE(v.opened_remind, '{}') AS opened_remind, COALESCE(v.new_due, v.opened_due, '{}') AS new_due,
          COALESCE(v.settle_all, false) AS settle_all, v.resolution, COALESCE(v.clear_pool, false) AS clear_pool,
          v.outbox, v.event_type, v.actor, v.event_data FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, status text, version int, stamp text, to_status text, patch jsonb,
  meet text[], cancel_open boolean, moved_ids uuid[], moved_due timestamptz[], moved_remind timestamptz[],
  opened_ids uuid[], opened_kinds text[], opened_due timestamptz[], opened_remind timestamptz[], new_due timestamptz[],
  settle_all boolean, resolution text, clear_pool boolean, outbox jsonb, event_type text, actor uuid, event_data jsonb)),
upd AS (UPDATE cases c SET status = pick.to_status,
(assigned_bank_id, claimed_by_user_id, declined_org_ids, routing_tier) = (SELECT p.assigned_bank_id, p.claimed_by_user_id, p.declined_org_ids, p.routing_tier
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
cancelled AS (UPDATE case_obligations o SET cancelled_at = $2::timestamptz, updated_at = now() FROM upd JOIN pick ON pick.id = upd.id
                WHERE o.case_id = $3::uuid AND o.case_id = upd.id AND pick.cancel_open AND o.met_at IS NULL AND o.cancelled_at IS NULL),
pool AS (DELETE FROM case_pool_members pm USING upd JOIN pick ON pick.id = upd.id
                WHERE pm.case_id = $3::uuid AND pm.case_id = upd.id AND pick.clear_pool),
event AS (INSERT INTO case_events (case_id, type, actor_user_id, at, data)
          SELECT case_id, type, actor_user_id, at, data FROM (SELECT upd.id AS case_id, pick.event_type AS type,
      pick.actor AS actor_user_id, $2::timestamptz AS at, pick.event_data AS data FROM upd JOIN pick ON pick.id = upd.id) AS rows),
audited AS (INSERT INTO audit_records (actor_user_id, at, action, entity, entity_id, status, ip, user_agent, request_id)
          SELECT $4::uuid, $5::timestamptz, $6::text,
                 $7::text, upd.id::text, 200, $8::text,
                 $9::text, $10::text
            FROM upd)
SELECT * FROM upd;
