import type { INestApplicationContext } from '@nestjs/common';
import { ManualClock } from '@unblock/domain';
import { JOB_NAMES, OutboxRelay, QUEUE_NAMES, redisOptions } from '@unblock/queue';
import { Sweeper } from '@unblock/sla';
import { Queue } from 'bullmq';
import { diagnose, type Actors } from '../support/case-fixtures';
import type { DeadlineHandlers } from '../support/deadlines';
import { REDIS_URL } from '../support/environment';
import type { World } from '../support/fixtures';
import { startSlaWorld, type SlaWorld } from '../support/sla-world';
import { TestApi } from '../support/test-api';

interface Obligation {
  id: string;
  obligation: string;
  due_at: Date;
}

const DAY = 86_400_000;

describe('SLA: deadlines, escalations, reminders, sweeps', () => {
  const clock = new ManualClock(new Date('2026-06-01T02:00:00Z'));
  let api: TestApi;
  let world: World;
  let actors: Actors;
  let sla: INestApplicationContext;
  let handlers: DeadlineHandlers;
  let visitId: string;
  let slaWorld: SlaWorld;
  let slaQueue: Queue;

  beforeAll(async () => {
    slaWorld = await startSlaWorld(clock);
    ({ api, world, actors, sla, handlers, visitId } = slaWorld);
    slaQueue = new Queue(QUEUE_NAMES.sla, { connection: redisOptions(REDIS_URL), prefix: api.config.queuePrefix });
  });

  afterAll(async () => {
    await slaQueue.close();
    await slaWorld.stop();
  });

  beforeEach(() => clock.set(new Date('2026-06-01T02:00:00Z')));

  const open = (caseId: string) =>
    api.dataSource.query<Obligation[]>(
      `SELECT id, obligation, due_at FROM case_obligations WHERE case_id = $1 AND met_at IS NULL AND cancelled_at IS NULL`,
      [caseId],
    );
  /** The supervisor's escalation notices of a case, and the case's number they carry. */
  const escalationNotices = async (
    caseId: string,
  ): Promise<{ mine: { caseId: string; title: string; data: Record<string, unknown> }[]; number: string }> => {
    const inbox = await api.request<{ items: { caseId: string; title: string; data: Record<string, unknown> }[] }>(
      'GET',
      '/api/v1/me/notifications?kind=escalation',
      { token: actors.supervisor },
    );
    const mine = inbox.body.items.filter((n) => n.caseId === caseId);
    return { mine, number: String(mine[0]?.data['caseNumber']) };
  };
  const escalations = (caseId: string) =>
    api.dataSource.query<{ level: number; status: string; obligation: string }[]>(
      'SELECT level, status, obligation FROM escalations WHERE case_id = $1 ORDER BY level',
      [caseId],
    );
  const post = (token: string, caseId: string, action: string, body: object = {}) =>
    api.request('POST', `/api/v1/cases/${caseId}/${action}`, { token, body });
  const newCase = async () => String((await diagnose(api, actors.officer, { visitId }))['id']);
  const messages = (caseId: string) =>
    api.dataSource.query<{ type: string; run_at: Date; sent: boolean }[]>(
      `SELECT type, run_at, sent_at IS NOT NULL AS sent FROM outbox WHERE case_id = $1 ORDER BY run_at, type`,
      [caseId],
    );
  /** What Redis losing everything does to this test's queues: every key of their prefix is gone. */
  const loseRedis = async (): Promise<void> => {
    const redis = await slaQueue.client;
    for (let cursor = '0'; ;) {
      const [next, keys] = await redis.scan(cursor, { MATCH: `${api.config.queuePrefix}:*`, COUNT: 1000 });
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
      if (cursor === '0') break;
    }
  };

  it('escalates a missed claim to level 1 and moves the case to the deputy lead bank, once', async () => {
    const caseId = await newCase();
    const [claim] = await open(caseId);
    expect(claim?.obligation).toBe('claim');
    const job = { obligationId: String(claim?.id), dueAt: (claim?.due_at ?? new Date()).toISOString() };

    expect(await handlers.deadline(job)).toEqual({ skipped: 'not due yet' });
    clock.set(new Date((claim?.due_at ?? new Date()).getTime() + 1000));
    expect(await handlers.deadline(job)).toEqual({ done: 'escalated to level 1 and moved to the next tier' });
    expect(await handlers.deadline(job)).toEqual({ skipped: 'escalated already' });

    const detail = await api.request<{
      routingTier: number;
      assignedBankId: string;
      escalationLevel: number;
      timeline: { type: string; actorUserId: string | null }[];
    }>('GET', `/api/v1/cases/${caseId}`, { token: actors.supervisor });
    expect(detail.body).toMatchObject({ routingTier: 2, assignedBankId: world.henanBank2Id, escalationLevel: 1 });
    expect(detail.body.timeline.slice(-2).map((e) => [e.type, e.actorUserId])).toEqual([
      ['escalated', null],
      ['claim_deadline_missed', null],
    ]);
    expect(await escalations(caseId)).toEqual([{ level: 1, status: 'open', obligation: 'claim' }]);
    const inbox = await api.request<{ items: { kind: string; caseId: string }[] }>('GET', '/api/v1/me/notifications', {
      token: actors.supervisor,
    });
    expect(inbox.body.items.filter((n) => n.caseId === caseId)).toEqual([
      expect.objectContaining({ kind: 'escalation' }),
    ]);
    // Not for the supervisor of another province.
    const hubei = await api.request<{ items: { caseId: string }[] }>('GET', '/api/v1/me/notifications', {
      token: actors.hubeiSupervisor,
    });
    expect(hubei.body.items.some((n) => n.caseId === caseId)).toBe(false);

    // The deputy claims: the claim obligation is met, so the escalation resolves.
    expect((await post(actors.deputyManager, caseId, 'claim')).status).toBe(200);
    expect(await escalations(caseId)).toEqual([{ level: 1, status: 'resolved', obligation: 'claim' }]);
  });

  it('skips a deadline whose obligation was met, or moved, or whose case is paused', async () => {
    const caseId = await newCase();
    const [claim] = await open(caseId);
    await post(actors.leadManager, caseId, 'claim');
    clock.advance(10 * DAY);
    expect(
      await handlers.deadline({ obligationId: String(claim?.id), dueAt: String(claim?.due_at.toISOString()) }),
    ).toEqual({
      skipped: 'obligation met',
    });

    const obligations = await open(caseId);
    const contact = obligations.find((o) => o.obligation === 'first_contact');
    clock.set(new Date('2026-06-01T03:00:00Z'));
    await post(actors.leadManager, caseId, 'pause');
    clock.set(new Date((contact?.due_at ?? new Date()).getTime() + 60_000));
    const job = { obligationId: String(contact?.id), dueAt: String(contact?.due_at.toISOString()) };
    expect(await handlers.deadline(job)).toEqual({ skipped: 'case paused' });
    await post(actors.leadManager, caseId, 'resume');
    expect(await handlers.deadline(job)).toEqual({ skipped: 'deadline moved' });
    expect(await escalations(caseId)).toEqual([]);
  });

  it('escalates to level 2 when still open 3 business days later; a supervisor acknowledges, then acts', async () => {
    const caseId = await newCase();
    await post(actors.leadManager, caseId, 'claim');
    const contact = (await open(caseId)).find((o) => o.obligation === 'first_contact');
    const job = { obligationId: String(contact?.id), dueAt: String(contact?.due_at.toISOString()) };
    // Due at the end of Wednesday 3 June; level 2 three business days later, at the end of Monday 8 June.
    expect(job.dueAt).toBe('2026-06-03T15:59:59.999Z');
    clock.set(new Date('2026-06-04T01:00:00Z'));
    expect(await handlers.deadline(job)).toEqual({ done: 'escalated to level 1' });
    clock.set(new Date('2026-06-08T15:00:00Z'));
    expect(await handlers.levelTwoJob(job)).toEqual({ skipped: 'not due yet' });
    clock.set(new Date('2026-06-08T16:00:00Z'));
    expect(await handlers.levelTwoJob(job)).toEqual({ done: 'escalated to level 2' });
    expect(await handlers.levelTwoJob(job)).toEqual({ skipped: 'level 2 already open' });

    const queue = await api.request<{ items: { id: string; level: number; caseId: string; overdueSeconds: number }[] }>(
      'GET',
      '/api/v1/escalations?level=2&status=open',
      { token: actors.supervisor },
    );
    const mine = queue.body.items.filter((e) => e.caseId === caseId);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.overdueSeconds).toBeGreaterThan(4 * 86_400);
    // The queue names the case and its enterprise, as the case answers them.
    const named = await api.request<{ number: string; enterpriseId: string }>('GET', `/api/v1/cases/${caseId}`, {
      token: actors.supervisor,
    });
    expect(mine[0]).toMatchObject({
      caseNumber: named.body.number,
      enterpriseId: named.body.enterpriseId,
      enterpriseName: '郑州重工',
    });
    expect((await api.request('GET', '/api/v1/escalations', { token: actors.leadManager })).status).toBe(403);
    const hubeiQueue = await api.request<{ items: { caseId: string }[] }>('GET', '/api/v1/escalations', {
      token: actors.hubeiSupervisor,
    });
    expect(hubeiQueue.body.items.some((e) => e.caseId === caseId)).toBe(false);
    const id = String(mine[0]?.id);
    expect(
      (await api.request('POST', `/api/v1/escalations/${id}/acknowledge`, { token: actors.hubeiSupervisor })).status,
    ).toBe(404);
    const ack = await api.request('POST', `/api/v1/escalations/${id}/acknowledge`, { token: actors.supervisor });
    expect(ack.body).toMatchObject({ status: 'acknowledged', level: 2, caseNumber: named.body.number });
    expect(
      (await api.request('POST', `/api/v1/escalations/${id}/acknowledge`, { token: actors.supervisor })).status,
    ).toBe(409);
    expect(
      (await api.request<{ escalationLevel: number }>('GET', `/api/v1/cases/${caseId}`, { token: actors.supervisor }))
        .body.escalationLevel,
    ).toBe(2);

    // The supervisor extends the deadline: the case's escalations resolve.
    await post(actors.supervisor, caseId, 'extend', { obligation: 'first_contact', until: '2026-06-20T00:00:00Z' });
    expect((await escalations(caseId)).map((e) => e.status)).toEqual(['resolved', 'resolved']);
    expect(
      (await api.request<{ escalationLevel: number }>('GET', `/api/v1/cases/${caseId}`, { token: actors.supervisor }))
        .body.escalationLevel,
    ).toBe(0);
  });

  it('sends a pool that missed its claim deadline straight to level 2', async () => {
    const caseId = await newCase();
    await post(actors.leadManager, caseId, 'decline', { reason: 'credit_risk' });
    await post(actors.deputyManager, caseId, 'decline', { reason: 'credit_risk' });
    const [claim] = await open(caseId);
    clock.set(new Date((claim?.due_at ?? new Date()).getTime() + 1));
    expect(
      await handlers.deadline({ obligationId: String(claim?.id), dueAt: String(claim?.due_at.toISOString()) }),
    ).toEqual({
      done: 'pool missed its claim deadline: escalated to level 2',
    });
    expect((await escalations(caseId)).map((e) => e.level)).toEqual([1, 2]);
  });

  it('names in each escalation notice who missed the claim: the lead bank, the deputy lead bank, then the pool', async () => {
    const caseId = await newCase();
    const outcomes = [];
    for (let hop = 0; hop < 3; hop++) {
      const [claim] = await open(caseId);
      clock.set(new Date((claim?.due_at ?? new Date()).getTime() + 1000));
      outcomes.push(
        await handlers.deadline({ obligationId: String(claim?.id), dueAt: String(claim?.due_at.toISOString()) }),
      );
    }
    expect(outcomes).toEqual([
      { done: 'escalated to level 1 and moved to the next tier' },
      { done: 'escalated to level 1 and moved to the next tier' },
      { done: 'pool missed its claim deadline: escalated to level 2' },
    ]);
    const { mine, number } = await escalationNotices(caseId);
    expect(mine.map((n) => n.title).sort()).toEqual(
      [
        `${number}：郑州银行（主办行）认领超时，一级督办`,
        `${number}：中原银行（协办行）认领超时，一级督办`,
        `${number}：成员机构池认领超时，一级督办`,
        `${number}：成员机构池认领仍未完成，二级督办`,
      ].sort(),
    );
    // The console words each from its data: the bank's name and tier, or the pool's tier alone.
    const dataOf = (tier: number, level: number) =>
      mine.find((n) => n.data['tier'] === tier && n.data['level'] === level)?.data;
    const common = { obligation: 'claim', dueAt: expect.any(String) as string, caseNumber: number };
    expect(dataOf(1, 1)).toEqual({ ...common, level: 1, bankId: world.henanBankId, bankName: '郑州银行', tier: 1 });
    expect(dataOf(2, 1)).toEqual({ ...common, level: 1, bankId: world.henanBank2Id, bankName: '中原银行', tier: 2 });
    expect(dataOf(3, 1)).toEqual({ ...common, level: 1, bankId: null, tier: 3 });
    expect(dataOf(3, 2)).toEqual({ ...common, level: 2, bankId: null, tier: 3 });
  });

  it('says no bank is left, not that a pool missed it, when every bank declined a need (an empty pool)', async () => {
    const caseId = await newCase();
    for (const token of [actors.leadManager, actors.deputyManager, actors.institutionUser]) {
      expect((await post(token, caseId, 'decline', { reason: 'credit_risk' })).status).toBe(200);
    }
    const [claim] = await open(caseId);
    clock.set(new Date((claim?.due_at ?? new Date()).getTime() + 1));
    expect(
      await handlers.deadline({ obligationId: String(claim?.id), dueAt: String(claim?.due_at.toISOString()) }),
    ).toEqual({ done: 'no bank is left to claim the need: escalated to level 2' });
    expect((await escalations(caseId)).map((e) => e.level)).toEqual([1, 2]);
    const { mine, number } = await escalationNotices(caseId);
    expect(mine.map((n) => n.title).sort()).toEqual([
      `${number}：已无银行可认领，一级督办`,
      `${number}：已无银行可认领，二级督办`,
    ]);
    // Both written at once (one transaction): in either order.
    expect(mine.map((n) => n.data).sort((a, b) => Number(a['level']) - Number(b['level']))).toEqual(
      [1, 2].map((level) => expect.objectContaining({ level, bankId: null, tier: 3, unclaimable: true }) as unknown),
    );
  });

  it('reminds whoever holds the case one business day before, once', async () => {
    const caseId = await newCase();
    const [claim] = await open(caseId);
    const job = { obligationId: String(claim?.id), dueAt: String(claim?.due_at.toISOString()) };
    expect(await handlers.reminder(job)).toEqual({ skipped: 'not due yet' });
    clock.set(new Date('2026-06-03T16:00:00Z'));
    const first = await handlers.reminder(job);
    expect('done' in first && /^reminded [1-9]/u.test(first.done)).toBe(true);
    expect(await handlers.reminder(job)).toEqual({ skipped: 'reminded already' });
    for (const token of [actors.leadManager, actors.leadManager2]) {
      const inbox = await api.request<{ items: { kind: string; caseId: string; id: string }[] }>(
        'GET',
        '/api/v1/me/notifications?unread=true&kind=reminder',
        { token },
      );
      expect(inbox.body.items.filter((n) => n.caseId === caseId)).toHaveLength(1);
    }
    const inbox = await api.request<{ items: { caseId: string; id: string }[] }>('GET', '/api/v1/me/notifications', {
      token: actors.leadManager,
    });
    const note = inbox.body.items.find((n) => n.caseId === caseId);
    const read = await api.request('POST', `/api/v1/me/notifications/${String(note?.id)}/read`, {
      token: actors.leadManager,
    });
    expect(read.body['readAt']).toEqual(expect.any(String));
    expect(
      (await api.request('POST', `/api/v1/me/notifications/${String(note?.id)}/read`, { token: actors.supervisor }))
        .status,
    ).toBe(404);
  });

  it('writes the deadline messages due within the horizon, and relays them with deterministic ids and delays', async () => {
    const caseId = await newCase();
    const [claim] = await open(caseId);
    // Routed on Monday: its claim deadline (end of Thursday) and reminder lie beyond the 24-hour horizon.
    expect(await messages(caseId)).toEqual([]);
    // Thursday 04:00 in Shanghai, a supervisor extends the claim to Friday 02:00, 22 hours on: within it.
    clock.set(new Date('2026-06-03T20:00:00Z'));
    const until = new Date('2026-06-04T18:00:00Z');
    expect((await post(actors.supervisor, caseId, 'extend', { until: until.toISOString() })).status).toBe(200);
    expect(await messages(caseId)).toEqual([{ type: 'sla.deadline', run_at: until, sent: false }]);
    const relay = sla.get(OutboxRelay);
    const now = clock.now();
    let moved = 0;
    for (let n = await relay.relayOnce(now); n > 0; n = await relay.relayOnce(now)) moved += n;
    expect(moved).toBeGreaterThan(0);
    const job = await slaQueue.getJob(`deadline.${String(claim?.id)}.${until.getTime()}`);
    expect(job?.name).toBe(JOB_NAMES.deadline);
    expect(job?.opts.delay).toBe(until.getTime() - now.getTime());
    expect(await messages(caseId)).toEqual([{ type: 'sla.deadline', run_at: until, sent: true }]);
    const unsent = await api.dataSource.query<{ run_at: Date }[]>(`SELECT run_at FROM outbox WHERE sent_at IS NULL`);
    expect(unsent.every((r) => r.run_at.getTime() > now.getTime() + DAY)).toBe(true);
  });

  it('sweeps: opens the escalations Redis lost and re-creates the jobs due soon; a second sweep adds nothing', async () => {
    const caseId = await newCase();
    await loseRedis();
    const [claim] = await open(caseId);
    clock.set(new Date((claim?.due_at ?? new Date()).getTime() - 3600_000));
    const sweeper = sla.get(Sweeper);
    const before = await sweeper.sweep();
    expect(before.jobsEnsured).toBeGreaterThan(0);
    expect(await slaQueue.getJob(`deadline.${String(claim?.id)}.${claim?.due_at.getTime() ?? 0}`)).toBeDefined();

    clock.set(new Date((claim?.due_at ?? new Date()).getTime() + 60_000));
    const report = await sweeper.sweep();
    expect(report.escalatedLevelOne).toBeGreaterThanOrEqual(1);
    expect(await escalations(caseId)).toEqual([{ level: 1, status: 'open', obligation: 'claim' }]);
    const again = await sweeper.sweep();
    expect(again.escalatedLevelOne).toBe(0);
    expect(await escalations(caseId)).toHaveLength(1);
  });

  it('tops the horizon up as it moves on, and puts everything within it back after Redis lost it', async () => {
    const caseId = await newCase();
    const [claim] = await api.dataSource.query<{ id: string; due_at: Date; remind_at: Date }[]>(
      `SELECT id, due_at, remind_at FROM case_obligations WHERE case_id = $1`,
      [caseId],
    );
    const id = String(claim?.id);
    const due = claim?.due_at ?? new Date();
    const remind = claim?.remind_at ?? new Date();
    const deadlineJob = () => slaQueue.getJob(`deadline.${id}.${due.getTime()}`);
    const reminderJob = () => slaQueue.getJob(`reminder.${id}.${due.getTime()}`);
    const sweeper = sla.get(Sweeper);
    await loseRedis();
    // Monday: both are beyond the horizon.
    await sweeper.sweep();
    expect(await reminderJob()).toBeUndefined();
    expect(await deadlineJob()).toBeUndefined();
    // An hour before the horizon reaches the reminder, then an hour after: it goes on the queue, at its time.
    clock.set(new Date(remind.getTime() - DAY - 3600_000));
    await sweeper.sweep();
    expect(await reminderJob()).toBeUndefined();
    clock.set(new Date(remind.getTime() - DAY + 3600_000));
    await sweeper.sweep();
    expect((await reminderJob())?.opts.delay).toBe(remind.getTime() - clock.now().getTime());
    expect(await deadlineJob()).toBeUndefined();
    // The same for the deadline, a day later.
    clock.set(new Date(due.getTime() - DAY + 3600_000));
    const reached = await sweeper.sweep();
    expect(reached.toppedUp).toBeGreaterThanOrEqual(1);
    expect((await deadlineJob())?.opts.delay).toBe(due.getTime() - clock.now().getTime());
    // A minute later, the horizon has moved a minute: only what that minute (and the overlap) reached.
    clock.advance(60_000);
    const next = await sweeper.sweep();
    const openWithin = await api.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM case_obligations WHERE met_at IS NULL AND cancelled_at IS NULL
          AND ((due_at > $1 AND due_at <= $2) OR (remind_at > $1 AND remind_at <= $2))`,
      [clock.now(), new Date(clock.now().getTime() + DAY)],
    );
    expect(next.toppedUp).toBeLessThan(openWithin[0]?.n ?? 0);
    // Redis loses everything: the next sweep puts back every job within the horizon.
    await loseRedis();
    expect(await deadlineJob()).toBeUndefined();
    const healed = await sweeper.sweep();
    expect(healed.toppedUp).toBeGreaterThanOrEqual(openWithin[0]?.n ?? 0);
    expect((await deadlineJob())?.opts.delay).toBe(due.getTime() - clock.now().getTime());
  });
});
