import type { FieldError } from '@unblock/domain';

/** A UTF-16 surrogate on its own (in a `u` pattern, a well-formed pair is one code point and does not match). */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Keys that name an object's prototype or what every object inherits (`valueOf`, `toString`…):
 * class-transformer and the whitelist skip them silently instead of refusing them as unknown fields.
 */
const PROTOTYPE_KEYS = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** Whether a string is well-formed UTF-16 (no lone surrogate), which Postgres, UTF-8 and hashing need. */
export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/**
 * The first field of a request's value (a body, a query string or a path parameter, walked without
 * recursion) that no DTO may take, named as the validation errors name fields (`contracts.0.contractNo`):
 * text or a key that is not well-formed UTF-16, or a key that reaches a prototype. `name` names the value
 * itself (`body`, `id`). Undefined when there is none.
 */
export function unsafeInput(value: unknown, name: string): FieldError | undefined {
  const pending: [unknown, string | undefined][] = [[value, undefined]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, path] = next;
    if (typeof item === 'string') {
      if (!isWellFormedText(item))
        return { field: path ?? name, message: 'must be well-formed text (it holds a lone surrogate)' };
    } else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        if (!isWellFormedText(key)) return { field: path ?? name, message: 'holds a key with a lone surrogate' };
        const field = path === undefined ? key : `${path}.${key}`;
        if (PROTOTYPE_KEYS.has(key)) return { field, message: `${key} is not a field` };
        pending.push([child, field]);
      }
    }
  }
  return undefined;
}
