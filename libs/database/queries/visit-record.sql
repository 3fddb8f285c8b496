WITH still AS (
      SELECT EXISTS (SELECT 1 FROM enterprises WHERE id = $2 AND region_code = $3)
         AND EXISTS (SELECT 1 FROM campaigns WHERE id = $1 AND region_code = $10 AND kind = $11
                        AND starts_on = CAST($12 AS date) AND ends_on = CAST($13 AS date)) AS ok)
    , made AS (
      INSERT INTO visits (campaign_id, enterprise_id, region_code, visited_on, kind, visitor_user_id,
                          visitor_organization_id, summary, client_ref)
      SELECT $1, $2, $3, CAST($4 AS date), $5, $6, $7, $8, $9 FROM still WHERE still.ok
      AND NOT EXISTS (SELECT 1 FROM visits r WHERE r.visitor_user_id = CAST($6 AS uuid) AND r.client_ref = CAST($9 AS varchar))
      ON CONFLICT DO NOTHING
      RETURNING *, EXISTS (
        SELECT 1 FROM visits v
         WHERE v.enterprise_id = $2 AND v.id <> visits.id
           AND v.visited_on BETWEEN (CAST($4 AS date) - 14) AND CAST($4 AS date)) AS recent)
    , marked AS (INSERT INTO report_dirty_days (campaign_id, day) SELECT campaign_id, visited_on FROM made)
    , audited AS (INSERT INTO audit_records (actor_user_id, at, action, entity, entity_id, status, ip, user_agent, request_id)
          SELECT $14::uuid, $15::timestamptz, $16::text,
                 $17::text, made.id::text, 201, $18::text,
                 $19::text, $20::text
            FROM made)
    SELECT made.*, still.ok AS scope_ok FROM still LEFT JOIN made ON true;
