/** Which of the ids $1 are industrial chains'. */
export const INDUSTRIAL_CHAINS_BY_ID = `SELECT id FROM industrial_chains WHERE id = ANY($1::uuid[])`;
