INSERT INTO audit_records (actor_user_id, at, action, entity, entity_id, status, ip, user_agent, request_id, enterprise_link_id)
          SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[],
                       $8::text[], $9::text[], $10::uuid[]);
