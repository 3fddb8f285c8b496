import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ConfigModule, DnsHostResolver } from '@unblock/config';
import { DatabaseModule } from '@unblock/database';
import { ManualClock } from '@unblock/domain';
import { HostResolver, type ResolvedAddress } from '@unblock/domain/webhook-destination';
import { WebhookSender } from '@unblock/notifications';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildWorld, type World } from '../support/fixtures';
import { TestApi } from '../support/test-api';

/** The system's resolver, but `hooks.example.com` (a public-looking name) answers 127.0.0.2. */
class TestResolver extends HostResolver {
  private readonly system = new DnsHostResolver();

  resolve(hostname: string): Promise<readonly ResolvedAddress[]> {
    if (hostname === 'hooks.example.com') return Promise.resolve([{ address: '127.0.0.2', family: 4 }]);
    return this.system.resolve(hostname);
  }
}

async function listen(server: Server, host: string): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return (server.address() as AddressInfo).port;
}

describe('webhook destinations: no private, loopback, link-local or metadata address unless the operator allows it', () => {
  let api: TestApi;
  let world: World;
  let worker: INestApplicationContext;
  let sender: WebhookSender;
  let inside: Server;
  let insidePort: number;
  const insideHits: string[] = [];

  beforeAll(async () => {
    // The guard on, the operator allowing one address only: 127.0.0.2 (where the redirecting receiver listens).
    api = await TestApi.start({ WEBHOOK_ALLOW_PRIVATE: '127.0.0.2/32' });
    world = await buildWorld(api);
    const clock = new ManualClock(new Date('2026-06-01T02:00:00Z'));
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(api.config, clock), DatabaseModule.forRoot('unblock-test-webhook-guard')],
      providers: [WebhookSender],
    })
      .overrideProvider(HostResolver)
      .useValue(new TestResolver())
      .compile();
    await moduleRef.init();
    worker = moduleRef;
    sender = worker.get(WebhookSender);
    inside = createServer((req, res) => {
      insideHits.push(String(req.url));
      res.end();
    });
    insidePort = await listen(inside, '127.0.0.1');
  });

  afterAll(async () => {
    inside.close();
    await worker.close();
    await api.stop();
  });

  const refusedUrls = (): [string, RegExp][] => [
    [`http://127.0.0.1:${insidePort}/hooks`, /127\.0\.0\.1 is a loopback address/u],
    ['http://10.20.30.40/hooks', /10\.20\.30\.40 is a private address/u],
    [`http://[::1]:${insidePort}/hooks`, /::1 is a loopback address/u],
    ['http://169.254.169.254/latest/meta-data/', /169\.254\.169\.254 is a cloud metadata address/u],
    [`http://localhost:${insidePort}/hooks`, /localhost resolves (only )?to (a )?refused address(es)?: .*loopback/u],
    ['http://metadata.google.internal/computeMetadata/v1/', /metadata\.google\.internal is a cloud metadata service/u],
  ];

  it('refuses to save such a URL: 400 naming webhookUrl, nothing written', async () => {
    for (const [url, reason] of refusedUrls()) {
      const patched = await api.request('PATCH', `/api/v1/organizations/${world.regulatorId}`, {
        token: world.adminToken,
        body: { webhookUrl: url, webhookSecret: 'a-secret-of-sixteen-plus' },
      });
      expect([url, patched.status]).toEqual([url, 400]);
      const errors = patched.body['errors'] as { field: string; message: string }[];
      expect(errors.map((e) => e.field)).toEqual(['webhookUrl']);
      expect(errors[0]?.message).toMatch(reason);
    }
    const created = await api.request('POST', '/api/v1/organizations', {
      token: world.adminToken,
      body: {
        kind: 'bank',
        name: '内网银行',
        regionCode: '410100',
        webhookUrl: 'http://192.168.1.10/hooks',
        webhookSecret: 'a-secret-of-sixteen-plus',
      },
    });
    expect(created.status).toBe(400);
    expect(await api.dataSource.query(`SELECT 1 FROM organizations WHERE name = '内网银行'`)).toEqual([]);
    const [stored] = await api.dataSource.query<{ webhook_url: string | null }[]>(
      'SELECT webhook_url FROM organizations WHERE id = $1',
      [world.regulatorId],
    );
    expect(stored?.webhook_url).toBeNull();
    // A public address, and the one the operator allows, are taken.
    for (const url of ['https://8.8.8.8/hooks', 'http://127.0.0.2:8080/hooks']) {
      const patched = await api.request('PATCH', `/api/v1/organizations/${world.regulatorId}`, {
        token: world.adminToken,
        body: { webhookUrl: url, webhookSecret: 'a-secret-of-sixteen-plus' },
      });
      expect([url, patched.status]).toEqual([url, 200]);
    }
  });

  /** A delivery to `url`, stored as if the URL had been saved before the guard (or its name resolved elsewhere then). */
  const deliveryTo = async (url: string): Promise<string> => {
    await api.dataSource.query('UPDATE organizations SET webhook_url = $2, webhook_secret = $3 WHERE id = $1', [
      world.regulatorId,
      url,
      'a-secret-of-sixteen-plus',
    ]);
    const [row] = await api.dataSource.query<{ id: string }[]>(
      `INSERT INTO webhook_deliveries (organization_id, idempotency_key, event, payload)
       VALUES ($1, $2, 'escalation', '{"event":"escalation"}') RETURNING id`,
      [world.regulatorId, `guard-${randomUUID()}`],
    );
    return String(row?.id);
  };
  const deliveryRow = async (id: string): Promise<{ status: string; last_error: string | null; attempts: number }> => {
    const [row] = await api.dataSource.query<{ status: string; last_error: string | null; attempts: number }[]>(
      'SELECT status, last_error, attempts FROM webhook_deliveries WHERE id = $1',
      [id],
    );
    return row ?? { status: 'missing', last_error: null, attempts: -1 };
  };

  it('refuses to send to such a URL: the delivery fails at once with the reason, nothing is sent', async () => {
    for (const [url, reason] of refusedUrls()) {
      const id = await deliveryTo(url);
      expect(await sender.deliver(id, false)).toEqual({ done: expect.stringMatching(/refused: /u) as string });
      const row = await deliveryRow(id);
      expect([url, row.status, row.attempts]).toEqual([url, 'failed', 0]);
      expect(row.last_error).toMatch(/^refused: /u);
      expect(row.last_error).toMatch(reason);
    }
    expect(insideHits).toEqual([]);
  });

  it('does not follow a public-looking URL’s redirect to 127.0.0.1: undelivered, with where it pointed', async () => {
    const redirects: string[] = [];
    const outside = createServer((req, res) => {
      redirects.push(`${String(req.headers.host)}${String(req.url)}`);
      res.writeHead(302, { location: `http://127.0.0.1:${insidePort}/inside` }).end();
    });
    const outsidePort = await listen(outside, '127.0.0.2');
    try {
      const id = await deliveryTo(`http://hooks.example.com:${outsidePort}/start`);
      await expect(sender.deliver(id, true)).rejects.toThrow(/redirects are not followed/u);
      const row = await deliveryRow(id);
      expect(row.status).toBe('failed');
      expect(row.last_error).toBe(
        `answered 302: a redirect to http://127.0.0.1:${insidePort}/inside, 127.0.0.1 is a loopback address; ` +
          'redirects are not followed',
      );
      // The pinned address was reached under the URL's own host name; the redirect's target never was.
      expect(redirects).toEqual([`hooks.example.com:${outsidePort}/start`]);
      expect(insideHits).toEqual([]);
    } finally {
      outside.close();
    }
  });
});
