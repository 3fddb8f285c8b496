import { randomUUID } from 'node:crypto';
import { TestApi } from '../support/test-api';

const LIMIT = 3;
const PROXY = '127.0.0.1';

/** A wrong login from `remoteAddress`, claiming to be forwarded for `forwardedFor`; answers the status. */
async function wrongLogin(api: TestApi, n: number, forwardedFor: string, remoteAddress = PROXY): Promise<number> {
  const response = await api.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress,
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    // A fresh account each time: only the per-address count can stop these.
    payload: JSON.stringify({ email: `guess-${n}-${randomUUID()}@test.unblock`, password: 'wrong-password' }),
  });
  return response.statusCode;
}

/** Creates a region from 127.0.0.1 with `X-Forwarded-For`; answers the address its audit record holds. */
async function auditedAddress(api: TestApi, forwardedFor: string): Promise<string | null> {
  const admin = await api.userToken('admin');
  const requestId = `trust-proxy-${randomUUID()}`;
  const created = await api.request('POST', '/api/v1/regions', {
    token: admin.token,
    body: { code: '410000', name: '河南省' },
    headers: { 'x-forwarded-for': forwardedFor, 'x-request-id': requestId },
  });
  expect(created.status).toBe(201);
  const rows = await api.dataSource.query<{ ip: string | null }[]>(
    'SELECT ip FROM audit_records WHERE request_id = $1',
    [requestId],
  );
  expect(rows).toHaveLength(1);
  return rows[0]?.ip ?? null;
}

describe('X-Forwarded-For with no TRUST_PROXY', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start({ LOGIN_THROTTLE_LIMIT: String(LIMIT), LOGIN_THROTTLE_WINDOW_SECONDS: '60' });
  });

  afterAll(async () => {
    await api.stop();
  });

  it('is ignored by the per-address throttle: a new forged address per guess still gets 429', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= LIMIT + 2; i += 1) statuses.push(await wrongLogin(api, i, `203.0.113.${i}`, '10.7.7.7'));
    expect(statuses).toEqual([...Array<number>(LIMIT).fill(401), 429, 429]);
  });

  it('does not forge the address of the audit record', async () => {
    expect(await auditedAddress(api, '198.51.100.7')).toBe('127.0.0.1');
  });
});

describe('X-Forwarded-For with TRUST_PROXY=127.0.0.1', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start({
      LOGIN_THROTTLE_LIMIT: String(LIMIT),
      LOGIN_THROTTLE_WINDOW_SECONDS: '60',
      TRUST_PROXY: PROXY,
    });
  });

  afterAll(async () => {
    await api.stop();
  });

  it('is believed from the proxy: each client address has its own count', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= LIMIT + 2; i += 1) statuses.push(await wrongLogin(api, i, `203.0.113.${i}`));
    expect(statuses).toEqual(Array<number>(LIMIT + 2).fill(401));
    // One client behind the proxy is still throttled by its own address.
    const same: number[] = [];
    for (let i = 1; i <= LIMIT + 1; i += 1) same.push(await wrongLogin(api, 100 + i, '203.0.113.200'));
    expect(same).toEqual([...Array<number>(LIMIT).fill(401), 429]);
  });

  it('puts the forwarded client address in the audit record', async () => {
    expect(await auditedAddress(api, '198.51.100.7')).toBe('198.51.100.7');
  });
});
