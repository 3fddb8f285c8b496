SELECT rows_read FROM imports WHERE id = $1 AND run = $2 AND status = 'running' FOR UPDATE;
UPDATE imports SET rows_read = rows_read + $2, rows_accepted = rows_accepted + $3,
  rows_rejected = rows_rejected + $4, updated_at = now()
  WHERE id = $1;
