import type { INestApplicationContext } from '@nestjs/common';
import { ManualClock } from '@unblock/domain';
import { MorningDigest, Notifier, WebhookSender, signWebhook } from '@unblock/notifications';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { diagnose, type Actors } from '../support/case-fixtures';
import type { DeadlineHandlers } from '../support/deadlines';
import type { World } from '../support/fixtures';
import { startSlaWorld, type SlaWorld } from '../support/sla-world';
import { TestApi } from '../support/test-api';

interface Obligation {
  id: string;
  obligation: string;
  due_at: Date;
}

describe('notifications: webhooks and the morning digest', () => {
  const clock = new ManualClock(new Date('2026-06-01T02:00:00Z'));
  let api: TestApi;
  let world: World;
  let actors: Actors;
  let sla: INestApplicationContext;
  let handlers: DeadlineHandlers;
  let visitId: string;
  let slaWorld: SlaWorld;

  beforeAll(async () => {
    slaWorld = await startSlaWorld(clock);
    ({ api, world, actors, sla, handlers, visitId } = slaWorld);
  });

  afterAll(async () => {
    await slaWorld.stop();
  });

  beforeEach(() => clock.set(new Date('2026-06-01T02:00:00Z')));

  const open = (caseId: string) =>
    api.dataSource.query<Obligation[]>(
      `SELECT id, obligation, due_at FROM case_obligations WHERE case_id = $1 AND met_at IS NULL AND cancelled_at IS NULL`,
      [caseId],
    );
  const newCase = async () => String((await diagnose(api, actors.officer, { visitId }))['id']);

  it('delivers a webhook signed with HMAC-SHA256, once per idempotency key, and retries a failure', async () => {
    const received: { key: string; signature: string; timestamp: string; body: string }[] = [];
    let answer = 500;
    const server: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({
          key: String(req.headers['x-unblock-idempotency-key']),
          signature: String(req.headers['x-unblock-signature']),
          timestamp: String(req.headers['x-unblock-timestamp']),
          body,
        });
        res.statusCode = answer;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const secret = 'a-webhook-secret-of-some-length';
    const patched = await api.request('PATCH', `/api/v1/organizations/${world.regulatorId}`, {
      token: world.adminToken,
      body: { webhookUrl: `http://127.0.0.1:${port}/hooks`, webhookSecret: secret },
    });
    expect(patched.body).toMatchObject({ webhookConfigured: true });
    try {
      const caseId = await newCase();
      const [claim] = await open(caseId);
      clock.set(new Date((claim?.due_at ?? new Date()).getTime() + 1));
      await handlers.deadline({ obligationId: String(claim?.id), dueAt: String(claim?.due_at.toISOString()) });
      const deliveries = await api.dataSource.query<{ id: string; idempotency_key: string }[]>(
        `SELECT id, idempotency_key FROM webhook_deliveries WHERE payload->>'caseId' = $1`,
        [caseId],
      );
      expect(deliveries).toHaveLength(1);
      const sender = sla.get(WebhookSender);
      const id = String(deliveries[0]?.id);
      await expect(sender.deliver(id, false)).rejects.toThrow(/answered 500/u);
      answer = 204;
      expect(await sender.deliver(id, false)).toEqual({ done: 'delivered (204)' });
      expect(await sender.deliver(id, false)).toEqual({ skipped: 'delivery delivered' });
      expect(received).toHaveLength(2);
      const last = received[1];
      expect(last?.key).toBe(deliveries[0]?.idempotency_key);
      expect(last?.signature).toBe(signWebhook(secret, Number(last?.timestamp), String(last?.body)));
      expect(JSON.parse(String(last?.body))).toMatchObject({ event: 'escalation', caseId });
    } finally {
      await api.request('PATCH', `/api/v1/organizations/${world.regulatorId}`, {
        token: world.adminToken,
        body: { webhookUrl: null },
      });
      server.close();
    }
  });

  it('sends each manager and supervisor with overdue cases one digest a day', async () => {
    await newCase();
    clock.set(new Date('2026-06-15T00:00:00Z'));
    const digest = sla.get(MorningDigest);
    const first = await digest.send();
    expect('done' in first && /^sent [1-9]\d* digests$/u.test(first.done)).toBe(true);
    expect(await digest.send()).toEqual({ done: 'sent 0 digests' });
    const inbox = await api.request<{ items: { kind: string; data: { overdue: number } }[] }>(
      'GET',
      '/api/v1/me/notifications?kind=digest',
      { token: actors.leadManager },
    );
    expect(inbox.body.items).toHaveLength(1);
    expect(inbox.body.items[0]?.data.overdue).toBeGreaterThan(0);
    const hubei = await api.request<{ items: unknown[] }>('GET', '/api/v1/me/notifications?kind=digest', {
      token: actors.hubeiManager,
    });
    expect(hubei.body.items).toEqual([]);
  });

  it('lists my inbox newest first, its cursor walking on to the older ones', async () => {
    const reader = await api.userToken('supervisor', { organizationId: world.regulatorId, regionCode: '410000' });
    const notifier = sla.get(Notifier);
    // Three days' bulletins, each written in a transaction of its own (a notification is dated when written).
    for (const day of ['2026-06-01', '2026-06-02', '2026-06-03']) {
      await api.dataSource.transaction((manager) =>
        notifier.notify(manager, [reader.userId], {
          kind: 'bulletin',
          caseId: null,
          title: `日通报（${day}）已发布`,
          data: { day },
          key: `inbox-order.${day}`,
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    type Inbox = { items: { data: { day: string }; createdAt: string }[]; nextCursor: string | null };
    const first = await api.request<Inbox>('GET', '/api/v1/me/notifications?limit=2', { token: reader.token });
    expect(first.body.items.map((n) => n.data.day)).toEqual(['2026-06-03', '2026-06-02']);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const older = await api.request<Inbox>(
      'GET',
      `/api/v1/me/notifications?limit=2&cursor=${String(first.body.nextCursor)}`,
      { token: reader.token },
    );
    expect(older.body.items.map((n) => n.data.day)).toEqual(['2026-06-01']);
    expect(older.body.nextCursor).toBeNull();
  });

  it('lists the notices of one transaction, which share their time, in the order they were written', async () => {
    const reader = await api.userToken('supervisor', { organizationId: world.regulatorId, regionCode: '410000' });
    const notifier = sla.get(Notifier);
    const notice = (n: number) => ({
      userIds: [reader.userId],
      notice: { kind: 'escalation' as const, caseId: null, title: `第 ${n} 条`, data: { n }, key: `same-tx.${n}` },
    });
    // A pool's first and second escalation, say: three in one call, then three more in the same transaction.
    await api.dataSource.transaction(async (manager) => {
      await notifier.notifyMany(manager, [1, 2, 3].map(notice));
      for (const n of [4, 5, 6]) await notifier.notifyMany(manager, [notice(n)]);
    });
    const inbox = await api.request<{ items: { data: { n: number }; createdAt: string }[] }>(
      'GET',
      '/api/v1/me/notifications?kind=escalation',
      { token: reader.token },
    );
    expect(new Set(inbox.body.items.map((n) => n.createdAt)).size).toBe(1);
    expect(inbox.body.items.map((n) => n.data.n)).toEqual([6, 5, 4, 3, 2, 1]);
  });
});
