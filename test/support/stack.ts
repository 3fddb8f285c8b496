import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { REDIS_URL, TEST_JWT_SECRET, runId } from './environment';
import { startEntryPoint, waitForOutput } from './processes';
import { createTestDatabase, type TestDatabase } from './test-database';

export const ADMIN = { email: 'e2e-admin@test.unblock', password: 'Stack-admin-passphrase' };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface HttpAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

/** The API and worker as separate processes on a database and Redis prefix of their own. */
export class Stack {
  api: ChildProcessWithoutNullStreams | undefined;
  readonly workers: ChildProcessWithoutNullStreams[] = [];
  /** API processes besides the first, each on its own port. */
  readonly otherApis: ChildProcessWithoutNullStreams[] = [];

  private constructor(
    readonly database: TestDatabase,
    readonly env: Record<string, string>,
    readonly port: number,
  ) {}

  static async create(overrides: Record<string, string> = {}): Promise<Stack> {
    const database = await createTestDatabase();
    const port = await freePort();
    return new Stack(
      database,
      {
        DATABASE_URL: database.url,
        REDIS_URL,
        JWT_SECRET: TEST_JWT_SECRET,
        QUEUE_PREFIX: `unblock_t_${runId()}_${randomBytes(3).toString('hex')}`,
        PORT: String(port),
        HOST: '127.0.0.1',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        LOGIN_THROTTLE_LIMIT: '100000',
        SWEEP_INTERVAL_MS: '2000',
        RELAY_INTERVAL_MS: '100',
        LOG_LEVEL: 'info',
        // The tests' webhook receivers listen on 127.0.0.1.
        WEBHOOK_ALLOW_PRIVATE: 'true',
        ...overrides,
      },
      port,
    );
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/api/v1`;
  }

  async startApi(): Promise<void> {
    this.api = startEntryPoint('apps/api/src/main.ts', this.env);
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (this.api.exitCode !== null) throw new Error(`the API exited with ${this.api.exitCode}`);
      try {
        const health = await fetch(`${this.baseUrl}/health`);
        if (health.status === 200) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error('the API did not become healthy');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Another API process on the stack's database and Redis: its base URL, and the process. */
  async startAnotherApi(): Promise<{ baseUrl: string; process: ChildProcessWithoutNullStreams }> {
    const port = await freePort();
    const child = startEntryPoint('apps/api/src/main.ts', { ...this.env, PORT: String(port) });
    this.otherApis.push(child);
    const baseUrl = `http://127.0.0.1:${port}/api/v1`;
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the API on port ${port} exited with ${child.exitCode}`);
      const health = await fetch(`${baseUrl}/health`).catch(() => undefined);
      if (health?.status === 200) return { baseUrl, process: child };
      if (Date.now() > deadline) throw new Error(`the API on port ${port} did not become healthy`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async stopApi(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const api = this.api;
    if (!api || api.exitCode !== null || api.signalCode !== null) return;
    const exited = new Promise((resolve) => api.once('exit', resolve));
    api.kill(signal);
    await exited;
  }

  async startWorker(env: Record<string, string> = {}): Promise<ChildProcessWithoutNullStreams> {
    const worker = startEntryPoint('apps/worker/src/main.ts', { ...this.env, ...env });
    this.workers.push(worker);
    await waitForOutput(worker, /worker ready/u, 60_000);
    return worker;
  }

  async stopWorker(worker: ChildProcessWithoutNullStreams, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (worker.exitCode !== null || worker.signalCode !== null) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.kill(signal);
    await exited;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.workers, ...this.otherApis].map((w) => this.stopWorker(w, 'SIGKILL')));
    await this.stopApi('SIGKILL');
    await this.database.drop();
  }

  async http<T = Record<string, unknown>>(
    method: string,
    path: string,
    token?: string,
    body?: unknown,
  ): Promise<HttpAnswer<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
  }

  async created(path: string, token: string, body: unknown): Promise<string> {
    const answer = await this.http('POST', path, token, body);
    if (answer.status !== 201) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return String(answer.body['id']);
  }

  async login(email: string, password: string): Promise<string> {
    const answer = await this.http<{ accessToken: string }>('POST', '/auth/login', undefined, { email, password });
    if (answer.status !== 200) throw new Error(`login ${email}: ${answer.status}`);
    return answer.body.accessToken;
  }
}

/** Polls until `check` answers a value, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  what: string | (() => string),
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
