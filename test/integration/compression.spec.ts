import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { TestApi } from '../support/test-api';

/** API answers of 1 kB and more travel compressed, as the client accepts; small ones as they are. */
describe('compressed answers', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });

  afterAll(async () => {
    await api.stop();
  });

  it('sends a long answer brotli- or gzip-compressed, and the same JSON comes out', async () => {
    const plain = await api.app.inject({ method: 'GET', url: '/api/docs-json' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(1024);
    const br = await api.app.inject({
      method: 'GET',
      url: '/api/docs-json',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(JSON.parse(plain.payload));
    const gz = await api.app.inject({ method: 'GET', url: '/api/docs-json', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString('utf8'))).toEqual(JSON.parse(plain.payload));
  });

  it('leaves a short answer (under 1 kB) as it is', async () => {
    const health = await api.app.inject({ method: 'GET', url: '/api/v1/health', headers: { 'accept-encoding': 'br' } });
    expect(health.statusCode).toBe(200);
    expect(health.headers['content-encoding']).toBeUndefined();
  });
});
