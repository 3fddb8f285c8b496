SELECT r.ref AS client_ref FROM unnest($2::text[]) AS r(ref)
  CROSS JOIN LATERAL (SELECT 1 FROM visits v WHERE v.visitor_user_id = $1 AND v.client_ref = r.ref LIMIT 1) AS hit;
