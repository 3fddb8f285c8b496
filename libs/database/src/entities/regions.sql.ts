/** Every region's code and name. */
export const REGION_CODES = `SELECT code, name FROM regions`;
