WITH n AS (SELECT * FROM jsonb_to_recordset($1::jsonb)
                AS n(i int, users uuid[], ids uuid[], kind text, case_id uuid, title text, data jsonb, key text))
   , copies AS (SELECT n.i, n.key || '.' || u::text AS key FROM n, unnest(n.users) AS u)
   , inserted AS (
     INSERT INTO notifications (id, user_id, kind, case_id, title, data, idempotency_key)
     SELECT c.id, c.u, n.kind, n.case_id, n.title, n.data, n.key || '.' || c.u::text
       FROM n, unnest(n.users, n.ids) AS c(u, id)
     ON CONFLICT (idempotency_key) DO NOTHING RETURNING idempotency_key)
   SELECT copies.i FROM inserted JOIN copies ON copies.key = inserted.idempotency_key;
