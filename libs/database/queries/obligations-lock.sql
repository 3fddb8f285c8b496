SELECT c.* FROM cases c
  WHERE c.id IN (SELECT o.case_id FROM case_obligations o WHERE o.id = ANY($1::uuid[]))
  ORDER BY c.id FOR UPDATE;
SELECT o.* FROM case_obligations o WHERE o.id = ANY($1::uuid[]) ORDER BY o.id FOR UPDATE;
