import { apiCacheName, isOfflineRead, tokenSubject } from './api-cache';

function token(claims: object): string {
  const part = (value: object): string =>
    btoa(JSON.stringify(value)).replace(/\+/gu, '-').replace(/\//gu, '_').replace(/=+$/u, '');
  return `Bearer ${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.signature`;
}

describe('what the service worker keeps of the API, and for whom', () => {
  const userId = '6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b';

  it("reads the user from the bearer token's subject", () => {
    expect(tokenSubject(token({ sub: userId, role: 'field_officer' }))).toBe(userId);
    expect(apiCacheName(userId)).toBe(`unblock-api-${userId}`);
  });

  it('keeps nothing for a request without a readable token', () => {
    expect(tokenSubject(null)).toBeUndefined();
    expect(tokenSubject('Basic abc')).toBeUndefined();
    expect(tokenSubject('Bearer not-a-jwt')).toBeUndefined();
    expect(tokenSubject('Bearer a.%%%.c')).toBeUndefined();
    expect(tokenSubject(token({ sub: 'admin' }))).toBeUndefined();
    expect(tokenSubject(token({ role: 'field_officer' }))).toBeUndefined();
  });

  it('keeps the reads of enterprises and campaigns, never a write, nothing else', () => {
    expect(isOfflineRead('GET', '/api/v1/enterprises')).toBe(true);
    expect(isOfflineRead('GET', `/api/v1/enterprises/${userId}`)).toBe(true);
    expect(isOfflineRead('GET', '/api/v1/campaigns')).toBe(true);
    expect(isOfflineRead('POST', '/api/v1/enterprises')).toBe(false);
    expect(isOfflineRead('PATCH', `/api/v1/campaigns/${userId}`)).toBe(false);
    expect(isOfflineRead('GET', `/api/v1/enterprises/${userId}/links`)).toBe(false);
    expect(isOfflineRead('GET', '/api/v1/cases')).toBe(false);
    expect(isOfflineRead('GET', '/api/v1/me')).toBe(false);
  });
});
