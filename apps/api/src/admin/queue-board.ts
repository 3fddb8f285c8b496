import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BoardAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ThrottlerStorage, normalizeIp } from '@nestjs/throttler';
import type { AppConfig } from '@unblock/config';
import { UserEntity } from '@unblock/database';
import { PROBLEM_CONTENT_TYPE, problem } from '@unblock/http';
import { PasswordHasher } from '@unblock/identity';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { countPasswordAttempt } from '../auth/login-throttle';
import { ApiQueues } from './api-queues';

export const QUEUE_BOARD_PATH = '/admin/queues';
const REMEMBER_MS = 60_000;

/**
 * Bull Board, for admins only, at /admin/queues. A browser cannot send our bearer tokens to a page it
 * loads, so the board asks for an admin's email and password with HTTP Basic authentication (over TLS in
 * production); a verified pair is remembered for a minute so the board's polling does not hash each time.
 *
 * Each password the board checks is a login attempt, throttled as login is: on the same counters, with the
 * same limits, per address and per account (`countPasswordAttempt`); over the limit, the answer is 429
 * without checking, right password or not. Chosen over a console-issued cookie because it closes the hole
 * where it is (the board's own door, which curl and a bookmarked tab keep using) with the one throttle every
 * password goes through, and adds no second session mechanism, endpoint or console page to keep safe.
 */
export async function mountQueueBoard(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const queues = app.get(ApiQueues).all;
  const board = new BoardAdapter();
  board.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({ queues: queues.map((queue) => new BullMQAdapter(queue)), serverAdapter: board });

  const dataSource = app.get(DataSource);
  const hasher = app.get(PasswordHasher);
  const attempts = app.get<ThrottlerStorage>(ThrottlerStorage, { strict: false });
  const verified = new Map<string, number>();
  const deny = (reply: FastifyReply): FastifyReply =>
    reply
      .status(401)
      .header('www-authenticate', 'Basic realm="Unblock queues", charset="UTF-8"')
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send(problem(401, 'unauthenticated', 'Unauthorized', 'an admin’s email and password are required'));
  const wait = (reply: FastifyReply, seconds: number): FastifyReply =>
    reply
      .status(429)
      .header('retry-after', String(seconds))
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send(problem(429, 'rate-limited', 'Too Many Requests', 'too many attempts; wait a minute and try again'));

  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(async (scope) => {
    scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const header = request.headers.authorization;
      const match = typeof header === 'string' ? /^Basic ([A-Za-z0-9+/=]+)$/u.exec(header) : null;
      if (!match?.[1]) return deny(reply);
      const decoded = Buffer.from(match[1], 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const email = decoded.slice(0, colon).trim().toLowerCase();
      const password = decoded.slice(colon + 1);
      const key = createHash('sha256').update(decoded).digest('hex');
      const now = Date.now();
      if ((verified.get(key) ?? 0) > now) return undefined;
      const waitSeconds = await countPasswordAttempt(attempts, config, normalizeIp(request.ip), email);
      if (waitSeconds !== null) return wait(reply, waitSeconds);
      const user = colon > 0 ? await dataSource.getRepository(UserEntity).findOneBy({ email }) : null;
      const ok = (await hasher.verify(user?.passwordHash ?? null, password)) && user?.role === 'admin' && user.active;
      if (!ok) return deny(reply);
      for (const [pair, until] of verified) if (until <= now) verified.delete(pair);
      verified.set(key, now + REMEMBER_MS);
      return undefined;
    });
    await scope.register(board.registerPlugin(), { prefix: QUEUE_BOARD_PATH });
  });
}
