WITH d AS (SELECT * FROM jsonb_to_recordset($1::jsonb)
                AS d(organization_id uuid, idempotency_key text, event text, case_id uuid, payload jsonb))
   , delivered AS (
     INSERT INTO webhook_deliveries (organization_id, idempotency_key, event, payload)
     SELECT organization_id, idempotency_key, event, payload FROM d
     ON CONFLICT (idempotency_key) DO NOTHING RETURNING id, idempotency_key)
   INSERT INTO outbox (type, case_id, run_at, payload)
          SELECT type, case_id, run_at, payload FROM (SELECT $3::text AS type, d.case_id, $2::timestamptz AS run_at,
                               jsonb_build_object('deliveryId', delivered.id) AS payload
                          FROM delivered JOIN d ON d.idempotency_key = delivered.idempotency_key) AS rows;
