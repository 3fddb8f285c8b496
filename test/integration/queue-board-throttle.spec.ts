import { UserEntity } from '@unblock/database';
import { PasswordHasher } from '@unblock/identity';
import { TestApi } from '../support/test-api';

const LIMIT = 5;

/** Bull Board's Basic authentication is throttled as login is: the same counters, the same limits. */
describe('Bull Board at /admin/queues: password guesses', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start({ LOGIN_THROTTLE_LIMIT: String(LIMIT), LOGIN_THROTTLE_WINDOW_SECONDS: '60' });
  });

  afterAll(async () => {
    await api.stop();
  });

  /** An admin made in the database (no login, so that no attempt is counted yet). */
  async function admin(): Promise<{ email: string; password: string }> {
    const email = `admin-${Math.random().toString(36).slice(2)}@test.unblock`;
    const password = `pw-${Math.random().toString(36).slice(2)}`;
    await api.dataSource.getRepository(UserEntity).save({
      email,
      name: 'admin for tests',
      role: 'admin',
      organizationId: null,
      regionCode: null,
      passwordHash: await api.app.get(PasswordHasher).hash(password),
      active: true,
      lastLoginAt: null,
    });
    return { email, password };
  }

  async function board(email: string, password: string, address: string) {
    return api.app.inject({
      method: 'GET',
      url: '/admin/queues/api/queues',
      remoteAddress: address,
      headers: { authorization: `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}` },
    });
  }

  it(`answers the ${LIMIT + 1}th wrong guess from an address 429, and a right password then waits too`, async () => {
    const { email, password } = await admin();
    const statuses: number[] = [];
    for (let i = 0; i < 25; i += 1) statuses.push((await board(email, `wrong-${i}`, '10.1.1.1')).statusCode);
    expect(statuses).toEqual([...Array<number>(LIMIT).fill(401), ...Array<number>(25 - LIMIT).fill(429)]);

    const refused = await board(email, 'wrong-again', '10.1.1.1');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/u);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json()).toMatchObject({ status: 429, title: 'Too Many Requests' });

    const right = await board(email, password, '10.1.1.1');
    expect(right.statusCode).toBe(429);
  });

  it('throttles one account guessed from many addresses, on the board and at login alike', async () => {
    const { email, password } = await admin();
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 2; i += 1)
      statuses.push((await board(email, `wrong-${i}`, `10.2.0.${i + 1}`)).statusCode);
    expect(statuses).toEqual([...Array<number>(LIMIT).fill(401), 429, 429]);
    // The right password from a fresh address waits as well: the account is over its limit.
    expect((await board(email, password, '10.2.1.1')).statusCode).toBe(429);
    // Login counts on the same counters: the board's guesses used the account's attempts up there too.
    const login = await api.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '10.2.2.2',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email, password }),
    });
    expect(login.statusCode).toBe(429);
  });

  it('throttles one address guessing many accounts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 2; i += 1) {
      statuses.push((await board(`nobody-${i}@test.unblock`, 'wrong', '10.3.3.3')).statusCode);
    }
    expect(statuses).toEqual([...Array<number>(LIMIT).fill(401), 429, 429]);
  });

  it('lets an admin in with the right password, and keeps letting the board poll', async () => {
    const { email, password } = await admin();
    for (let i = 0; i < LIMIT * 3; i += 1) expect((await board(email, password, '10.4.4.4')).statusCode).toBe(200);
  });
});
