/** The campaigns $1 (ids): region, kind and their first and last days (YYYY-MM-DD). */
export const CAMPAIGNS_BY_ID = `SELECT id, region_code, kind, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on
  FROM campaigns WHERE id = ANY($1::uuid[])`;

/** The campaigns named $1 and their regions: a 申报清单 names its campaign (专项行动) by name. */
export const CAMPAIGNS_BY_NAME = `SELECT id, name, region_code FROM campaigns WHERE name = ANY($1::text[])`;
