/** Which of the ids $1 are industrial chains'. */
export const INDUSTRIAL_CHAINS_BY_ID = `SELECT id FROM industrial_chains WHERE id = ANY($1::uuid[])`;

/** The chains named $1 (names as written): id, name and region (a name is unique within a region). */
export const INDUSTRIAL_CHAINS_BY_NAME = `SELECT id, name, region_code FROM industrial_chains WHERE name = ANY($1::text[])`;
