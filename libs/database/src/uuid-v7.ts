import { randomBytes } from 'node:crypto';

const POOL_IDS = 4096;
let pool = Buffer.alloc(0);
let at = 0;

/** The last id's milliseconds and its counter within them: ids made in one process only grow. */
let lastMs = 0;
let counter = 0;

/**
 * A time-ordered UUID (RFC 9562 version 7): 48 bits of Unix milliseconds, 12 bits of a counter within the
 * millisecond (method 1 of RFC 9562 §6.2), then 62 random bits. Ids made here grow strictly, so rows keyed by
 * them append to the right edge of their primary key's index: neither a random page nor, within one
 * millisecond, half-filled pages split in the middle.
 */
export function uuidV7(now: number = Date.now()): string {
  if (at + 8 > pool.length) {
    pool = randomBytes(POOL_IDS * 8);
    at = 0;
  }
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (counter < 4095) {
    counter += 1;
  } else {
    lastMs += 1;
    counter = 0;
  }
  const ms = lastMs;
  const bytes = Buffer.allocUnsafe(16);
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  pool.copy(bytes, 8, at, at + 8);
  at += 8;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
