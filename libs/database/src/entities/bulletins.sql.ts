/** A bulletin of region $1 and day $2 with content $3 (jsonb), unless that region's bulletin of the day is written. */
export const INSERT_BULLETIN = `INSERT INTO bulletins (region_code, day, content) VALUES ($1, $2, $3::jsonb)
ON CONFLICT (region_code, day) DO NOTHING RETURNING id`;
