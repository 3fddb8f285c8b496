((c.assigned_bank_id = CAST($1 AS uuid)) OR (c.assigned_bank_id IS NULL AND c.status = 'assigned'
       AND EXISTS (SELECT 1 FROM case_pool_members pm WHERE pm.case_id = c.id AND pm.organization_id = CAST($1 AS uuid))));
