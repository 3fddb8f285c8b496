/** Every region's code. */
export const REGION_CODES = `SELECT code FROM regions`;
