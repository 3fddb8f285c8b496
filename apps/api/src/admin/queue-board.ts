import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BoardAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@unblock/config';
import { UserEntity } from '@unblock/database';
import { PasswordHasher } from '@unblock/identity';
import { QUEUE_NAMES, redisOptions } from '@unblock/queue';
import { Queue } from 'bullmq';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';

export const QUEUE_BOARD_PATH = '/admin/queues';
const REMEMBER_MS = 60_000;

/**
 * Bull Board, for admins only, at /admin/queues. A browser cannot send our bearer tokens to a page it
 * loads, so the board asks for an admin's email and password with HTTP Basic authentication (over TLS in
 * production); a verified pair is remembered for a minute so the board's polling does not hash each time.
 */
export async function mountQueueBoard(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const queues = Object.values(QUEUE_NAMES).map(
    (name) =>
      new Queue(name, {
        connection: { ...redisOptions(config.redisUrl), lazyConnect: true },
        prefix: config.queuePrefix,
      }),
  );
  const board = new BoardAdapter();
  board.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({ queues: queues.map((queue) => new BullMQAdapter(queue)), serverAdapter: board });

  const dataSource = app.get(DataSource);
  const hasher = app.get(PasswordHasher);
  const verified = new Map<string, number>();
  const deny = (reply: FastifyReply): FastifyReply =>
    reply
      .status(401)
      .header('www-authenticate', 'Basic realm="Unblock queues", charset="UTF-8"')
      .header('content-type', 'application/problem+json')
      .send({
        type: 'https://unblock.example/problems/unauthenticated',
        title: 'Unauthorized',
        status: 401,
        detail: 'an admin’s email and password are required',
      });

  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(async (scope) => {
    scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const header = request.headers.authorization;
      const match = typeof header === 'string' ? /^Basic ([A-Za-z0-9+/=]+)$/u.exec(header) : null;
      if (!match?.[1]) return deny(reply);
      const decoded = Buffer.from(match[1], 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const email = decoded.slice(0, colon).toLowerCase();
      const password = decoded.slice(colon + 1);
      const key = createHash('sha256').update(decoded).digest('hex');
      if ((verified.get(key) ?? 0) > Date.now()) return undefined;
      const user = colon > 0 ? await dataSource.getRepository(UserEntity).findOneBy({ email }) : null;
      const ok = (await hasher.verify(user?.passwordHash ?? null, password)) && user?.role === 'admin' && user.active;
      if (!ok) return deny(reply);
      verified.set(key, Date.now() + REMEMBER_MS);
      return undefined;
    });
    await scope.register(board.registerPlugin(), { prefix: QUEUE_BOARD_PATH });
  });
  fastify.addHook('onClose', async () => {
    await Promise.all(queues.map((queue) => queue.close()));
  });
}
