SELECT c.*,
      (SELECT COALESCE(json_agg(json_build_object('id', o.id, 'obligation', o.obligation,
          'opened_at', (extract(epoch FROM o.opened_at) * 1000)::float8,
          'due_at', (extract(epoch FROM o.due_at) * 1000)::float8,
          'remind_at', (extract(epoch FROM o.remind_at) * 1000)::float8)), '[]'::json)
         FROM case_obligations o WHERE o.case_id = c.id AND o.met_at IS NULL AND o.cancelled_at IS NULL) AS open_obligations
    FROM cases c
   WHERE c.id = ANY($1::uuid[]) AND (true);
