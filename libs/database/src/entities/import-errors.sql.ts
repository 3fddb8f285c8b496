/**
 * The rejected rows of the import $1, given as parallel arrays: row numbers $2, fields $3, reasons $4; a
 * row already recorded (by an earlier run) is left alone.
 */
export const INSERT_IMPORT_ERRORS = `INSERT INTO import_errors (import_id, row_number, field, reason)
  SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[]) ON CONFLICT DO NOTHING`;

/** Up to $3 rejected rows of the import $1 after row $2, in row order. */
export const IMPORT_ERRORS_PAGE = `SELECT row_number AS row, field, reason FROM import_errors
  WHERE import_id = $1 AND row_number > $2 ORDER BY row_number LIMIT $3`;
