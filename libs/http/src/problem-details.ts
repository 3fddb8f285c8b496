import type { FieldError } from '@unblock/domain';

/** RFC 9457 problem details, as every error of the API answers. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly errors?: readonly FieldError[];
  readonly [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const TYPE_BASE = 'https://unblock.example/problems/';

export function problem(
  status: number,
  slug: string,
  title: string,
  detail: string,
  extra: Record<string, unknown> = {},
): ProblemDetails {
  return { type: `${TYPE_BASE}${slug}`, title, status, detail, ...extra };
}
