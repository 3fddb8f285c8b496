import { randomBytes } from 'node:crypto';
import type { TestApi } from './test-api';

/** A password that meets the policy (long, not a common one, without the email's name). */
export function goodPassword(): string {
  return `Kite-${randomBytes(6).toString('hex')}-river`;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  mustChangePassword: boolean;
  user: { id: string; role: string; organizationId: string | null; regionCode: string | null };
}

export interface Account {
  id: string;
  email: string;
  password: string;
  session: Session;
}

/** Logs in; throws unless it answers 200. */
export async function login(api: TestApi, email: string, password: string): Promise<Session> {
  const answer = await api.request<Session>('POST', '/api/v1/auth/login', { body: { email, password } });
  if (answer.status !== 200) throw new Error(`login ${email}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** A user created by an admin through `POST /users`, signed in. */
export async function newAccount(
  api: TestApi,
  adminToken: string,
  scope: { role: string; organizationId?: string; regionCode?: string },
): Promise<Account> {
  const email = `acct-${randomBytes(4).toString('hex')}@test.unblock`;
  const password = goodPassword();
  const created = await api.request('POST', '/api/v1/users', {
    token: adminToken,
    body: { email, name: '测试用户', password, ...scope },
  });
  if (created.status !== 201) throw new Error(`POST /users: ${created.status} ${JSON.stringify(created.body)}`);
  return { id: String(created.body['id']), email, password, session: await login(api, email, password) };
}
