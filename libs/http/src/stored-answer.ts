/**
 * Not a failure: the answer kept for an earlier request with the same `Idempotency-Key`, thrown by the
 * guard that found it so the request runs no further. `ProblemDetailsFilter` sends it again as it was,
 * with `Idempotent-Replayed: true`.
 */
export class StoredAnswer extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: unknown,
  ) {
    super('the answer kept for this Idempotency-Key');
    this.name = 'StoredAnswer';
  }
}

/** The header of an answer sent again for a repeated `Idempotency-Key`. */
export const REPLAYED_HEADER = 'idempotent-replayed';
