import { REDIS_URL, TEST_JWT_SECRET } from '../support/environment';
import { runEntryPoint } from '../support/processes';

const VALID = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
  REDIS_URL,
  JWT_SECRET: TEST_JWT_SECRET,
};

describe('boot with a bad environment', () => {
  it.each([
    ['apps/api/src/main.ts', 'JWT_SECRET', { ...VALID, JWT_SECRET: '' }, 'configuration error: JWT_SECRET is missing'],
    ['apps/api/src/main.ts', 'PORT', { ...VALID, PORT: 'http' }, 'configuration error: PORT'],
    [
      'apps/worker/src/main.ts',
      'DATABASE_URL',
      { ...VALID, DATABASE_URL: '' },
      'configuration error: DATABASE_URL is missing',
    ],
    [
      'apps/worker/src/main.ts',
      'REDIS_URL',
      { ...VALID, REDIS_URL: 'localhost' },
      'configuration error: REDIS_URL must be a redis:// URL',
    ],
  ])('%s stops on %s with one line naming it', async (entry, _variable, env, line) => {
    const result = await runEntryPoint(entry, env);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(line);
  });
});
