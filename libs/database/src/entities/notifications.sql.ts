/**
 * Inbox copies of notices ($1: `[{i, users, ids, kind, case_id, title, data, key}]`), one per user and notice
 * (its idempotency key the notice's key and the user's id; its id the `ids` entry at the user's place, time-ordered,
 * so that the notices of one transaction, which share `created_at`, list in the order they were written); a copy
 * already there is left alone. Answers, for each copy written, the index `i` of its notice.
 */
export const INSERT_INBOX_COPIES = `WITH n AS (SELECT * FROM jsonb_to_recordset($1::jsonb)
                AS n(i int, users uuid[], ids uuid[], kind text, case_id uuid, title text, data jsonb, key text))
   , copies AS (SELECT n.i, n.key || '.' || u::text AS key FROM n, unnest(n.users) AS u)
   , inserted AS (
     INSERT INTO notifications (id, user_id, kind, case_id, title, data, idempotency_key)
     SELECT c.id, c.u, n.kind, n.case_id, n.title, n.data, n.key || '.' || c.u::text
       FROM n, unnest(n.users, n.ids) AS c(u, id)
     ON CONFLICT (idempotency_key) DO NOTHING RETURNING idempotency_key)
   SELECT copies.i FROM inserted JOIN copies ON copies.key = inserted.idempotency_key`;

/** The organizations with a webhook of the users $1. */
export const WEBHOOK_ORGANIZATIONS_OF_USERS = `SELECT u.id AS user_id, o.id AS organization_id
  FROM organizations o JOIN users u ON u.organization_id = o.id
  WHERE u.id = ANY($1::uuid[]) AND o.webhook_url IS NOT NULL`;
