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

  it('takes the bootstrap admin only as a pair', () => {
    expect(failure({ ...base, ADMIN_EMAIL: 'admin@example.com' })).toMatch(/^configuration error: ADMIN_PASSWORD/u);
    const config = AppConfig.from({ ...base, ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: 'a-long-password' });
    expect(config.bootstrapAdmin).toEqual({ email: 'admin@example.com', password: 'a-long-password' });
  });
});
