import { insertOutboxFrom } from './outbox.sql';

/**
 * The webhook deliveries of $1 (`[{organization_id, idempotency_key, event, case_id, payload}]`) that are
 * new (one per idempotency key), each with its outbox message of type $3 (`{deliveryId}`, due at $2).
 */
export const INSERT_WEBHOOK_DELIVERIES = `WITH d AS (SELECT * FROM jsonb_to_recordset($1::jsonb)
                AS d(organization_id uuid, idempotency_key text, event text, case_id uuid, payload jsonb))
   , delivered AS (
     INSERT INTO webhook_deliveries (organization_id, idempotency_key, event, payload)
     SELECT organization_id, idempotency_key, event, payload FROM d
     ON CONFLICT (idempotency_key) DO NOTHING RETURNING id, idempotency_key)
   ${insertOutboxFrom(`(SELECT $3::text AS type, d.case_id, $2::timestamptz AS run_at,
                               jsonb_build_object('deliveryId', delivered.id) AS payload
                          FROM delivered JOIN d ON d.idempotency_key = delivered.idempotency_key) AS rows`)}`;

/** Up to $2 deliveries still pending since before $1, oldest first (Redis may have lost their jobs). */
export const PENDING_WEBHOOK_DELIVERIES = `SELECT id FROM webhook_deliveries
  WHERE status = 'pending' AND created_at < $1 ORDER BY created_at LIMIT $2`;
