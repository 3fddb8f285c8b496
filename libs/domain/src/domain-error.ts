/**
 * An expected failure of a use case. The code decides the HTTP status in one place (the problem-details
 * filter); the domain never speaks HTTP.
 */
export const DOMAIN_ERROR_CODES = [
  'not_found',
  'conflict',
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'rate_limited',
  'unprocessable',
  'unsupported_media_type',
  'payload_too_large',
  /** Signed in with a one-time password: everything but changing it (and reading oneself, signing out) is refused. */
  'password_change_required',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly errors: readonly FieldError[] = [],
    readonly extra: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound(what: string): DomainError {
    return new DomainError('not_found', `${what} not found`);
  }

  static invalid(field: string, message: string): DomainError {
    return new DomainError('invalid_input', `${field}: ${message}`, [{ field, message }]);
  }

  static conflict(message: string, field?: string, extra: Record<string, unknown> = {}): DomainError {
    return new DomainError('conflict', message, field ? [{ field, message }] : [], extra);
  }
}
