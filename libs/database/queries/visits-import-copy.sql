COPY visits (id, campaign_id, enterprise_id, region_code, visited_on, kind, visitor_user_id, visitor_organization_id, summary, client_ref) FROM STDIN;
