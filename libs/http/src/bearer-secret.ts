import { createHash, timingSafeEqual } from 'node:crypto';

const BEARER = /^Bearer (\S+)$/u;

/**
 * Whether an `Authorization` header carries `Bearer <secret>`, compared in constant time: both sides are
 * hashed first, so neither their contents nor their lengths show in the time taken.
 */
export function bearerMatches(header: string | undefined, secret: string): boolean {
  const given = typeof header === 'string' ? (BEARER.exec(header)?.[1] ?? '') : '';
  const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(secret)) && given !== '';
}
