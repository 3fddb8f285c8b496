SELECT id, due_at AS at, due_at FROM case_obligations
    WHERE met_at IS NULL AND cancelled_at IS NULL AND due_at > $1 AND due_at <= $2
      AND (due_at, id) > ($3::timestamptz, $4::uuid)
    ORDER BY due_at, id LIMIT $5;
SELECT id, remind_at AS at, due_at FROM case_obligations
    WHERE met_at IS NULL AND cancelled_at IS NULL AND remind_at > $1 AND remind_at <= $2
      AND (remind_at, id) > ($3::timestamptz, $4::uuid)
    ORDER BY remind_at, id LIMIT $5;
