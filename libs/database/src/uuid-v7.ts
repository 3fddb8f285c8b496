import { randomBytes } from 'node:crypto';

const POOL_IDS = 4096;
let pool = Buffer.alloc(0);
let at = 0;

/**
 * A time-ordered UUID (RFC 9562 version 7): 48 bits of Unix milliseconds, then 74 random bits. Rows keyed by
 * it append to the right edge of their primary key's index instead of landing on a random page.
 */
export function uuidV7(now: number = Date.now()): string {
  if (at + 10 > pool.length) {
    pool = randomBytes(POOL_IDS * 10);
    at = 0;
  }
  const bytes = Buffer.allocUnsafe(16);
  bytes.writeUIntBE(now, 0, 6);
  pool.copy(bytes, 6, at, at + 10);
  at += 10;
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
