import { IMPORT_CHUNK_DATA, IMPORT_CHUNK_RANGE, IMPORT_CHUNK_SIZES } from '@unblock/database';
import { Readable } from 'node:stream';
import { RandomAccessReader, fromRandomAccessReader, type ZipFile } from 'yauzl';
import { ChunkReadError, chunkStream } from './chunks';

type Query = (sql: string, parameters: unknown[]) => Promise<unknown>;

/** Ranges up to this size are served from the one piece kept in memory (a zip's headers); longer ones stream. */
const SMALL_RANGE = 64 * 1024;
/** Longer ranges are read from Postgres this many bytes at a time. */
const SLICE_BYTES = 256 * 1024;

/**
 * Byte ranges of a file stored in `import_chunks`, for yauzl: a zip is read from its central directory at the
 * end, then entry by entry, without reading the rest. At most one piece (about 1 MB) is held at a time.
 */
class ChunkRangeReader extends RandomAccessReader {
  private cached: { seq: number; data: Buffer } | undefined;

  constructor(
    private readonly query: Query,
    private readonly importId: string,
    /** Offsets of each piece's first byte, and the file's size last. */
    private readonly offsets: readonly number[],
  ) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    return Readable.from(this.pieces(start, end), { objectMode: false });
  }

  private async *pieces(start: number, end: number): AsyncGenerator<Buffer> {
    let at = start;
    while (at < end) {
      const seq = this.seqOf(at);
      const chunkStart = this.offsets[seq] ?? 0;
      const chunkEnd = Math.min(end, this.offsets[seq + 1] ?? end);
      if (chunkEnd <= at) throw new ChunkReadError(`import ${this.importId} has no byte ${at}`);
      if (end - start <= SMALL_RANGE) {
        const data = await this.chunk(seq);
        yield data.subarray(at - chunkStart, chunkEnd - chunkStart);
        at = chunkEnd;
        continue;
      }
      const length = Math.min(SLICE_BYTES, chunkEnd - at);
      yield await this.range(seq, at - chunkStart, length);
      at += length;
    }
  }

  private seqOf(position: number): number {
    let low = 0;
    let high = this.offsets.length - 2;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.offsets[middle] ?? 0) <= position) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  private async chunk(seq: number): Promise<Buffer> {
    if (this.cached?.seq === seq) return this.cached.data;
    const data = await this.rows(IMPORT_CHUNK_DATA, [this.importId, seq], seq);
    this.cached = { seq, data };
    return data;
  }

  private range(seq: number, from: number, length: number): Promise<Buffer> {
    return this.rows(IMPORT_CHUNK_RANGE, [this.importId, seq, from, length], seq);
  }

  private async rows(sql: string, parameters: unknown[], seq: number): Promise<Buffer> {
    let rows: { data: Buffer }[];
    try {
      rows = (await this.query(sql, parameters)) as { data: Buffer }[];
    } catch (error: unknown) {
      throw new ChunkReadError(`could not read chunk ${seq} of import ${this.importId}`, { cause: error });
    }
    const data = rows[0]?.data;
    if (data === undefined) throw new ChunkReadError(`import ${this.importId} lost its chunk ${seq}`);
    return data;
  }
}

/** An uploaded file as it is stored: read as a stream from its start, or as a zip archive from its end. */
export class StoredFile {
  constructor(
    private readonly query: Query,
    readonly importId: string,
    readonly chunkCount: number,
  ) {}

  /** The whole file, in order, up to `readAhead` pieces ahead of the consumer. */
  stream(readAhead = 1): Readable {
    return chunkStream(this.query, this.importId, this.chunkCount, readAhead);
  }

  /**
   * The file as a zip archive (yauzl, entries read one at a time, sizes checked against those declared).
   * Fails as yauzl does when the file is no zip archive.
   */
  async openZip(): Promise<ZipFile> {
    const sizes = (await this.query(IMPORT_CHUNK_SIZES, [this.importId])) as { bytes: number | string }[];
    const offsets = [0];
    for (const { bytes } of sizes) offsets.push((offsets[offsets.length - 1] ?? 0) + Number(bytes));
    const size = offsets[offsets.length - 1] ?? 0;
    const reader = new ChunkRangeReader(this.query, this.importId, offsets);
    return new Promise((resolve, reject) => {
      fromRandomAccessReader(
        reader,
        size,
        { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false },
        (error, zip) => (error ? reject(error) : resolve(zip)),
      );
    });
  }
}
