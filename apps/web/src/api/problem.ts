/** One invalid field as the API names it (`errors: [{field, message}]` of an RFC 9457 problem). */
export interface FieldError {
  field: string;
  message: string;
}

/** An answer of the API that is not a success: RFC 9457 problem details, kept whole. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: readonly FieldError[],
    readonly extra: Record<string, unknown>,
  ) {
    super(detail || title);
    this.name = 'ApiProblem';
  }

  /** From a problem body (or anything else the server answered). */
  static from(status: number, body: unknown): ApiProblem {
    const problem = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const errors = Array.isArray(problem['errors'])
      ? problem['errors'].filter(
          (e): e is FieldError =>
            typeof e === 'object' &&
            e !== null &&
            typeof (e as FieldError).field === 'string' &&
            typeof (e as FieldError).message === 'string',
        )
      : [];
    const { title, detail, ...extra } = problem;
    return new ApiProblem(
      status,
      typeof title === 'string' ? title : `HTTP ${status}`,
      typeof detail === 'string' ? detail : '',
      errors,
      extra,
    );
  }

  /** The messages by field name (`bottlenecks.0` counts as `bottlenecks`). */
  fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const { field, message } of this.errors) {
      const name = field.split('.')[0] ?? field;
      byField[name] = byField[name] ? `${byField[name]}; ${message}` : message;
    }
    return byField;
  }
}

/** The request never got an answer: offline, DNS, a dropped connection. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : 'network error');
    this.name = 'NetworkError';
  }
}

/** The session ended and could not be refreshed: the user has to sign in again. */
export class SessionExpired extends Error {
  constructor() {
    super('session expired');
    this.name = 'SessionExpired';
  }
}
