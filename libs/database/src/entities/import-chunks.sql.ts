/** An upload is kept in `import_chunks` in pieces, numbered in order from 0, until its import completes. */

/** Stores the piece $2 (its number) of the import $1's file: the bytes $3. */
export const INSERT_IMPORT_CHUNK = `INSERT INTO import_chunks (import_id, seq, data) VALUES ($1, $2, $3)`;

/** The bytes of the piece $2 of the import $1's file. */
export const IMPORT_CHUNK_DATA = `SELECT data FROM import_chunks WHERE import_id = $1 AND seq = $2`;

/** Drops the stored file of the import $1 (it completed). */
export const DELETE_IMPORT_CHUNKS = `DELETE FROM import_chunks WHERE import_id = $1`;

/** The size in bytes of each piece of the import $1's file, in order (read from the TOAST pointer, not the bytes). */
export const IMPORT_CHUNK_SIZES = `SELECT seq, octet_length(data) AS bytes FROM import_chunks WHERE import_id = $1 ORDER BY seq`;

/**
 * $4 bytes of the piece $2 of the import $1's file, from its byte $3 (0-based). The bytes are stored out of
 * line uncompressed, so Postgres reads only the slices that hold them.
 */
export const IMPORT_CHUNK_RANGE = `SELECT substring(data FROM $3::int + 1 FOR $4::int) AS data FROM import_chunks WHERE import_id = $1 AND seq = $2`;
