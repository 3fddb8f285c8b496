import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { AppConfig } from '@unblock/config';

function emailOf(request: Record<string, unknown>): string {
  const body = request['body'];
  const email = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)['email'] : undefined;
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
}

/** The account an attempt is at: the email tried at login; the signed-in user at a password change. */
function accountOf(request: Record<string, unknown>): string {
  const actor = request['actor'] as { userId?: unknown } | undefined;
  return typeof actor?.userId === 'string' ? `user:${actor.userId}` : `account:${emailOf(request)}`;
}

/**
 * Login (and a password change, which tries the current password) is throttled twice: per client address
 * and per account, so neither one address guessing many accounts nor many addresses guessing one account
 * get far.
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
  };
}
