UPDATE outbox SET sent_at = now()
  WHERE id IN (SELECT id FROM outbox
                WHERE sent_at IS NULL AND run_at <= $1
                ORDER BY run_at LIMIT $2 FOR UPDATE SKIP LOCKED)
  RETURNING id, type, run_at, payload;
