import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { AppConfig } from '@unblock/config';

function emailOf(request: Record<string, unknown>): string {
  const body = request['body'];
  const email = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)['email'] : undefined;
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
}

/**
 * Login is throttled twice: per client address and per account (the email tried), so neither one
 * address guessing many accounts nor many addresses guessing one account get far.
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
        getTracker: (request: Record<string, unknown>) => `account:${emailOf(request)}`,
      },
    ],
  };
}
