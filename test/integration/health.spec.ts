import { TestApi } from '../support/test-api';

describe('operations endpoints', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });

  afterAll(async () => {
    await api.stop();
  });

  it('GET /api/v1/health answers 200 with Postgres and Redis up, without a token', async () => {
    const response = await api.request('GET', '/api/v1/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      details: { postgres: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('GET /api/docs-json serves the OpenAPI document built from the DTOs', async () => {
    const response = await api.request<{
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    }>('GET', '/api/docs-json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toMatch(/^3\./u);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/enterprises/{id}']),
    );
  });

  it('answers an unknown route with a problem-details 404', async () => {
    const response = await api.request('GET', '/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/u);
    expect(response.body).toMatchObject({ status: 404, title: 'Not Found' });
  });

  it('carries the request id given, or a new one, back in X-Request-Id', async () => {
    const given = await api.request('GET', '/api/v1/health', { headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers['x-request-id']).toBe('abc-123');
    const fresh = await api.request('GET', '/api/v1/health');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/u);
  });

  it("sends the API's security headers on every API answer, found or not", async () => {
    for (const url of ['/api/v1/health', '/api/v1/nowhere']) {
      const response = await api.request('GET', url);
      // The health check sets its own, stricter still.
      expect(response.headers['cache-control']).toMatch(/\bno-store\b/u);
      expect(response.headers['content-security-policy']).toBe(`default-src 'none'; frame-ancestors 'none'`);
      expect(response.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(response.headers['referrer-policy']).toBeUndefined();
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
    }
  });

  it("sends helmet's headers for documents on the docs pages", async () => {
    const response = await api.request('GET', '/api/docs');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/u);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain(`default-src 'self'`);
    expect(response.headers['content-security-policy']).toContain(`script-src 'self'`);
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });
});
