import { IMPORT_CHUNK_DATA, INSERT_IMPORT_CHUNK } from '@unblock/database';
import { Readable } from 'node:stream';
import { uploadTooLarge, uploadQuotaExceeded } from './upload-limits';

/** Uploads are kept in Postgres in pieces of this size, so no process ever holds a whole file. */
export const CHUNK_BYTES = 1024 * 1024;
/** The first bytes of an upload kept for sniffing its format and reading a CSV's header. */
export const HEAD_BYTES = 64 * 1024;

type Query = (sql: string, parameters: unknown[]) => Promise<unknown>;

export interface StoredUpload {
  readonly bytes: number;
  readonly chunks: number;
  /** The first bytes of the file (up to 64 KB, for sniffing its format and a CSV's header). */
  readonly head: Buffer;
}

/** How many bytes an upload may have: its own limit, and what is left of its uploader's quota. */
export interface UploadRoom {
  readonly maxBytes: number;
  readonly quotaBytes: number;
  /** The uploader's bytes already stored. */
  readonly storedBytes: number;
}

/**
 * Writes a stream into `import_chunks` in ~1 MB pieces, in order, through `query` (the caller's
 * transaction). `beforeFirst` sees the first bytes before anything is written, to refuse a bad upload early.
 * The upload is refused (413) as soon as it passes its limit or its uploader's quota, while it streams.
 */
export async function storeChunks(
  query: Query,
  importId: string,
  source: AsyncIterable<Buffer | string>,
  room: UploadRoom,
  beforeFirst: (head: Buffer) => void = () => undefined,
): Promise<StoredUpload> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let bytes = 0;
  let seq = 0;
  let head: Buffer | undefined;
  // One chunk is written while the next one is received.
  let writing: Promise<unknown> = Promise.resolve();
  const flush = async (): Promise<void> => {
    if (pendingBytes === 0) return;
    const data = Buffer.concat(pending, pendingBytes);
    if (head === undefined) {
      head = data.subarray(0, HEAD_BYTES);
      beforeFirst(head);
    }
    pending = [];
    pendingBytes = 0;
    await writing;
    writing = query(INSERT_IMPORT_CHUNK, [importId, seq, data]);
    writing.catch(() => undefined); // awaited before the next chunk and at the end
    seq += 1;
  };
  for await (const piece of source) {
    const buffer = typeof piece === 'string' ? Buffer.from(piece) : piece;
    bytes += buffer.length;
    if (bytes > room.maxBytes) throw uploadTooLarge(room.maxBytes);
    if (room.storedBytes + bytes > room.quotaBytes) throw uploadQuotaExceeded(room.quotaBytes, room.storedBytes);
    pending.push(buffer);
    pendingBytes += buffer.length;
    if (pendingBytes >= CHUNK_BYTES) await flush();
  }
  await flush();
  await writing;
  return { bytes, chunks: seq, head: head ?? Buffer.alloc(0) };
}

/** Reading the stored file failed (the database, not the file): worth another attempt. */
export class ChunkReadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ChunkReadError';
  }
}

/** The pieces a chunk is handed to the parser in, so that parsing never holds the event loop for long. */
const PIECE_BYTES = 64 * 1024;

/**
 * The stored file as a stream, read one chunk at a time, up to `readAhead` chunks ahead of the consumer;
 * each chunk is passed on in pieces of 64 KB.
 */
export function chunkStream(query: Query, importId: string, chunkCount: number, readAhead = 1): Readable {
  let seq = 0;
  return new Readable({
    highWaterMark: readAhead <= 1 ? 1 : readAhead * CHUNK_BYTES,
    read(): void {
      if (seq >= chunkCount) {
        this.push(null);
        return;
      }
      const current = seq;
      seq += 1;
      query(IMPORT_CHUNK_DATA, [importId, current]).then(
        (rows) => {
          const data = (rows as { data: Buffer }[])[0]?.data;
          if (data === undefined) {
            this.destroy(new ChunkReadError(`import ${importId} lost its chunk ${current}`));
            return;
          }
          for (let at = 0; at < data.length; at += PIECE_BYTES) this.push(data.subarray(at, at + PIECE_BYTES));
          if (data.length === 0) this.push(data);
        },
        (error: unknown) =>
          this.destroy(new ChunkReadError(`could not read chunk ${current} of import ${importId}`, { cause: error })),
      );
    },
  });
}
