/**
 * Enterprises imported from a file: COPY's text format, one line per enterprise with these columns in this
 * order, tab-separated: uscc, name, region_code, chain_id, chain_role, size, tags (an array literal).
 */
export const COPY_ENTERPRISES = `COPY enterprises (uscc, name, region_code, chain_id, chain_role, size, tags, contact_name, contact_phone) FROM STDIN`;

/** Which of the unified social credit codes $1 an enterprise has. */
export const USCCS_TAKEN = `SELECT uscc FROM enterprises WHERE uscc = ANY($1::text[])`;

/** The enterprises with the unified social credit codes $1: id, code and region. */
export const ENTERPRISES_BY_USCC = `SELECT id, uscc, region_code FROM enterprises WHERE uscc = ANY($1::text[])`;

/** The enterprises $1 (ids) and their regions. */
export const ENTERPRISES_BY_ID = `SELECT id, region_code FROM enterprises WHERE id = ANY($1::uuid[])`;

/** The enterprises named $1 (names as written), and their regions: a 申报清单 may name an enterprise by its name. */
export const ENTERPRISES_BY_NAME = `SELECT id, name, region_code FROM enterprises WHERE name = ANY($1::text[])`;
