INSERT INTO import_errors (import_id, row_number, field, reason)
  SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[]) ON CONFLICT DO NOTHING;
