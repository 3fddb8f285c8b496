SELECT e.id AS enterprise_id, e.region_code AS enterprise_region, c.id AS campaign_id,
       c.region_code AS campaign_region, c.kind AS campaign_kind,
       c.starts_on::text AS starts_on, c.ends_on::text AS ends_on
  FROM (SELECT 1) AS one
  LEFT JOIN enterprises e ON e.id = $1
  LEFT JOIN campaigns c ON c.id = $2;
