import { bearerMatches } from './bearer-secret';

describe('bearerMatches', () => {
  const secret = 'a-metrics-token-1234';

  it('takes the secret as a bearer token', () => {
    expect(bearerMatches(`Bearer ${secret}`, secret)).toBe(true);
  });

  it('refuses anything else', () => {
    expect(bearerMatches(undefined, secret)).toBe(false);
    expect(bearerMatches('', secret)).toBe(false);
    expect(bearerMatches(secret, secret)).toBe(false);
    expect(bearerMatches(`Basic ${secret}`, secret)).toBe(false);
    expect(bearerMatches(`Bearer ${secret}x`, secret)).toBe(false);
    expect(bearerMatches(`Bearer ${secret.slice(1)}`, secret)).toBe(false);
    expect(bearerMatches('Bearer ', '')).toBe(false);
  });
});
