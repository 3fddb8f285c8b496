import { DomainError } from '@unblock/domain';

/** Bytes as a person reads them: `100 MB`, `1.5 GB`. */
export function megabytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return mb >= 1024 ? `${+(mb / 1024).toFixed(2)} GB` : `${+mb.toFixed(2)} MB`;
}

/** 413: the upload is larger than `UPLOAD_MAX_BYTES`. */
export function uploadTooLarge(maxBytes: number): DomainError {
  const message = `is larger than ${megabytes(maxBytes)}, the largest upload taken`;
  return new DomainError('payload_too_large', `file: ${message}`, [{ field: 'file', message }], {
    maxBytes,
  });
}

/** 413: with this upload, the uploader's stored uploads would pass `UPLOAD_QUOTA_BYTES`. */
export function uploadQuotaExceeded(quotaBytes: number, storedBytes: number): DomainError {
  const message =
    `would pass your upload quota of ${megabytes(quotaBytes)} (${megabytes(storedBytes)} already stored by ` +
    'imports not yet completed); wait for them to complete';
  return new DomainError('payload_too_large', `file: ${message}`, [{ field: 'file', message }], {
    quotaBytes,
    storedBytes,
  });
}

/** 413: the workbook declares that it inflates to more than `XLSX_MAX_INFLATED_BYTES`. */
export function workbookTooLarge(declaredBytes: number, maxBytes: number): DomainError {
  const message = `is a workbook that inflates to ${megabytes(declaredBytes)}, more than the ${megabytes(maxBytes)} taken`;
  return new DomainError('payload_too_large', `file: ${message}`, [{ field: 'file', message }], {
    maxInflatedBytes: maxBytes,
  });
}

/** 422: a part of the workbook declares a compression ratio no spreadsheet has (a zip bomb). */
export function workbookOverCompressed(part: string, ratio: number, maxRatio: number): DomainError {
  const message = `is a workbook whose part ${part} inflates ${Math.round(ratio)} times (at most ${maxRatio} taken)`;
  return new DomainError('unprocessable', `file: ${message}`, [{ field: 'file', message }], {
    maxCompressionRatio: maxRatio,
  });
}
