/** An upload is kept in `import_chunks` in pieces, numbered in order from 0, until its import completes. */

/** Stores the piece $2 (its number) of the import $1's file: the bytes $3. */
export const INSERT_IMPORT_CHUNK = `INSERT INTO import_chunks (import_id, seq, data) VALUES ($1, $2, $3)`;

/** The bytes of the piece $2 of the import $1's file. */
export const IMPORT_CHUNK_DATA = `SELECT data FROM import_chunks WHERE import_id = $1 AND seq = $2`;

/** Drops the stored file of the import $1 (it completed). */
export const DELETE_IMPORT_CHUNKS = `DELETE FROM import_chunks WHERE import_id = $1`;
