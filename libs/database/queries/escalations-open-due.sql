WITH input AS (SELECT o.case_id, o.id AS obligation_id, o.obligation, o.due_at,
    c.assigned_bank_id AS bank_id, c.chain_id, c.region_code,
    NOT (o.obligation = 'claim' AND c.status = 'assigned' AND c.routing_tier IS DISTINCT FROM 3) AS raise
  FROM (SELECT * FROM case_obligations WHERE id = ANY($4::uuid[]) AND met_at IS NULL AND cancelled_at IS NULL
         ORDER BY id FOR UPDATE) o
  JOIN cases c ON c.id = o.case_id
  WHERE c.paused_at IS NULL AND c.status NOT IN ('closed', 'loan_signed', 'screened_out'))
     , opened AS (
       INSERT INTO escalations (case_id, obligation_id, obligation, level, status, opened_at, due_at, bank_id, chain_id,
                                region_code, followed_up_at)
       SELECT case_id, obligation_id, obligation, $1, 'open', $2, due_at, bank_id, chain_id, region_code,
              CASE WHEN $3 THEN NULL ELSE $2::timestamptz END
         FROM input
       ON CONFLICT (obligation_id, level) DO NOTHING RETURNING case_id, obligation_id)
     , raised AS (
       UPDATE cases SET escalation_level = GREATEST(escalation_level, $1)
        WHERE id IN (SELECT input.case_id FROM opened JOIN input ON input.obligation_id = opened.obligation_id
                      WHERE input.raise)
       RETURNING id)
     , event AS (INSERT INTO case_events (case_id, type, actor_user_id, at, data)
          SELECT case_id, type, actor_user_id, at, data FROM (
         SELECT opened.case_id, 'escalated' AS type, NULL::uuid AS actor_user_id, $2::timestamptz AS at,
                jsonb_build_object('level', $1::int, 'obligation', input.obligation,
                                   'dueAt', to_char(input.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) AS data
           FROM opened JOIN input ON input.obligation_id = opened.obligation_id) AS rows RETURNING id)
     SELECT obligation_id FROM opened;
