SELECT o.id, o.due_at, c.campaign_id FROM case_obligations o JOIN cases c ON c.id = o.case_id
  WHERE o.met_at IS NULL AND o.cancelled_at IS NULL AND o.due_at <= $1
    AND c.paused_at IS NULL AND c.status IN ('assigned', 'claimed', 'approved')
    AND NOT EXISTS (SELECT 1 FROM escalations e WHERE e.obligation_id = o.id AND e.level = 1)
  ORDER BY o.due_at LIMIT $2;
