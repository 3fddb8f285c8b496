INSERT INTO outbox (type, case_id, run_at, payload)
          SELECT type, case_id, run_at, payload FROM jsonb_to_recordset($1::jsonb) AS m(type text, case_id uuid, run_at timestamptz, payload jsonb);
