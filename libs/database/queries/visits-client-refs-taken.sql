SELECT client_ref FROM visits
  WHERE visitor_user_id = $1 AND client_ref = ANY(CAST($2 AS varchar[]));
