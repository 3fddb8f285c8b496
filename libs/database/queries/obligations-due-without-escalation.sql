SELECT o.id, o.case_id, o.due_at FROM case_obligations o
  WHERE o.met_at IS NULL AND o.cancelled_at IS NULL AND o.due_at >= $1 AND o.due_at <= $3
    AND (o.due_at, o.id) > ($1, $2::uuid) AND o.id <> ALL($4::uuid[])
    AND NOT EXISTS (SELECT 1 FROM escalations e WHERE e.obligation_id = o.id AND e.level = 1)
  ORDER BY o.due_at, o.id LIMIT $5;
