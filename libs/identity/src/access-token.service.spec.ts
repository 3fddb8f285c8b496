import { AppConfig } from '@unblock/config';
import { DomainError, type Actor } from '@unblock/domain';
import { AccessTokenService } from './access-token.service';

const config = AppConfig.from({
  DATABASE_URL: 'postgres://unused/unused',
  REDIS_URL: 'redis://unused',
  JWT_SECRET: 'a-secret-of-at-least-thirty-two-characters!',
  JWT_ACCESS_TTL_SECONDS: '60',
  NODE_ENV: 'test',
});

const actor: Actor = {
  userId: 'b0e1c8a2-5d0f-4c1e-9f65-4a3b2c1d0e9f',
  role: 'bank_manager',
  organizationId: 'o',
  regionCode: '410100',
};
const session = {
  sessionVersion: 3,
  sessionId: 'c1d2e3f4-0a1b-4c2d-8e3f-405162738495',
  passwordChangeRequired: false,
};

function reason(run: () => unknown): string {
  try {
    run();
  } catch (error: unknown) {
    return error instanceof DomainError ? `${error.code}: ${error.message}` : String(error);
  }
  return 'accepted';
}

describe('AccessTokenService', () => {
  afterEach(() => jest.useRealTimers());

  it('answers the same actor for a token verified before, and refuses it once it expires', () => {
    jest.useFakeTimers({ now: new Date('2026-06-01T00:00:00Z') });
    const tokens = new AccessTokenService(config);
    const { token } = tokens.issue(actor, session);
    expect(tokens.verify(token)).toEqual(actor);
    expect(tokens.verify(token)).toEqual(actor);
    jest.setSystemTime(new Date('2026-06-01T00:01:00Z'));
    expect(reason(() => tokens.verify(token))).toBe('unauthenticated: the access token has expired');
    expect(reason(() => tokens.verify(token))).toBe('unauthenticated: the access token has expired');
  });

  it('never takes a token that differs from a verified one, even in its signature only', () => {
    const tokens = new AccessTokenService(config);
    const { token } = tokens.issue(actor, session);
    expect(tokens.verify(token)).toEqual(actor);
    const [header, payload, signature] = token.split('.');
    const forged = `${header}.${payload}.${signature?.startsWith('A') ? 'B' : 'A'}${signature?.slice(1) ?? ''}`;
    expect(reason(() => tokens.verify(forged))).toBe('unauthenticated: the access token is invalid');
  });

  it('carries the session: its version, its id, and whether the password must be changed', () => {
    const tokens = new AccessTokenService(config);
    expect(tokens.verifyAccess(tokens.issue(actor, session).token)).toEqual({ actor, ...session });
    const required = { ...session, passwordChangeRequired: true };
    expect(tokens.verifyAccess(tokens.issue(actor, required).token)).toEqual({ actor, ...required });
  });
});
