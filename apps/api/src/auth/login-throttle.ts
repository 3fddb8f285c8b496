import type { ThrottlerModuleOptions, ThrottlerStorage } from '@nestjs/throttler';
import type { AppConfig } from '@unblock/config';

function emailOf(request: Record<string, unknown>): string {
  const body = request['body'];
  const email = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)['email'] : undefined;
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
}

/** The account a password is tried for, as the throttle tracks it: an email tried at login or at the board. */
function accountTracker(email: string): string {
  return `account:${email}`;
}

/** The account an attempt is at: the email tried at login; the signed-in user at a password change. */
function accountOf(request: Record<string, unknown>): string {
  const actor = request['actor'] as { userId?: unknown } | undefined;
  return typeof actor?.userId === 'string' ? `user:${actor.userId}` : accountTracker(emailOf(request));
}

/**
 * The key of a throttler's counter for a tracker (an address, an account). Not the route's: every door that
 * takes a password (login, a password change, Bull Board) counts on the same counters, so that several doors
 * give no more guesses than one.
 */
function passwordAttemptsKey(throttler: string, tracker: string): string {
  return `password-attempts:${throttler}:${tracker}`;
}

/**
 * Password attempts are throttled twice: per client address and per account, so neither one address guessing
 * many accounts nor many addresses guessing one account get far.
 */
export function loginThrottle(config: AppConfig): ThrottlerModuleOptions {
  const ttl = config.loginThrottle.windowSeconds * 1000;
  const limit = config.loginThrottle.limit;
  return {
    throttlers: [
      { name: 'address', ttl, limit },
      {
        name: 'account',
        ttl,
        limit,
        getTracker: accountOf,
      },
    ],
    generateKey: (_context, tracker, throttler) => passwordAttemptsKey(throttler, tracker),
  };
}

/**
 * Counts one password attempt for `email` from `address` (normalized as the login's guard does) on the
 * login's counters, with its limits. Answers the seconds to wait when the address or the account is over
 * the limit (the attempt must then be refused unchecked), else null.
 */
export async function countPasswordAttempt(
  storage: ThrottlerStorage,
  config: AppConfig,
  address: string,
  email: string,
): Promise<number | null> {
  const ttl = config.loginThrottle.windowSeconds * 1000;
  const limit = config.loginThrottle.limit;
  const records = await Promise.all([
    storage.increment(passwordAttemptsKey('address', address), ttl, limit, ttl, 'address'),
    storage.increment(passwordAttemptsKey('account', accountTracker(email)), ttl, limit, ttl, 'account'),
  ]);
  const blocked = records.filter((record) => record.isBlocked);
  return blocked.length === 0 ? null : Math.max(...blocked.map((record) => record.timeToBlockExpire));
}
