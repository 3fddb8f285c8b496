WITH opened AS (
             INSERT INTO case_obligations (id, case_id, obligation, opened_at, due_at, remind_at)
             SELECT f.id, f.case_id, f.obligation, $3::timestamptz, f.due_at, f.remind_at
               FROM jsonb_to_recordset($1::jsonb)
                    AS f(id uuid, case_id uuid, obligation text, due_at timestamptz, remind_at timestamptz))
           INSERT INTO case_pool_members (case_id, organization_id)
           SELECT p.case_id, p.organization_id FROM jsonb_to_recordset($2::jsonb) AS p(case_id uuid, organization_id uuid);
