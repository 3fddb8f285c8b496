SELECT c.*,
      (SELECT COALESCE(json_agg(json_build_object('id', o.id, 'obligation', o.obligation,
          'opened_at', (extract(epoch FROM o.opened_at) * 1000)::float8,
          'due_at', (extract(epoch FROM o.due_at) * 1000)::float8,
          'remind_at', (extract(epoch FROM o.remind_at) * 1000)::float8)), '[]'::json)
         FROM case_obligations o WHERE o.case_id = c.id AND o.met_at IS NULL AND o.cancelled_at IS NULL) AS open_obligations,
      (SELECT stamp FROM (SELECT concat_ws(':', p.id, p.row_version, cal.id, cal.xmin) AS stamp
            FROM (SELECT 1) AS one
            LEFT JOIN campaigns sc ON sc.id = c.campaign_id
            JOIN LATERAL (
              SELECT *, xmin AS row_version FROM sla_policies
               WHERE CASE WHEN sc.sla_policy_id IS NOT NULL THEN id = sc.sla_policy_id ELSE is_default END
               LIMIT 1) p ON true
            LEFT JOIN calendars cal ON cal.id = p.calendar_id) AS plan) AS sla_stamp
    FROM cases c
   WHERE c.id = $1::uuid AND ((c.assigned_bank_id = CAST($2 AS uuid)) OR (c.assigned_bank_id IS NULL AND c.status = 'assigned'
       AND EXISTS (SELECT 1 FROM case_pool_members pm WHERE pm.case_id = c.id AND pm.organization_id = CAST($2 AS uuid))));
