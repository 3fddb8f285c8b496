import type { XlsxLimits } from '@unblock/config';
import { DomainError } from '@unblock/domain';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import type { Entry, ZipFile } from 'yauzl';
import { ChunkReadError } from './chunks';
import { UnreadableFileError } from './file-record';
import { megabytes, workbookOverCompressed, workbookTooLarge } from './upload-limits';

/** More parts than any workbook we import has (a sheet, its styles, strings, relationships, media). */
export const MAX_WORKBOOK_ENTRIES = 2000;
/** Parts smaller than this may compress as well as they like (an empty sheet compresses 100 times). */
const RATIO_FLOOR_BYTES = 1024 * 1024;
/** The longest text or tag without a `<` read from a workbook's XML (Excel's own cell limit is 32,767 characters). */
export const MAX_MARKUP_GAP_BYTES = 1024 * 1024;

/** The workbook passes one of the limits on reading it: the import fails, with this message. */
export class WorkbookLimitError extends UnreadableFileError {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookLimitError';
  }
}

/** The entries of a zip's central directory (none of them inflated), at most `MAX_WORKBOOK_ENTRIES`. */
export function zipEntries(zip: ZipFile): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    zip.on('entry', (entry: Entry) => {
      entries.set(entry.fileName, entry);
      if (entries.size > MAX_WORKBOOK_ENTRIES) {
        reject(new WorkbookLimitError(`the workbook has more than ${MAX_WORKBOOK_ENTRIES} parts`));
        return;
      }
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    // Kept for the archive's life: a later error reaches whoever reads it, never the process.
    zip.on('error', reject);
    zip.readEntry();
  });
}

/**
 * The upload's check of a workbook, from its central directory alone: sizes and ratios as the archive
 * declares them (the worker counts the real ones while it reads). 413 when it declares more inflated bytes
 * than taken, 422 for a part compressed like a zip bomb, 400 when it is no readable workbook.
 */
export async function checkWorkbookArchive(open: () => Promise<ZipFile>, limits: XlsxLimits): Promise<void> {
  let entries: Map<string, Entry>;
  let zip: ZipFile | undefined;
  try {
    zip = await open();
    entries = await zipEntries(zip);
  } catch (error: unknown) {
    if (error instanceof ChunkReadError) throw error;
    const why = error instanceof Error ? error.message : String(error);
    throw DomainError.invalid('file', `is not a readable .xlsx workbook: ${why}`);
  } finally {
    zip?.close();
  }
  let declared = 0;
  for (const entry of entries.values()) {
    declared += entry.uncompressedSize;
    if (declared > limits.maxInflatedBytes) {
      const total = [...entries.values()].reduce((sum, e) => sum + e.uncompressedSize, 0);
      throw workbookTooLarge(total, limits.maxInflatedBytes);
    }
  }
  for (const entry of entries.values()) {
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > RATIO_FLOOR_BYTES && ratio > limits.maxCompressionRatio) {
      throw workbookOverCompressed(entry.fileName, ratio, limits.maxCompressionRatio);
    }
  }
  if (![...entries.keys()].some((name) => /^xl\/worksheets\/[^/]+\.xml$/u.test(name))) {
    throw DomainError.invalid('file', 'is not an .xlsx workbook: it has no worksheet');
  }
}

/**
 * Counts the bytes a workbook's parts really inflate to, across all the parts read, and the longest run of
 * bytes without a `<` (which an XML parser would hold whole): past either limit the stream fails.
 */
export class InflateBudget {
  private used = 0;

  constructor(private readonly maxBytes: number) {}

  /** A pass-through for one part's inflated bytes that spends this budget. */
  meter(part: string): Transform {
    let gap = 0;
    const spend = (bytes: number): void => {
      this.used += bytes;
      if (this.used > this.maxBytes) {
        throw new WorkbookLimitError(
          `the workbook inflates to more than ${megabytes(this.maxBytes)} (XLSX_MAX_INFLATED_BYTES)`,
        );
      }
    };
    return new Transform({
      transform(chunk: Buffer, _encoding, callback: TransformCallback): void {
        try {
          spend(chunk.length);
          const first = chunk.indexOf(0x3c);
          if (first === -1) gap += chunk.length;
          else {
            if (gap + first > MAX_MARKUP_GAP_BYTES) gap += first;
            else gap = chunk.length - chunk.lastIndexOf(0x3c) - 1;
          }
          if (gap > MAX_MARKUP_GAP_BYTES) {
            throw new WorkbookLimitError(
              `the workbook's part ${part} holds a text or tag longer than ${megabytes(MAX_MARKUP_GAP_BYTES)}`,
            );
          }
          callback(null, chunk);
        } catch (error: unknown) {
          callback(error as Error);
        }
      },
    });
  }
}

/** One part of the archive, inflated, through the budget's meter. */
export function openEntry(zip: ZipFile, entry: Entry, budget: InflateBudget): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) {
        reject(error);
        return;
      }
      const meter = budget.meter(entry.fileName);
      stream.on('error', (cause: Error) => meter.destroy(cause));
      meter.on('close', () => stream.destroy());
      resolve(stream.pipe(meter));
    });
  });
}
