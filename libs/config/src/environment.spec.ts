import { AppConfig } from './app-config';
import { ConfigError, parseEnvironment } from './environment';

const base = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/unblock',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SECRET: 'x'.repeat(32),
};

function failure(env: Record<string, string | undefined>): string {
  try {
    parseEnvironment(env);
  } catch (error: unknown) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('environment', () => {
  it('applies defaults', () => {
    const config = AppConfig.from(base);
    expect(config.http.port).toBe(3000);
    expect(config.queuePrefix).toBe('unblock');
    expect(config.bootstrapAdmin).toBeNull();
  });

  it('names a missing variable in one line', () => {
    expect(failure({ ...base, DATABASE_URL: undefined })).toBe('configuration error: DATABASE_URL is missing');
    expect(failure({ ...base, JWT_SECRET: '' })).toBe('configuration error: JWT_SECRET is missing');
  });

  it('names a bad variable in one line', () => {
    expect(failure({ ...base, PORT: 'eighty' })).toMatch(/^configuration error: PORT (.*; )?must be a whole number/u);
    expect(failure({ ...base, PORT: '70000' })).toBe('configuration error: PORT must not be greater than 65535');
    expect(failure({ ...base, REDIS_URL: 'localhost:6379' })).toBe(
      'configuration error: REDIS_URL must be a redis:// URL',
    );
    expect(failure({ ...base, JWT_SECRET: 'short' })).toBe(
      'configuration error: JWT_SECRET must be at least 32 characters',
    );
  });

  it('takes the console’s public URL for enterprise links, without its trailing slash', () => {
    expect(AppConfig.from(base).publicUrl).toBeNull();
    expect(AppConfig.from({ ...base, PUBLIC_URL: 'https://unblock.example.cn/' }).publicUrl).toBe(
      'https://unblock.example.cn',
    );
    expect(failure({ ...base, PUBLIC_URL: 'unblock.example.cn' })).toBe(
      'configuration error: PUBLIC_URL must be an http(s) URL',
    );
  });

  it('runs the queues on a Redis Cluster when given its nodes, under a hash-tagged prefix', () => {
    expect(AppConfig.from(base)).toMatchObject({ redisClusterNodes: null, queuePrefix: 'unblock' });
    expect(AppConfig.from({ ...base, REDIS_CLUSTER_NODES: 'redis-a:7000,10.0.0.2:7001' })).toMatchObject({
      redisClusterNodes: [
        { host: 'redis-a', port: 7000 },
        { host: '10.0.0.2', port: 7001 },
      ],
      queuePrefix: '{unblock}',
    });
    expect(
      AppConfig.from({ ...base, REDIS_CLUSTER_NODES: 'redis-a:7000', QUEUE_PREFIX: 'p:{unblock}' }).queuePrefix,
    ).toBe('p:{unblock}');
    expect(() => AppConfig.from({ ...base, REDIS_CLUSTER_NODES: 'redis-a' })).toThrow(/REDIS_CLUSTER_NODES/u);
    expect(AppConfig.from(base).idempotencyLeaseMs).toBe(120_000);
  });

  it('takes the bootstrap admin only as a pair', () => {
    expect(failure({ ...base, ADMIN_EMAIL: 'admin@example.com' })).toMatch(/^configuration error: ADMIN_PASSWORD/u);
    const config = AppConfig.from({ ...base, ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: 'a-long-password' });
    expect(config.bootstrapAdmin).toEqual({ email: 'admin@example.com', password: 'a-long-password' });
  });

  it('limits uploads and workbooks by default, and takes other limits', () => {
    const config = AppConfig.from(base);
    expect(config.uploads).toEqual({ maxBytes: 100 * 1024 * 1024, quotaBytes: 1024 * 1024 * 1024 });
    expect(config.xlsx).toEqual({
      maxInflatedBytes: 1024 * 1024 * 1024,
      maxCompressionRatio: 100,
      maxSharedStrings: 2_000_000,
      maxSharedStringChars: 100_000_000,
      maxCells: 20_000_000,
    });
    expect(AppConfig.from({ ...base, UPLOAD_MAX_BYTES: '2048', XLSX_MAX_CELLS: '10' })).toMatchObject({
      uploads: { maxBytes: 2048 },
      xlsx: { maxCells: 10 },
    });
    expect(failure({ ...base, UPLOAD_MAX_BYTES: '100MB' })).toMatch(
      /^configuration error: UPLOAD_MAX_BYTES .*whole number/u,
    );
    expect(failure({ ...base, UPLOAD_QUOTA_BYTES: '12' })).toMatch(/^configuration error: UPLOAD_QUOTA_BYTES/u);
  });

  it('guards webhooks unless WEBHOOK_ALLOW_PRIVATE allows all private addresses or some ranges', () => {
    expect(AppConfig.from(base).webhooks).toEqual({ allowPrivate: false, allowedRanges: [] });
    expect(AppConfig.from({ ...base, WEBHOOK_ALLOW_PRIVATE: 'true' }).webhooks).toEqual({
      allowPrivate: true,
      allowedRanges: [],
    });
    expect(AppConfig.from({ ...base, WEBHOOK_ALLOW_PRIVATE: '10.1.2.0/24, fd12::/64' }).webhooks).toEqual({
      allowPrivate: false,
      allowedRanges: ['10.1.2.0/24', 'fd12::/64'],
    });
    expect(failure({ ...base, WEBHOOK_ALLOW_PRIVATE: 'yes' })).toBe(
      'configuration error: WEBHOOK_ALLOW_PRIVATE must be true, false or address ranges such as 10.1.2.0/24',
    );
  });

  it('believes no proxy unless told, and takes addresses and CIDR blocks', () => {
    expect(AppConfig.from(base).trustProxy).toEqual([]);
    expect(AppConfig.from({ ...base, TRUST_PROXY: ' 127.0.0.1, 10.0.0.0/8,fd00::/8 ,::1' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      'fd00::/8',
      '::1',
    ]);
  });

  it('refuses a bad proxy list, naming the bad entry', () => {
    expect(failure({ ...base, TRUST_PROXY: '127.0.0.1,proxy.local' })).toBe(
      'configuration error: TRUST_PROXY must be a comma-separated list of IP addresses or CIDR blocks ' +
        '(e.g. 10.0.0.1,10.1.0.0/16); "proxy.local" is neither',
    );
    expect(failure({ ...base, TRUST_PROXY: '10.0.0.0/33' })).toMatch(
      /^configuration error: TRUST_PROXY .*"10\.0\.0\.0\/33"/u,
    );
    expect(failure({ ...base, TRUST_PROXY: '256.1.1.1' })).toMatch(/^configuration error: TRUST_PROXY /u);
    expect(failure({ ...base, TRUST_PROXY: ' , ' })).toMatch(/^configuration error: TRUST_PROXY /u);
  });

  it('serves metrics only behind a token', () => {
    expect(AppConfig.from(base).metrics).toEqual({ token: null, workerPort: null, workerHost: '127.0.0.1' });
    expect(failure({ ...base, METRICS_TOKEN: 'short' })).toBe(
      'configuration error: METRICS_TOKEN must be at least 16 characters',
    );
    expect(failure({ ...base, WORKER_METRICS_PORT: '9464' })).toMatch(
      /^configuration error: METRICS_TOKEN is missing/u,
    );
    const config = AppConfig.from({ ...base, METRICS_TOKEN: 'a-metrics-token-1234', WORKER_METRICS_PORT: '9464' });
    expect(config.metrics).toEqual({ token: 'a-metrics-token-1234', workerPort: 9464, workerHost: '127.0.0.1' });
  });
});
