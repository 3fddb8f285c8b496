import { createHmac } from 'node:crypto';
import { TEST_JWT_SECRET } from './environment';

function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function sign(header: object, claims: object, secret: string): string {
  const unsigned = `${b64(header)}.${b64(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

function claimsFor(userId: string, role: string, overrides: object = {}): object {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: userId,
    role,
    org: null,
    rgn: null,
    typ: 'access',
    iat: now,
    exp: now + 600,
    iss: 'unblock',
    aud: 'unblock-api',
    ...overrides,
  };
}

/** Tokens the API must refuse, each for another reason. */
export function badTokens(userId: string, role = 'admin'): Record<string, string> {
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'HS256', typ: 'JWT' };
  return {
    expired: sign(header, claimsFor(userId, role, { iat: now - 7200, exp: now - 3600 }), TEST_JWT_SECRET),
    'signed by another key': sign(header, claimsFor(userId, role), 'another-secret-of-at-least-thirty-two-chars'),
    'alg none': `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claimsFor(userId, role))}.`,
    'wrong audience': sign(header, claimsFor(userId, role, { aud: 'somebody-else' }), TEST_JWT_SECRET),
    'wrong issuer': sign(header, claimsFor(userId, role, { iss: 'somebody-else' }), TEST_JWT_SECRET),
    garbage: 'not-a-token',
  };
}
