import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '@unblock/config';
import { UserEntity } from '@unblock/database';
import type { Clock, Role } from '@unblock/domain';
import { PasswordHasher } from '@unblock/identity';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { REDIS_URL, TEST_JWT_SECRET, runId } from './environment';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface HttpResult<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
  readonly headers: Record<string, string | number | string[] | undefined>;
}

export interface RequestOptions {
  readonly token?: string | undefined;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** A raw payload sent as it is (e.g. malformed JSON). */
  readonly raw?: string;
}

/** The API exactly as it runs in production, on a database of the test file's own. */
export class TestApi {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly database: TestDatabase,
    readonly dataSource: DataSource,
    readonly config: AppConfig,
  ) {}

  static async start(overrides: Record<string, string> = {}, options: { clock?: Clock } = {}): Promise<TestApi> {
    const database = await createTestDatabase();
    const config = AppConfig.from({
      DATABASE_URL: database.url,
      REDIS_URL,
      JWT_SECRET: TEST_JWT_SECRET,
      QUEUE_PREFIX: `unblock_t_${runId()}_${randomBytes(3).toString('hex')}`,
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      LOGIN_THROTTLE_LIMIT: '100000',
      // The tests' webhook receivers listen on 127.0.0.1; the webhook address guard is tested with it off.
      WEBHOOK_ALLOW_PRIVATE: 'true',
      ...overrides,
    });
    const app = await createApiApp(config, { logs: false, ...options });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return new TestApi(app, database, app.get(DataSource), config);
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.database.drop();
  }

  async request<T = Record<string, unknown>>(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    options: RequestOptions = {},
  ): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
    let payload: string | undefined;
    if (options.raw !== undefined) {
      payload = options.raw;
      headers['content-type'] ??= 'application/json';
    } else if (options.body !== undefined) {
      payload = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const response = await this.app.inject({ method, url, headers, ...(payload !== undefined ? { payload } : {}) });
    const text = response.body;
    let body: unknown = text;
    if (text.length > 0 && /json/u.test(String(response.headers['content-type']))) body = JSON.parse(text) as unknown;
    return { status: response.statusCode, body: body as T, headers: response.headers };
  }

  /** Creates a user directly (bypassing the API) and answers an access token for it. */
  async userToken(
    role: Role,
    scope: { organizationId?: string | null; regionCode?: string | null } = {},
  ): Promise<{ token: string; userId: string; email: string; password: string }> {
    const email = `${role}-${randomBytes(4).toString('hex')}@test.unblock`;
    const password = `pw-${randomBytes(8).toString('hex')}`;
    const hasher = this.app.get(PasswordHasher);
    const user = await this.dataSource.getRepository(UserEntity).save({
      email,
      name: `${role} for tests`,
      role,
      organizationId: scope.organizationId ?? null,
      regionCode: scope.regionCode ?? null,
      passwordHash: await hasher.hash(password),
      active: true,
      lastLoginAt: null,
    });
    const login = await this.request<{ accessToken: string }>('POST', '/api/v1/auth/login', {
      body: { email, password },
    });
    if (login.status !== 200) throw new Error(`login failed: ${login.status} ${JSON.stringify(login.body)}`);
    return { token: login.body.accessToken, userId: user.id, email, password };
  }

  /** Row counts of the named tables, to assert that a refused request wrote nothing. */
  async counts(tables: readonly string[]): Promise<Record<string, number>> {
    const result: Record<string, number> = {};
    for (const table of tables) {
      const rows = await this.dataSource.query<{ n: string }[]>(`SELECT count(*)::text AS n FROM "${table}"`);
      result[table] = Number(rows[0]?.n ?? -1);
    }
    return result;
  }
}
